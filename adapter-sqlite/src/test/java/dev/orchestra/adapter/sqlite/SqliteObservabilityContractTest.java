package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.ObservabilityContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteObservabilityContractTest extends ObservabilityContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
