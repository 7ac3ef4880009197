package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.StoreAreasContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonStoreAreasContractTest extends StoreAreasContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
