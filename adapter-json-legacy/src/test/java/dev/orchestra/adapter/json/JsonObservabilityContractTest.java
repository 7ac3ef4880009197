package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.ObservabilityContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonObservabilityContractTest extends ObservabilityContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
