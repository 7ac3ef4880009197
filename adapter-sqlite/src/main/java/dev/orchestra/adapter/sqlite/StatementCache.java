package dev.orchestra.adapter.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the prepared statements of one connection for reuse, so SQLite parses and plans each SQL
 * text once rather than on every call: sqlite-jdbc has no cache of its own, and the pools that offer
 * one do so only for connections they manage, which this store does not use (one writer thread and
 * its own readers). A statement handed out is taken out of the cache until closed, so the same SQL
 * used twice at once gets two statements; closing one clears its parameters and returns it. The
 * least recently used statements beyond {@code capacity} are really closed.
 *
 * <p>The connection must not fetch generated keys ({@code SQLiteConfig.setGetGeneratedKeys(false)}):
 * the driver would leave a key query open behind every kept INSERT, which SQLite counts as a
 * statement in progress (VACUUM then refuses to run).
 *
 * <p>A connection is used by one thread at a time (the writer thread, or the holder of a reader).
 */
final class StatementCache implements InvocationHandler {
    private final Connection target;
    private final Map<String, PreparedStatement> idle;
    private boolean closed;

    private StatementCache(Connection target, int capacity) {
        this.target = target;
        this.idle = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }

    /** {@code target}, with {@code prepareStatement(String)} served from a cache of {@code capacity} statements. */
    static Connection wrap(Connection target, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(target, capacity));
    }

    /** How many statements wait for reuse. */
    static int idleCount(Connection connection) {
        StatementCache cache = (StatementCache) Proxy.getInvocationHandler(connection);
        synchronized (cache) {
            return cache.idle.size();
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "prepareStatement":
                if (args.length == 1) {
                    return checkOut((String) args[0]);
                }
                break;
            case "close":
                closeAll();
                break;
            case "unwrap":
            case "isWrapperFor":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return method.getName().equals("unwrap") ? proxy : true;
                }
                break;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "cached statements of " + target;
            default:
                break;
        }
        return delegate(target, method, args);
    }

    private synchronized PreparedStatement checkOut(String sql) throws SQLException {
        PreparedStatement statement = idle.remove(sql);
        if (statement == null || statement.isClosed()) {
            statement = target.prepareStatement(sql);
        }
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new Lent(sql, statement));
    }

    private synchronized void giveBack(String sql, PreparedStatement statement) throws SQLException {
        if (closed || statement.isClosed()) {
            closeQuietly(statement);
            return;
        }
        statement.clearParameters();
        statement.clearBatch();
        PreparedStatement other = idle.put(sql, statement);
        if (other != null) {
            closeQuietly(other);
        }
    }

    private synchronized void closeAll() {
        closed = true;
        List<PreparedStatement> statements = new ArrayList<>(idle.values());
        idle.clear();
        statements.forEach(StatementCache::closeQuietly);
    }

    /** A statement while a caller holds it: closing it gives it back. */
    private final class Lent implements InvocationHandler {
        private final String sql;
        private final PreparedStatement statement;
        private boolean returned;

        Lent(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!returned) {
                        returned = true;
                        giveBack(sql, statement);
                    }
                    return null;
                case "isClosed":
                    return returned || statement.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    if (returned) {
                        throw new SQLException("statement is closed");
                    }
                    return delegate(statement, method, args);
            }
        }
    }

    private static Object delegate(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // A statement that cannot close is finalized with its connection.
        }
    }
}
