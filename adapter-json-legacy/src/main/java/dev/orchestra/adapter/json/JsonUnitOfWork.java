package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.UnitOfWork;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Transactions of the JSON store. Write units run one at a time and stage their changes
 * ({@link JsonChanges}); a unit that changed something is handed to the journal, which makes it durable,
 * and only then are its changes applied to the committed rows, under a short exclusive lock. Read units
 * share that lock, so they see whole committed units and never wait for a unit's work or its fsync.
 */
final class JsonUnitOfWork implements UnitOfWork {
    /** Makes one unit's changes durable (the journal), or throws and leaves nothing behind. */
    interface Commit {
        void commit(List<JsonChanges.Change> changes);
    }

    /** After a unit is applied: compaction, when the journal has grown enough. */
    interface AfterCommit {
        void run();
    }

    private final ReentrantLock writers = new ReentrantLock(true);
    private final ReentrantReadWriteLock rows = new ReentrantReadWriteLock(true);
    private final ThreadLocal<Boolean> reading = new ThreadLocal<>();
    private volatile JsonState state;
    private final Commit commit;
    private final AfterCommit afterCommit;
    private volatile boolean closed;

    JsonUnitOfWork(JsonState state, Commit commit, AfterCommit afterCommit) {
        this.state = state;
        this.commit = commit;
        this.afterCommit = afterCommit;
    }

    /** The state; only inside a unit of work. */
    JsonState state() {
        if (!writers.isHeldByCurrentThread() && reading.get() == null) {
            throw new IllegalStateException("ports of the JSON store are called inside a UnitOfWork");
        }
        return state;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        if (writers.isHeldByCurrentThread()) {
            return work.get();
        }
        if (reading.get() != null) {
            throw new IllegalStateException("a read unit of work cannot start a write one");
        }
        try {
            writers.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting to write", e);
        }
        JsonChanges changes = state.changes();
        try {
            requireOpen();
            changes.begin();
            T result;
            try {
                result = work.get();
                // A unit that changed nothing writes nothing (a claim that found no work, a sweep with nothing due).
                if (!changes.changes().isEmpty()) {
                    commit.commit(changes.changes());
                    rows.writeLock().lock();
                    try {
                        changes.apply();
                    } finally {
                        rows.writeLock().unlock();
                    }
                }
            } catch (RuntimeException | Error e) {
                changes.discard();
                throw e;
            }
            changes.end();
            afterCommit.run();
            return result;
        } finally {
            changes.end();
            writers.unlock();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (writers.isHeldByCurrentThread() || reading.get() != null) {
            return work.get();
        }
        rows.readLock().lock();
        reading.set(Boolean.TRUE);
        try {
            requireOpen();
            return work.get();
        } finally {
            reading.remove();
            rows.readLock().unlock();
        }
    }

    /** Runs {@code action} while no write unit runs (compaction before a backup). */
    void exclusively(Runnable action) {
        if (writers.isHeldByCurrentThread() || reading.get() != null) {
            throw new IllegalStateException("this cannot run inside a unit of work");
        }
        writers.lock();
        try {
            requireOpen();
            action.run();
        } finally {
            writers.unlock();
        }
    }

    /** A restore's new state; only inside {@link #exclusively}, and readers wait while it is swapped in. */
    void replace(JsonState restored) {
        if (!writers.isHeldByCurrentThread()) {
            throw new IllegalStateException("the state is replaced only while no write unit runs");
        }
        rows.writeLock().lock();
        try {
            state = restored;
        } finally {
            rows.writeLock().unlock();
        }
    }

    /** Waits for a running write unit, runs {@code last} (the final compaction), then refuses new units. */
    void close(Runnable last) {
        writers.lock();
        try {
            if (!closed) {
                closed = true;
                last.run();
            }
        } finally {
            writers.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreFailure("the JSON store is closed");
        }
    }
}
