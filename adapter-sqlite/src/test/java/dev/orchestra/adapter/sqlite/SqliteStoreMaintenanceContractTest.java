package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.StoreMaintenanceContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteStoreMaintenanceContractTest extends StoreMaintenanceContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
