package dev.orchestra.domain.contract;

import dev.orchestra.domain.store.Store;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the contract suites: each test gets a fresh store in its own folder. */
public abstract class StoreContract {
    @TempDir
    protected Path directory;
    protected Store store;

    /** The one factory method a store's subclass provides: open (and create) a store in the folder. */
    protected abstract Store openStore(Path directory);

    @BeforeEach
    void openFreshStore() {
        store = openStore(directory);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected <T> T write(Supplier<T> work) {
        return store.unitOfWork().write(work);
    }

    protected void writeVoid(Runnable work) {
        store.unitOfWork().writeVoid(work);
    }

    protected <T> T read(Supplier<T> work) {
        return store.unitOfWork().read(work);
    }

    /** Closes the store and opens it again on the same folder: what survives is what was committed. */
    protected void reopen() {
        store.close();
        store = openStore(directory);
    }
}
