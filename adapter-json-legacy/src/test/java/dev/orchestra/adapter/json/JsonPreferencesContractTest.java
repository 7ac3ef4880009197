package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.PreferencesContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonPreferencesContractTest extends PreferencesContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
