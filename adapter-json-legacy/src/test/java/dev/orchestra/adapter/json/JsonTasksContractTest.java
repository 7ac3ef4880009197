package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.TasksContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonTasksContractTest extends TasksContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
