package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.StoreAreasContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteStoreAreasContractTest extends StoreAreasContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
