package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.StoreBusy;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.StoreFull;
import dev.orchestra.domain.shared.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transactions of the SQLite store, with group commit. Write units from any number of callers are
 * queued to one writer thread, which runs the units waiting at that moment in one
 * {@code BEGIN IMMEDIATE} … {@code COMMIT}, each inside its own {@code SAVEPOINT}: a unit that fails is
 * rolled back alone and its caller gets its error; the others are acknowledged only after the one
 * COMMIT (and its fsync under {@code synchronous=FULL}) has returned. The queue is bounded: a full
 * queue makes callers wait, then fail with "store busy". Reads run on a pool of read-only
 * connections, each unit in its own snapshot.
 */
final class SqliteUnitOfWork implements UnitOfWork, AutoCloseable {
    /** One open connection and the clients bound to it. */
    record Session(Connection connection, JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    }

    /** A queued write: the work, or an action that must run outside any transaction. */
    private static final class Unit {
        final Supplier<?> work;
        final Consumer<Connection> outsideTransaction;
        final CompletableFuture<Object> done = new CompletableFuture<>();
        final long queuedAt = System.nanoTime();

        Unit(Supplier<?> work, Consumer<Connection> outsideTransaction) {
            this.work = work;
            this.outsideTransaction = outsideTransaction;
        }
    }

    private static final Unit STOP = new Unit(null, null);

    private final Session writer;
    private final BlockingQueue<Session> readers;
    private final List<Session> allReaders;
    private final Duration waitForReader;
    private final Duration waitForQueue;
    private final int maxBatch;
    private final BlockingQueue<Unit> queue;
    private final ThreadLocal<Session> current = new ThreadLocal<>();
    /** Column positions by name for each query {@link #queryFirst} ran: the same SQL text has the same columns. */
    private final java.util.Map<String, java.util.Map<String, Integer>> columnsBySql =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Rows the running write unit has read, for its own updates to reuse; emptied before every unit. */
    private final java.util.Map<Object, Object> unitMemo = new java.util.HashMap<>();
    private final Thread writerThread;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    /** Units run in transactions, and the nanoseconds they waited in the queue before their batch began. */
    private final java.util.concurrent.atomic.AtomicLong unitsRun = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong waitedNanos = new java.util.concurrent.atomic.AtomicLong();
    /** The database's folder, to say how much room is left when the disk is full; null when not known. */
    private volatile java.nio.file.Path folder;

