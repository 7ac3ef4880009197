package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.ChatSessionsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteChatSessionsContractTest extends ChatSessionsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
