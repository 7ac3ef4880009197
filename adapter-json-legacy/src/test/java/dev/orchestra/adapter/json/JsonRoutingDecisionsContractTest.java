package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.RoutingDecisionsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonRoutingDecisionsContractTest extends RoutingDecisionsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