    SqliteUnitOfWork(Session writer, List<Session> readers, Duration waitForReader, int queueCapacity,
                     int maxBatch, Duration waitForQueue) {
        this.writer = writer;
        this.allReaders = List.copyOf(readers);
        // Separate locks for taking and giving back, no fairness: a read is tens of microseconds, and
        // two readers handing connections back and forth should not queue on one lock.
        this.readers = new LinkedBlockingQueue<>(readers);
        this.waitForReader = waitForReader;
        this.waitForQueue = waitForQueue;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity, true);
        this.writerThread = new Thread(this::writeLoop, "sqlite-writer");
        this.writerThread.setDaemon(true);
        this.writerThread.start();
    }

    /** The client of the unit of work running on this thread. */
    JdbcClient jdbc() {
        return session().jdbc();
    }

    /**
     * What the running write unit has read, keyed by the port that read it; null outside a write unit
     * (readers run concurrently and keep nothing). A row kept here is the stored row as long as its
     * version is the one read: every write of it raises the version, and a unit rolled back is forgotten
     * with the memo, which the next unit starts empty.
     */
    java.util.Map<Object, Object> unitMemo() {
        return current.get() == writer ? unitMemo : null;
    }

    /**
     * One write statement with positional arguments, straight on the unit's connection (its prepared
     * statement served from the cache): for the few statements every task transition runs, where
     * Spring's named-parameter parsing, substitution and per-value type inspection cost more than SQLite.
     */
    int update(String what, String sql, Object... arguments) {
        try (PreparedStatement statement = session().connection().prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    /** The first row of a query with positional arguments, mapped; the same short path as {@link #update}. */
    <T> java.util.Optional<T> queryFirst(String what, String sql, org.springframework.jdbc.core.RowMapper<T> mapper,
                                         Object... arguments) {
        try (PreparedStatement statement = session().connection().prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                return rows.next() ? java.util.Optional.ofNullable(mapper.mapRow(NamedColumns.of(rows, columnsBySql, sql), 0))
                        : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    /** For batched statements, which JdbcClient does not offer. */
    NamedParameterJdbcTemplate batch() {
        return session().batch();
    }

    private Session session() {
        Session session = current.get();
        if (session == null) {
            throw new IllegalStateException("ports of the SQLite store are called inside a UnitOfWork");
        }
        return session;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T write(Supplier<T> work) {
        if (Thread.currentThread() == writerThread) {
            return work.get();
        }
        if (current.get() != null) {
            throw new IllegalStateException("a read unit of work cannot start a write one");
        }
        return (T) submit(new Unit(work, null));
    }

    /** Runs {@code action} on the writer between batches, outside any transaction (VACUUM INTO needs that). */
    void onWriterOutsideTransaction(Consumer<Connection> action) {
        if (current.get() != null) {
            throw new IllegalStateException("this cannot run inside a unit of work");
        }
        submit(new Unit(null, action));
    }

    private Object submit(Unit unit) {
        requireOpen();
        try {
            if (!queue.offer(unit, waitForQueue.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreBusy(queue.size() + " write units are waiting; none was"
                        + " accepted within " + waitForQueue);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting to write", e);
        }
        try {
            // Once queued, a unit runs; the caller waits for its outcome even if interrupted.
            boolean interrupted = false;
            while (true) {
                try {
                    Object result = unit.done.get();
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return result;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreFull full && full.location() == null && folder != null) {
                throw full.at(folder.toString(), folder.toFile().getUsableSpace());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreFailure("write failed: " + cause, cause);
        }
    }

    /**
     * How long the writer waits for more units when its batch is smaller than the last one. Callers
     * answered by the last commit are usually on their way back with their next unit; a commit (an fsync
     * under synchronous=FULL) shared by all of them costs less than one each. A lone caller (last batch
     * of one) never waits.
     */
    private static final long LINGER_NANOS = java.util.concurrent.TimeUnit.MICROSECONDS.toNanos(250);

    private void writeLoop() {
        List<Unit> batch = new ArrayList<>(maxBatch);
        int lastBatch = 1;
        Unit carried = null;
        while (true) {
            Unit first;
            if (carried != null) {
                first = carried;
                carried = null;
            } else {
                try {
                    first = queue.take();
                } catch (InterruptedException e) {
                    continue;
                }
            }
            if (first == STOP) {
                // Units that slipped in after the stop are answered, never left waiting.
                for (Unit late; (late = queue.poll()) != null; ) {
                    late.done.completeExceptionally(new StoreFailure("the SQLite store is closed"));
                }
                return;
            }
            if (first.outsideTransaction != null) {
                runOutsideTransaction(first);
                continue;
            }
            batch.add(first);
            // Everything already waiting joins this transaction, up to the batch size, stopping at a
            // unit that must run alone.
            while (batch.size() < maxBatch) {
                Unit next = queue.peek();
                if (next == null || next == STOP || next.outsideTransaction != null) {
                    break;
                }
                batch.add(queue.poll());
            }
            int wanted = Math.min(lastBatch, maxBatch);
            long deadline = System.nanoTime() + LINGER_NANOS;
            while (batch.size() < wanted) {
                long left = deadline - System.nanoTime();
                Unit next;
                try {
                    next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    next = null;
                }
                if (next == null) {
                    break;
                }
                if (next == STOP || next.outsideTransaction != null) {
                    carried = next;
                    break;
                }
                batch.add(next);
            }
            lastBatch = batch.size();
            runBatch(batch);
            batch.clear();
        }
    }

    private void runBatch(List<Unit> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        long began = System.nanoTime();
        long waited = 0;
        for (Unit unit : batch) {
            waited += began - unit.queuedAt;
        }
        unitsRun.addAndGet(batch.size());
        waitedNanos.addAndGet(waited);
        try {
            execute(writer.connection(), "BEGIN IMMEDIATE");
        } catch (StoreFailure e) {
            batch.forEach(unit -> unit.done.completeExceptionally(e));
            return;
        }
        current.set(writer);
        try {
            for (int i = 0; i < batch.size(); i++) {
                execute(writer.connection(), "SAVEPOINT unit");
                unitMemo.clear();
                try {
                    results[i] = batch.get(i).work.get();
                    execute(writer.connection(), "RELEASE unit");
                } catch (RuntimeException | Error e) {
                    failures[i] = e instanceof Error ? e : translated(e);
                    execute(writer.connection(), "ROLLBACK TO unit");
                    execute(writer.connection(), "RELEASE unit");
                }
            }
            execute(writer.connection(), "COMMIT");
            commits.incrementAndGet();
        } catch (StoreFailure e) {
            // The transaction itself failed (a savepoint or the commit): nothing of the batch is kept.
            rollback();
            for (int i = 0; i < batch.size(); i++) {
                if (failures[i] == null) {
                    failures[i] = e;
                }
            }
        } finally {
            current.remove();
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] != null) {
                batch.get(i).done.completeExceptionally(failures[i]);
            } else {
                batch.get(i).done.complete(results[i]);
            }
        }
    }

    private void runOutsideTransaction(Unit unit) {
        try {
            unit.outsideTransaction.accept(writer.connection());
            unit.done.complete(null);
        } catch (RuntimeException | Error e) {
            unit.done.completeExceptionally(e);
        }
    }

    void folder(java.nio.file.Path databaseFolder) {
        this.folder = databaseFolder;
    }

    /** What the writer has done so far, for the service's metrics. */
    SqliteStore.WriteStatistics statistics() {
        return new SqliteStore.WriteStatistics(queue.size(), unitsRun.get(), commits.get(), waitedNanos.get());
    }

    /** Transactions committed so far: fewer than write units when group commit is at work. */
    long commits() {
        return commits.get();
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        requireOpen();
        Session reader = takeReader();
        try {
            execute(reader.connection(), "BEGIN");
            current.set(reader);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                throw translated(e);
            } finally {
                execute(reader.connection(), "COMMIT");
            }
        } finally {
            current.remove();
            readers.offer(reader);
        }
    }

    /**
     * Refuses new units, lets the writer finish every queued one (each caller is answered), then
     * closes every connection; the WAL is checkpointed into the database file.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            writerThread.join();
            for (int i = 0; i < allReaders.size(); i++) {
                Session reader = readers.poll(waitForReader.toMillis(), TimeUnit.MILLISECONDS);
                if (reader != null) {
                    quietlyClose(reader.connection());
                }
            }
            try (Statement statement = writer.connection().createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                statement.execute("PRAGMA optimize");
            } catch (SQLException e) {
                // The data is committed already; a checkpoint that fails is done by the next open.
            }
            quietlyClose(writer.connection());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Session takeReader() {
        try {
            Session reader = readers.poll(waitForReader.toMillis(), TimeUnit.MILLISECONDS);
            if (reader == null) {
                throw new StoreBusy("no read connection became free within " + waitForReader);
            }
            return reader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting to read", e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreFailure("the SQLite store is closed");
        }
    }

    private void rollback() {
        try {
            execute(writer.connection(), "ROLLBACK");
        } catch (StoreFailure e) {
            // SQLite rolls back by itself on some errors; then there is nothing left to undo.
        }
    }

    private static RuntimeException translated(Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        if (e instanceof DataAccessException dae) {
            return SqlErrors.translate("unit of work", dae);
        }
        return e instanceof DomainException ? (DomainException) e : (RuntimeException) e;
    }

    private static void execute(Connection connection, String sql) {
        // Prepared, so the connection's statement cache keeps BEGIN, SAVEPOINT and COMMIT parsed.
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            if (e instanceof org.sqlite.SQLiteException lite
                    && lite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_FULL) {
                throw new StoreFull(sql, e);
            }
            throw new StoreFailure(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing on shutdown: nothing more to do.
        }
    }
}
