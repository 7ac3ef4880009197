package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.AuditTrailContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteAuditTrailContractTest extends AuditTrailContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
