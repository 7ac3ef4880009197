package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.StoreLimitsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteStoreLimitsContractTest extends StoreLimitsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
