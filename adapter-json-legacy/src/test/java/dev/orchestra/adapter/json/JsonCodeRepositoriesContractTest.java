package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.CodeRepositoriesContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonCodeRepositoriesContractTest extends CodeRepositoriesContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
