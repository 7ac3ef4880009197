package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.StoreLimitsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonStoreLimitsContractTest extends StoreLimitsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
