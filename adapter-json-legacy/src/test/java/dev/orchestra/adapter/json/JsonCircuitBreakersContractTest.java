package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.CircuitBreakersContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonCircuitBreakersContractTest extends CircuitBreakersContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
