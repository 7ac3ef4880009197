package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.AgentsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonAgentsContractTest extends AgentsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
