package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.UnitOfWorkContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonUnitOfWorkContractTest extends UnitOfWorkContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
