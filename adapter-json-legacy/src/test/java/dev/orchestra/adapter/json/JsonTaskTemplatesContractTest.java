package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.TaskTemplatesContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonTaskTemplatesContractTest extends TaskTemplatesContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
