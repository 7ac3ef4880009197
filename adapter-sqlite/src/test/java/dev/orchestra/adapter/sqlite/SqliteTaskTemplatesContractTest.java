package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.TaskTemplatesContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteTaskTemplatesContractTest extends TaskTemplatesContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
