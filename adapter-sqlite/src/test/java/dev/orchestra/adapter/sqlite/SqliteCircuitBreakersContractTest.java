package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.CircuitBreakersContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteCircuitBreakersContractTest extends CircuitBreakersContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
