package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.ApiKeysContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonApiKeysContractTest extends ApiKeysContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
