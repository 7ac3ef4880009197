package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.AgentsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteAgentsContractTest extends AgentsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
