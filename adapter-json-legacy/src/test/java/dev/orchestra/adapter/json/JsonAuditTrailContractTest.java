package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.AuditTrailContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonAuditTrailContractTest extends AuditTrailContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
