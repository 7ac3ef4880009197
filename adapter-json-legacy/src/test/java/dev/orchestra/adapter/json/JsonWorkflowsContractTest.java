package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.WorkflowsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonWorkflowsContractTest extends WorkflowsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
