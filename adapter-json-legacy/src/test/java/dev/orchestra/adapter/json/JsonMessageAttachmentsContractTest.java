package dev.orchestra.adapter.json;

import dev.orchestra.domain.contract.MessageAttachmentsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class JsonMessageAttachmentsContractTest extends MessageAttachmentsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return JsonTestStore.in(directory);
    }
}
