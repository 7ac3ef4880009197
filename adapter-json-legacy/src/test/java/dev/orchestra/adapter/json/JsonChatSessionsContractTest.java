package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.ChatSessionsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonChatSessionsContractTest extends ChatSessionsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
