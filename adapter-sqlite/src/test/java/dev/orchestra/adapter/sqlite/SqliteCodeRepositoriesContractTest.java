package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.CodeRepositoriesContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteCodeRepositoriesContractTest extends CodeRepositoriesContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
