package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.UnitOfWorkContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteUnitOfWorkContractTest extends UnitOfWorkContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
