package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.UnitOfWork;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Transactions of the JSON store: a write holds the lock, changes a copy-on-write view of the state
 * and, if it changed anything, ends with one atomic replace of the file; only then do readers see the
 * new state.
 */
final class JsonUnitOfWork implements UnitOfWork {
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<JsonState> current = new ThreadLocal<>();
    private final Consumer<JsonState> persist;
    private volatile JsonState committed;
    private volatile boolean closed;

    JsonUnitOfWork(JsonState initial, Consumer<JsonState> persist) {
        this.committed = initial;
        this.persist = persist;
    }

    /** The state this thread's unit of work sees. */
    JsonState state() {
        JsonState state = current.get();
        if (state == null) {
            throw new IllegalStateException("ports of the JSON store are called inside a UnitOfWork");
        }
        return state;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return work.get();
        }
        if (current.get() != null) {
            throw new IllegalStateException("a read unit of work cannot start a write one");
        }
        try {
            writeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting to write", e);
        }
        try {
            requireOpen();
            JsonState working = committed.copy();
            current.set(working);
            T result = work.get();
            // A unit that changed nothing writes nothing (a claim that found no work, a heartbeat-free read).
            if (working.changed()) {
                persist.accept(working);
                committed = working;
            }
            return result;
        } finally {
            current.remove();
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        requireOpen();
        current.set(committed);
        try {
            return work.get();
        } finally {
            current.remove();
        }
    }

    /** Runs {@code action} while no write can run (for a backup of the file). */
    void whileNoWrite(Runnable action) {
        if (current.get() != null) {
            throw new IllegalStateException("this cannot run inside a unit of work");
        }
        writeLock.lock();
        try {
            requireOpen();
            action.run();
        } finally {
            writeLock.unlock();
        }
    }

    /** Waits for a running write, then refuses new units. */
    void close() {
        writeLock.lock();
        try {
            closed = true;
        } finally {
            writeLock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreFailure("the JSON store is closed");
        }
    }
}
