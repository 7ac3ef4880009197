package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.ToolExecutionsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteToolExecutionsContractTest extends ToolExecutionsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
