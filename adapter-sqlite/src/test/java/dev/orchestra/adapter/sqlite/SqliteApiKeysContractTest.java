package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.ApiKeysContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteApiKeysContractTest extends ApiKeysContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
