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
        return new Lent(sql, statement);
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

    /**
     * A statement while a caller holds it: closing it gives it back. A plain delegating class, not a
     * proxy: every bind and execute of every statement passes through here, and a reflective call each
     * time cost a tenth of the writer's time per task.
     */
    private final class Lent implements PreparedStatement {
        private final String sql;
        private final PreparedStatement statement;
        private boolean returned;

        Lent(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }

        private PreparedStatement open() throws SQLException {
            if (returned) {
                throw new SQLException("statement is closed");
            }
            return statement;
        }

        @Override
        public void close() throws SQLException {
            if (!returned) {
                returned = true;
                giveBack(sql, statement);
            }
        }

        @Override
        public boolean isClosed() throws SQLException {
            return returned || statement.isClosed();
        }

        @Override
        public void addBatch() throws SQLException {
            open().addBatch();
        }

        @Override
        public void addBatch(String a0) throws SQLException {
            open().addBatch(a0);
        }

        @Override
        public void cancel() throws SQLException {
            open().cancel();
        }

        @Override
        public void clearBatch() throws SQLException {
            open().clearBatch();
        }

        @Override
        public void clearParameters() throws SQLException {
            open().clearParameters();
        }

        @Override
        public void clearWarnings() throws SQLException {
            open().clearWarnings();
        }

        @Override
        public void closeOnCompletion() throws SQLException {
            open().closeOnCompletion();
        }

        @Override
        public String enquoteIdentifier(String a0, boolean a1) throws SQLException {
            return open().enquoteIdentifier(a0, a1);
        }

        @Override
        public String enquoteLiteral(String a0) throws SQLException {
            return open().enquoteLiteral(a0);
        }

        @Override
        public String enquoteNCharLiteral(String a0) throws SQLException {
            return open().enquoteNCharLiteral(a0);
        }

        @Override
        public int[] executeBatch() throws SQLException {
            return open().executeBatch();
        }

        @Override
        public long[] executeLargeBatch() throws SQLException {
            return open().executeLargeBatch();
        }

        @Override
        public long executeLargeUpdate() throws SQLException {
            return open().executeLargeUpdate();
        }

        @Override
        public long executeLargeUpdate(String a0, int[] a1) throws SQLException {
            return open().executeLargeUpdate(a0, a1);
        }

        @Override
        public long executeLargeUpdate(String a0, String[] a1) throws SQLException {
            return open().executeLargeUpdate(a0, a1);
        }

        @Override
        public long executeLargeUpdate(String a0, int a1) throws SQLException {
            return open().executeLargeUpdate(a0, a1);
        }

        @Override
        public long executeLargeUpdate(String a0) throws SQLException {
            return open().executeLargeUpdate(a0);
        }

        @Override
        public java.sql.ResultSet executeQuery() throws SQLException {
            return open().executeQuery();
        }

        @Override
        public java.sql.ResultSet executeQuery(String a0) throws SQLException {
            return open().executeQuery(a0);
        }

        @Override
        public int executeUpdate() throws SQLException {
            return open().executeUpdate();
        }

        @Override
        public int executeUpdate(String a0, int[] a1) throws SQLException {
            return open().executeUpdate(a0, a1);
        }

        @Override
        public int executeUpdate(String a0, String[] a1) throws SQLException {
            return open().executeUpdate(a0, a1);
        }

        @Override
        public int executeUpdate(String a0, int a1) throws SQLException {
            return open().executeUpdate(a0, a1);
        }

        @Override
        public int executeUpdate(String a0) throws SQLException {
            return open().executeUpdate(a0);
        }

        @Override
        public boolean execute() throws SQLException {
            return open().execute();
        }

        @Override
        public boolean execute(String a0, int[] a1) throws SQLException {
            return open().execute(a0, a1);
        }

        @Override
        public boolean execute(String a0, String[] a1) throws SQLException {
            return open().execute(a0, a1);
        }

        @Override
        public boolean execute(String a0, int a1) throws SQLException {
            return open().execute(a0, a1);
        }

        @Override
        public boolean execute(String a0) throws SQLException {
            return open().execute(a0);
        }

        @Override
        public java.sql.Connection getConnection() throws SQLException {
            return open().getConnection();
        }

        @Override
        public int getFetchDirection() throws SQLException {
            return open().getFetchDirection();
        }

        @Override
        public int getFetchSize() throws SQLException {
            return open().getFetchSize();
        }

        @Override
        public java.sql.ResultSet getGeneratedKeys() throws SQLException {
            return open().getGeneratedKeys();
        }

        @Override
        public long getLargeMaxRows() throws SQLException {
            return open().getLargeMaxRows();
        }

        @Override
        public long getLargeUpdateCount() throws SQLException {
            return open().getLargeUpdateCount();
        }

        @Override
        public int getMaxFieldSize() throws SQLException {
            return open().getMaxFieldSize();
        }

        @Override
        public int getMaxRows() throws SQLException {
            return open().getMaxRows();
        }

        @Override
        public java.sql.ResultSetMetaData getMetaData() throws SQLException {
            return open().getMetaData();
        }

        @Override
        public boolean getMoreResults() throws SQLException {
            return open().getMoreResults();
        }

        @Override
        public boolean getMoreResults(int a0) throws SQLException {
            return open().getMoreResults(a0);
        }

        @Override
        public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
            return open().getParameterMetaData();
        }

        @Override
        public int getQueryTimeout() throws SQLException {
            return open().getQueryTimeout();
        }

        @Override
        public int getResultSetConcurrency() throws SQLException {
            return open().getResultSetConcurrency();
        }

        @Override
        public int getResultSetHoldability() throws SQLException {
            return open().getResultSetHoldability();
        }

        @Override
        public int getResultSetType() throws SQLException {
            return open().getResultSetType();
        }

        @Override
        public java.sql.ResultSet getResultSet() throws SQLException {
            return open().getResultSet();
        }

        @Override
        public int getUpdateCount() throws SQLException {
            return open().getUpdateCount();
        }

        @Override
        public java.sql.SQLWarning getWarnings() throws SQLException {
            return open().getWarnings();
        }

        @Override
        public boolean isCloseOnCompletion() throws SQLException {
            return open().isCloseOnCompletion();
        }

        @Override
        public boolean isPoolable() throws SQLException {
            return open().isPoolable();
        }

        @Override
        public boolean isSimpleIdentifier(String a0) throws SQLException {
            return open().isSimpleIdentifier(a0);
        }

        @Override
        public boolean isWrapperFor(Class<?> a0) throws SQLException {
            return open().isWrapperFor(a0);
        }

        @Override
        public void setArray(int a0, java.sql.Array a1) throws SQLException {
            open().setArray(a0, a1);
        }

        @Override
        public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
            open().setAsciiStream(a0, a1, a2);
        }

        @Override
        public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
            open().setAsciiStream(a0, a1, a2);
        }

        @Override
        public void setAsciiStream(int a0, java.io.InputStream a1) throws SQLException {
            open().setAsciiStream(a0, a1);
        }

        @Override
        public void setBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException {
            open().setBigDecimal(a0, a1);
        }

        @Override
        public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
            open().setBinaryStream(a0, a1, a2);
        }

        @Override
        public void setBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
            open().setBinaryStream(a0, a1, a2);
        }

        @Override
        public void setBinaryStream(int a0, java.io.InputStream a1) throws SQLException {
            open().setBinaryStream(a0, a1);
        }

        @Override
        public void setBlob(int a0, java.io.InputStream a1, long a2) throws SQLException {
            open().setBlob(a0, a1, a2);
        }

        @Override
        public void setBlob(int a0, java.io.InputStream a1) throws SQLException {
            open().setBlob(a0, a1);
        }

        @Override
        public void setBlob(int a0, java.sql.Blob a1) throws SQLException {
            open().setBlob(a0, a1);
        }

        @Override
        public void setBoolean(int a0, boolean a1) throws SQLException {
            open().setBoolean(a0, a1);
        }

        @Override
        public void setByte(int a0, byte a1) throws SQLException {
            open().setByte(a0, a1);
        }

        @Override
        public void setBytes(int a0, byte[] a1) throws SQLException {
            open().setBytes(a0, a1);
        }

        @Override
        public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws SQLException {
            open().setCharacterStream(a0, a1, a2);
        }

        @Override
        public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
            open().setCharacterStream(a0, a1, a2);
        }

        @Override
        public void setCharacterStream(int a0, java.io.Reader a1) throws SQLException {
            open().setCharacterStream(a0, a1);
        }

        @Override
        public void setClob(int a0, java.io.Reader a1, long a2) throws SQLException {
            open().setClob(a0, a1, a2);
        }

        @Override
        public void setClob(int a0, java.io.Reader a1) throws SQLException {
            open().setClob(a0, a1);
        }

        @Override
        public void setClob(int a0, java.sql.Clob a1) throws SQLException {
            open().setClob(a0, a1);
        }

        @Override
        public void setCursorName(String a0) throws SQLException {
            open().setCursorName(a0);
        }

        @Override
        public void setDate(int a0, java.sql.Date a1, java.util.Calendar a2) throws SQLException {
            open().setDate(a0, a1, a2);
        }

        @Override
        public void setDate(int a0, java.sql.Date a1) throws SQLException {
            open().setDate(a0, a1);
        }

        @Override
        public void setDouble(int a0, double a1) throws SQLException {
            open().setDouble(a0, a1);
        }

        @Override
        public void setEscapeProcessing(boolean a0) throws SQLException {
            open().setEscapeProcessing(a0);
        }

        @Override
        public void setFetchDirection(int a0) throws SQLException {
            open().setFetchDirection(a0);
        }

        @Override
        public void setFetchSize(int a0) throws SQLException {
            open().setFetchSize(a0);
        }

        @Override
        public void setFloat(int a0, float a1) throws SQLException {
            open().setFloat(a0, a1);
        }

        @Override
        public void setInt(int a0, int a1) throws SQLException {
            open().setInt(a0, a1);
        }

        @Override
        public void setLargeMaxRows(long a0) throws SQLException {
            open().setLargeMaxRows(a0);
        }

        @Override
        public void setLong(int a0, long a1) throws SQLException {
            open().setLong(a0, a1);
        }

        @Override
        public void setMaxFieldSize(int a0) throws SQLException {
            open().setMaxFieldSize(a0);
        }

        @Override
        public void setMaxRows(int a0) throws SQLException {
            open().setMaxRows(a0);
        }

        @Override
        public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
            open().setNCharacterStream(a0, a1, a2);
        }

        @Override
        public void setNCharacterStream(int a0, java.io.Reader a1) throws SQLException {
            open().setNCharacterStream(a0, a1);
        }

        @Override
        public void setNClob(int a0, java.io.Reader a1, long a2) throws SQLException {
            open().setNClob(a0, a1, a2);
        }

        @Override
        public void setNClob(int a0, java.io.Reader a1) throws SQLException {
            open().setNClob(a0, a1);
        }

        @Override
        public void setNClob(int a0, java.sql.NClob a1) throws SQLException {
            open().setNClob(a0, a1);
        }

        @Override
        public void setNString(int a0, String a1) throws SQLException {
            open().setNString(a0, a1);
        }

        @Override
        public void setNull(int a0, int a1, String a2) throws SQLException {
            open().setNull(a0, a1, a2);
        }

        @Override
        public void setNull(int a0, int a1) throws SQLException {
            open().setNull(a0, a1);
        }

        @Override
        public void setObject(int a0, Object a1, int a2, int a3) throws SQLException {
            open().setObject(a0, a1, a2, a3);
        }

        @Override
        public void setObject(int a0, Object a1, int a2) throws SQLException {
            open().setObject(a0, a1, a2);
        }

        @Override
        public void setObject(int a0, Object a1, java.sql.SQLType a2, int a3) throws SQLException {
            open().setObject(a0, a1, a2, a3);
        }

        @Override
        public void setObject(int a0, Object a1, java.sql.SQLType a2) throws SQLException {
            open().setObject(a0, a1, a2);
        }

        @Override
        public void setObject(int a0, Object a1) throws SQLException {
            open().setObject(a0, a1);
        }

        @Override
        public void setPoolable(boolean a0) throws SQLException {
            open().setPoolable(a0);
        }

        @Override
        public void setQueryTimeout(int a0) throws SQLException {
            open().setQueryTimeout(a0);
        }

        @Override
        public void setRef(int a0, java.sql.Ref a1) throws SQLException {
            open().setRef(a0, a1);
        }

        @Override
        public void setRowId(int a0, java.sql.RowId a1) throws SQLException {
            open().setRowId(a0, a1);
        }

        @Override
        public void setSQLXML(int a0, java.sql.SQLXML a1) throws SQLException {
            open().setSQLXML(a0, a1);
        }

        @Override
        public void setShort(int a0, short a1) throws SQLException {
            open().setShort(a0, a1);
        }

        @Override
        public void setString(int a0, String a1) throws SQLException {
            open().setString(a0, a1);
        }

        @Override
        public void setTime(int a0, java.sql.Time a1, java.util.Calendar a2) throws SQLException {
            open().setTime(a0, a1, a2);
        }

        @Override
        public void setTime(int a0, java.sql.Time a1) throws SQLException {
            open().setTime(a0, a1);
        }

        @Override
        public void setTimestamp(int a0, java.sql.Timestamp a1, java.util.Calendar a2) throws SQLException {
            open().setTimestamp(a0, a1, a2);
        }

        @Override
        public void setTimestamp(int a0, java.sql.Timestamp a1) throws SQLException {
            open().setTimestamp(a0, a1);
        }

        @Override
        public void setURL(int a0, java.net.URL a1) throws SQLException {
            open().setURL(a0, a1);
        }

        @Override
        public void setUnicodeStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
            open().setUnicodeStream(a0, a1, a2);
        }

        @Override
        public <T> T unwrap(Class<T> a0) throws SQLException {
            return open().unwrap(a0);
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
