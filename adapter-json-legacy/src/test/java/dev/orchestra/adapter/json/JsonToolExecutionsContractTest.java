package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.ToolExecutionsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonToolExecutionsContractTest extends ToolExecutionsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
