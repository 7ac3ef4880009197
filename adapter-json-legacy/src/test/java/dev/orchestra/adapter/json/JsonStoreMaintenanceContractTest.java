package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.StoreMaintenanceContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonStoreMaintenanceContractTest extends StoreMaintenanceContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
