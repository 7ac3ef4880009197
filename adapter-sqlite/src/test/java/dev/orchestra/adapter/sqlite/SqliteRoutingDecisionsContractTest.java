package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.RoutingDecisionsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteRoutingDecisionsContractTest extends RoutingDecisionsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
