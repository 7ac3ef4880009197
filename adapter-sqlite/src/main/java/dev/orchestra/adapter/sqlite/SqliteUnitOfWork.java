package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transactions of the SQLite store. All writes go through one connection, one unit at a time, each
 * inside {@code BEGIN IMMEDIATE}: concurrent writers queue on a fair lock instead of failing with
 * "database is locked". Reads run on a pool of read-only connections, each in its own snapshot.
 */
final class SqliteUnitOfWork implements UnitOfWork, AutoCloseable {
    /** One open connection and the client bound to it. */
    record Session(Connection connection, JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    }

    private final Session writer;
    private final BlockingQueue<Session> readers;
    private final List<Session> allReaders;
    private final Duration waitForReader;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<Session> current = new ThreadLocal<>();
    private volatile boolean closed;

    SqliteUnitOfWork(Session writer, List<Session> readers, Duration waitForReader) {
        this.writer = writer;
        this.allReaders = List.copyOf(readers);
        this.readers = new ArrayBlockingQueue<>(readers.size(), true, readers);
        this.waitForReader = waitForReader;
    }

    /** The client of the unit of work running on this thread. */
    JdbcClient jdbc() {
        Session session = current.get();
        if (session == null) {
            throw new IllegalStateException("ports of the SQLite store are called inside a UnitOfWork");
        }
        return session.jdbc();
    }

    /** For batched statements, which JdbcClient does not offer. */
    NamedParameterJdbcTemplate batch() {
        jdbc();
        return current.get().batch();
    }

    boolean inWrite() {
        return writeLock.isHeldByCurrentThread();
    }

    @Override
    public <T> T write(Supplier<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return work.get();
        }
        if (current.get() != null) {
            throw new IllegalStateException("a read unit of work cannot start a write one");
        }
        lockForWrite();
        try {
            requireOpen();
            execute(writer.connection(), "BEGIN IMMEDIATE");
            current.set(writer);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollback();
                throw translated(e);
            }
            try {
                execute(writer.connection(), "COMMIT");
            } catch (StoreFailure e) {
                rollback();
                throw e;
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

    /** Runs {@code action} on the writer between units of work (for VACUUM INTO, which refuses a transaction). */
    void onWriterOutsideTransaction(java.util.function.Consumer<Connection> action) {
        if (current.get() != null) {
            throw new IllegalStateException("this cannot run inside a unit of work");
        }
        lockForWrite();
        try {
            requireOpen();
            action.accept(writer.connection());
        } finally {
            writeLock.unlock();
        }
    }

    /** Waits for running units, then closes every connection; the WAL is checkpointed into the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        writeLock.lock();
        try {
            closed = true;
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
        } finally {
            writeLock.unlock();
        }
    }

    private void lockForWrite() {
        try {
            writeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting to write", e);
        }
    }

    private Session takeReader() {
        try {
            Session reader = readers.poll(waitForReader.toMillis(), TimeUnit.MILLISECONDS);
            if (reader == null) {
                throw new StoreFailure("store busy: no read connection became free within " + waitForReader);
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
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
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
