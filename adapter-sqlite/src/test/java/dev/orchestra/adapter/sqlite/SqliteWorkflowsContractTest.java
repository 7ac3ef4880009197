package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.WorkflowsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteWorkflowsContractTest extends WorkflowsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
