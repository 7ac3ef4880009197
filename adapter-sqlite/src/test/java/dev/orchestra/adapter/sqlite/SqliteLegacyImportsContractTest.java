package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.LegacyImportsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteLegacyImportsContractTest extends LegacyImportsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
