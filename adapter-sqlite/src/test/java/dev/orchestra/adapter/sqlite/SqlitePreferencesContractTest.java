package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.PreferencesContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqlitePreferencesContractTest extends PreferencesContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
