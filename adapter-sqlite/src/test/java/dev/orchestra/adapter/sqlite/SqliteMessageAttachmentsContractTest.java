package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.contract.MessageAttachmentsContractTest;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;

class SqliteMessageAttachmentsContractTest extends MessageAttachmentsContractTest {
    @Override
    protected Store openStore(Path directory) {
        return SqliteTestStore.in(directory);
    }
}
