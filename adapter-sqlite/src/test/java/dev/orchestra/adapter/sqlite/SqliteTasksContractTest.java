package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.TasksContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteTasksContractTest extends TasksContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
