package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.LegacyImportsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonLegacyImportsContractTest extends LegacyImportsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
