package dev.orchestra.adapter.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A result set whose columns are found by name through a map made once per SQL text. sqlite-jdbc finds
 * a column by comparing the name with each column in turn, case-insensitively, and forgets what it found
 * when the result set closes; a row mapper reading thirty columns by name did that for every row of the
 * statements every task transition runs.
 */
final class NamedColumns implements ResultSet {
    private final ResultSet rows;
    private final Map<String, Integer> columns;

    private NamedColumns(ResultSet rows, Map<String, Integer> columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** {@code rows}, its columns found by {@code known} (filled from the rows' metadata the first time). */
    static ResultSet of(ResultSet rows, Map<String, Map<String, Integer>> known, String sql) throws SQLException {
        Map<String, Integer> columns = known.get(sql);
        // A restore may bring a file whose tables were made by other migrations: a count that moved re-reads them.
        if (columns == null || columns.size() != rows.getMetaData().getColumnCount()) {
            columns = new HashMap<>();
            var metadata = rows.getMetaData();
            for (int i = metadata.getColumnCount(); i >= 1; i--) {
                // From the last, so that of two columns with the same name the first wins, as findColumn does.
                columns.put(metadata.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), i);
            }
            known.put(sql, columns);
        }
        return new NamedColumns(rows, columns);
    }

    @Override
    public int findColumn(String label) throws SQLException {
        Integer index = columns.get(label);
        if (index == null) {
            index = columns.get(label.toLowerCase(java.util.Locale.ROOT));
        }
        return index != null ? index : rows.findColumn(label);
    }

    @Override
    public boolean absolute(int a0) throws SQLException {
        return rows.absolute(a0);
    }

    @Override
    public void afterLast() throws SQLException {
        rows.afterLast();
    }

    @Override
    public void beforeFirst() throws SQLException {
        rows.beforeFirst();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        rows.cancelRowUpdates();
    }

    @Override
    public void clearWarnings() throws SQLException {
        rows.clearWarnings();
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }

    @Override
    public void deleteRow() throws SQLException {
        rows.deleteRow();
    }

    @Override
    public boolean first() throws SQLException {
        return rows.first();
    }

    @Override
    public java.sql.Array getArray(String a0) throws SQLException {
        return rows.getArray(findColumn(a0));
    }

    @Override
    public java.sql.Array getArray(int a0) throws SQLException {
        return rows.getArray(a0);
    }

    @Override
    public java.io.InputStream getAsciiStream(String a0) throws SQLException {
        return rows.getAsciiStream(findColumn(a0));
    }

    @Override
    public java.io.InputStream getAsciiStream(int a0) throws SQLException {
        return rows.getAsciiStream(a0);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String a0, int a1) throws SQLException {
        return rows.getBigDecimal(findColumn(a0), a1);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String a0) throws SQLException {
        return rows.getBigDecimal(findColumn(a0));
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int a0, int a1) throws SQLException {
        return rows.getBigDecimal(a0, a1);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int a0) throws SQLException {
        return rows.getBigDecimal(a0);
    }

    @Override
    public java.io.InputStream getBinaryStream(String a0) throws SQLException {
        return rows.getBinaryStream(findColumn(a0));
    }

    @Override
    public java.io.InputStream getBinaryStream(int a0) throws SQLException {
        return rows.getBinaryStream(a0);
    }

    @Override
    public java.sql.Blob getBlob(String a0) throws SQLException {
        return rows.getBlob(findColumn(a0));
    }

    @Override
    public java.sql.Blob getBlob(int a0) throws SQLException {
        return rows.getBlob(a0);
    }

    @Override
    public boolean getBoolean(String a0) throws SQLException {
        return rows.getBoolean(findColumn(a0));
    }

    @Override
    public boolean getBoolean(int a0) throws SQLException {
        return rows.getBoolean(a0);
    }

    @Override
    public byte getByte(String a0) throws SQLException {
        return rows.getByte(findColumn(a0));
    }

    @Override
    public byte getByte(int a0) throws SQLException {
        return rows.getByte(a0);
    }

    @Override
    public byte[] getBytes(String a0) throws SQLException {
        return rows.getBytes(findColumn(a0));
    }

    @Override
    public byte[] getBytes(int a0) throws SQLException {
        return rows.getBytes(a0);
    }

    @Override
    public java.io.Reader getCharacterStream(String a0) throws SQLException {
        return rows.getCharacterStream(findColumn(a0));
    }

    @Override
    public java.io.Reader getCharacterStream(int a0) throws SQLException {
        return rows.getCharacterStream(a0);
    }

    @Override
    public java.sql.Clob getClob(String a0) throws SQLException {
        return rows.getClob(findColumn(a0));
    }

    @Override
    public java.sql.Clob getClob(int a0) throws SQLException {
        return rows.getClob(a0);
    }

    @Override
    public int getConcurrency() throws SQLException {
        return rows.getConcurrency();
    }

    @Override
    public String getCursorName() throws SQLException {
        return rows.getCursorName();
    }

    @Override
    public java.sql.Date getDate(String a0, java.util.Calendar a1) throws SQLException {
        return rows.getDate(findColumn(a0), a1);
    }

    @Override
    public java.sql.Date getDate(String a0) throws SQLException {
        return rows.getDate(findColumn(a0));
    }

    @Override
    public java.sql.Date getDate(int a0, java.util.Calendar a1) throws SQLException {
        return rows.getDate(a0, a1);
    }

    @Override
    public java.sql.Date getDate(int a0) throws SQLException {
        return rows.getDate(a0);
    }

    @Override
    public double getDouble(String a0) throws SQLException {
        return rows.getDouble(findColumn(a0));
    }

    @Override
    public double getDouble(int a0) throws SQLException {
        return rows.getDouble(a0);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return rows.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return rows.getFetchSize();
    }

    @Override
    public float getFloat(String a0) throws SQLException {
        return rows.getFloat(findColumn(a0));
    }

    @Override
    public float getFloat(int a0) throws SQLException {
        return rows.getFloat(a0);
    }

    @Override
    public int getHoldability() throws SQLException {
        return rows.getHoldability();
    }

    @Override
    public int getInt(String a0) throws SQLException {
        return rows.getInt(findColumn(a0));
    }

    @Override
    public int getInt(int a0) throws SQLException {
        return rows.getInt(a0);
    }

    @Override
    public long getLong(String a0) throws SQLException {
        return rows.getLong(findColumn(a0));
    }

    @Override
    public long getLong(int a0) throws SQLException {
        return rows.getLong(a0);
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        return rows.getMetaData();
    }

    @Override
    public java.io.Reader getNCharacterStream(String a0) throws SQLException {
        return rows.getNCharacterStream(findColumn(a0));
    }

    @Override
    public java.io.Reader getNCharacterStream(int a0) throws SQLException {
        return rows.getNCharacterStream(a0);
    }

    @Override
    public java.sql.NClob getNClob(String a0) throws SQLException {
        return rows.getNClob(findColumn(a0));
    }

    @Override
    public java.sql.NClob getNClob(int a0) throws SQLException {
        return rows.getNClob(a0);
    }

    @Override
    public String getNString(String a0) throws SQLException {
        return rows.getNString(findColumn(a0));
    }

    @Override
    public String getNString(int a0) throws SQLException {
        return rows.getNString(a0);
    }

    @Override
    public <T> T getObject(String a0, Class<T> a1) throws SQLException {
        return rows.getObject(findColumn(a0), a1);
    }

    @Override
    public Object getObject(String a0, java.util.Map<String, Class<?>> a1) throws SQLException {
        return rows.getObject(findColumn(a0), a1);
    }

    @Override
    public Object getObject(String a0) throws SQLException {
        return rows.getObject(findColumn(a0));
    }

    @Override
    public <T> T getObject(int a0, Class<T> a1) throws SQLException {
        return rows.getObject(a0, a1);
    }

    @Override
    public Object getObject(int a0, java.util.Map<String, Class<?>> a1) throws SQLException {
        return rows.getObject(a0, a1);
    }

    @Override
    public Object getObject(int a0) throws SQLException {
        return rows.getObject(a0);
    }

    @Override
    public java.sql.Ref getRef(String a0) throws SQLException {
        return rows.getRef(findColumn(a0));
    }

    @Override
    public java.sql.Ref getRef(int a0) throws SQLException {
        return rows.getRef(a0);
    }

    @Override
    public java.sql.RowId getRowId(String a0) throws SQLException {
        return rows.getRowId(findColumn(a0));
    }

    @Override
    public java.sql.RowId getRowId(int a0) throws SQLException {
        return rows.getRowId(a0);
    }

    @Override
    public int getRow() throws SQLException {
        return rows.getRow();
    }

    @Override
    public java.sql.SQLXML getSQLXML(String a0) throws SQLException {
        return rows.getSQLXML(findColumn(a0));
    }

    @Override
    public java.sql.SQLXML getSQLXML(int a0) throws SQLException {
        return rows.getSQLXML(a0);
    }

    @Override
    public short getShort(String a0) throws SQLException {
        return rows.getShort(findColumn(a0));
    }

    @Override
    public short getShort(int a0) throws SQLException {
        return rows.getShort(a0);
    }

    @Override
    public java.sql.Statement getStatement() throws SQLException {
        return rows.getStatement();
    }

    @Override
    public String getString(String a0) throws SQLException {
        return rows.getString(findColumn(a0));
    }

    @Override
    public String getString(int a0) throws SQLException {
        return rows.getString(a0);
    }

    @Override
    public java.sql.Time getTime(String a0, java.util.Calendar a1) throws SQLException {
        return rows.getTime(findColumn(a0), a1);
    }

    @Override
    public java.sql.Time getTime(String a0) throws SQLException {
        return rows.getTime(findColumn(a0));
    }

    @Override
    public java.sql.Time getTime(int a0, java.util.Calendar a1) throws SQLException {
        return rows.getTime(a0, a1);
    }

    @Override
    public java.sql.Time getTime(int a0) throws SQLException {
        return rows.getTime(a0);
    }

    @Override
    public java.sql.Timestamp getTimestamp(String a0, java.util.Calendar a1) throws SQLException {
        return rows.getTimestamp(findColumn(a0), a1);
    }

    @Override
    public java.sql.Timestamp getTimestamp(String a0) throws SQLException {
        return rows.getTimestamp(findColumn(a0));
    }

    @Override
    public java.sql.Timestamp getTimestamp(int a0, java.util.Calendar a1) throws SQLException {
        return rows.getTimestamp(a0, a1);
    }

    @Override
    public java.sql.Timestamp getTimestamp(int a0) throws SQLException {
        return rows.getTimestamp(a0);
    }

    @Override
    public int getType() throws SQLException {
        return rows.getType();
    }

    @Override
    public java.net.URL getURL(String a0) throws SQLException {
        return rows.getURL(findColumn(a0));
    }

    @Override
    public java.net.URL getURL(int a0) throws SQLException {
        return rows.getURL(a0);
    }

    @Override
    public java.io.InputStream getUnicodeStream(String a0) throws SQLException {
        return rows.getUnicodeStream(findColumn(a0));
    }

    @Override
    public java.io.InputStream getUnicodeStream(int a0) throws SQLException {
        return rows.getUnicodeStream(a0);
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        return rows.getWarnings();
    }

    @Override
    public void insertRow() throws SQLException {
        rows.insertRow();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return rows.isAfterLast();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return rows.isBeforeFirst();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return rows.isClosed();
    }

    @Override
    public boolean isFirst() throws SQLException {
        return rows.isFirst();
    }

    @Override
    public boolean isLast() throws SQLException {
        return rows.isLast();
    }

    @Override
    public boolean isWrapperFor(Class<?> a0) throws SQLException {
        return rows.isWrapperFor(a0);
    }

    @Override
    public boolean last() throws SQLException {
        return rows.last();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        rows.moveToCurrentRow();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        rows.moveToInsertRow();
    }

    @Override
    public boolean next() throws SQLException {
        return rows.next();
    }

    @Override
    public boolean previous() throws SQLException {
        return rows.previous();
    }

    @Override
    public void refreshRow() throws SQLException {
        rows.refreshRow();
    }

    @Override
    public boolean relative(int a0) throws SQLException {
        return rows.relative(a0);
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return rows.rowDeleted();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return rows.rowInserted();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return rows.rowUpdated();
    }

    @Override
    public void setFetchDirection(int a0) throws SQLException {
        rows.setFetchDirection(a0);
    }

    @Override
    public void setFetchSize(int a0) throws SQLException {
        rows.setFetchSize(a0);
    }

    @Override
    public <T> T unwrap(Class<T> a0) throws SQLException {
        return rows.unwrap(a0);
    }

    @Override
    public void updateArray(String a0, java.sql.Array a1) throws SQLException {
        rows.updateArray(findColumn(a0), a1);
    }

    @Override
    public void updateArray(int a0, java.sql.Array a1) throws SQLException {
        rows.updateArray(a0, a1);
    }

    @Override
    public void updateAsciiStream(String a0, java.io.InputStream a1, int a2) throws SQLException {
        rows.updateAsciiStream(findColumn(a0), a1, a2);
    }

    @Override
    public void updateAsciiStream(String a0, java.io.InputStream a1, long a2) throws SQLException {
        rows.updateAsciiStream(findColumn(a0), a1, a2);
    }

    @Override
    public void updateAsciiStream(String a0, java.io.InputStream a1) throws SQLException {
        rows.updateAsciiStream(findColumn(a0), a1);
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
        rows.updateAsciiStream(a0, a1, a2);
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
        rows.updateAsciiStream(a0, a1, a2);
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1) throws SQLException {
        rows.updateAsciiStream(a0, a1);
    }

    @Override
    public void updateBigDecimal(String a0, java.math.BigDecimal a1) throws SQLException {
        rows.updateBigDecimal(findColumn(a0), a1);
    }

    @Override
    public void updateBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException {
        rows.updateBigDecimal(a0, a1);
    }

    @Override
    public void updateBinaryStream(String a0, java.io.InputStream a1, int a2) throws SQLException {
        rows.updateBinaryStream(findColumn(a0), a1, a2);
    }

    @Override
    public void updateBinaryStream(String a0, java.io.InputStream a1, long a2) throws SQLException {
        rows.updateBinaryStream(findColumn(a0), a1, a2);
    }

    @Override
    public void updateBinaryStream(String a0, java.io.InputStream a1) throws SQLException {
        rows.updateBinaryStream(findColumn(a0), a1);
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
        rows.updateBinaryStream(a0, a1, a2);
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
        rows.updateBinaryStream(a0, a1, a2);
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1) throws SQLException {
        rows.updateBinaryStream(a0, a1);
    }

    @Override
    public void updateBlob(String a0, java.io.InputStream a1, long a2) throws SQLException {
        rows.updateBlob(findColumn(a0), a1, a2);
    }

    @Override
    public void updateBlob(String a0, java.io.InputStream a1) throws SQLException {
        rows.updateBlob(findColumn(a0), a1);
    }

    @Override
    public void updateBlob(String a0, java.sql.Blob a1) throws SQLException {
        rows.updateBlob(findColumn(a0), a1);
    }

    @Override
    public void updateBlob(int a0, java.io.InputStream a1, long a2) throws SQLException {
        rows.updateBlob(a0, a1, a2);
    }

    @Override
    public void updateBlob(int a0, java.io.InputStream a1) throws SQLException {
        rows.updateBlob(a0, a1);
    }

    @Override
    public void updateBlob(int a0, java.sql.Blob a1) throws SQLException {
        rows.updateBlob(a0, a1);
    }

    @Override
    public void updateBoolean(String a0, boolean a1) throws SQLException {
        rows.updateBoolean(findColumn(a0), a1);
    }

    @Override
    public void updateBoolean(int a0, boolean a1) throws SQLException {
        rows.updateBoolean(a0, a1);
    }

    @Override
    public void updateByte(String a0, byte a1) throws SQLException {
        rows.updateByte(findColumn(a0), a1);
    }

    @Override
    public void updateByte(int a0, byte a1) throws SQLException {
        rows.updateByte(a0, a1);
    }

    @Override
    public void updateBytes(String a0, byte[] a1) throws SQLException {
        rows.updateBytes(findColumn(a0), a1);
    }

    @Override
    public void updateBytes(int a0, byte[] a1) throws SQLException {
        rows.updateBytes(a0, a1);
    }

    @Override
    public void updateCharacterStream(String a0, java.io.Reader a1, int a2) throws SQLException {
        rows.updateCharacterStream(findColumn(a0), a1, a2);
    }

    @Override
    public void updateCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateCharacterStream(findColumn(a0), a1, a2);
    }

    @Override
    public void updateCharacterStream(String a0, java.io.Reader a1) throws SQLException {
        rows.updateCharacterStream(findColumn(a0), a1);
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1, int a2) throws SQLException {
        rows.updateCharacterStream(a0, a1, a2);
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateCharacterStream(a0, a1, a2);
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1) throws SQLException {
        rows.updateCharacterStream(a0, a1);
    }

    @Override
    public void updateClob(String a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateClob(findColumn(a0), a1, a2);
    }

    @Override
    public void updateClob(String a0, java.io.Reader a1) throws SQLException {
        rows.updateClob(findColumn(a0), a1);
    }

    @Override
    public void updateClob(String a0, java.sql.Clob a1) throws SQLException {
        rows.updateClob(findColumn(a0), a1);
    }

    @Override
    public void updateClob(int a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateClob(a0, a1, a2);
    }

    @Override
    public void updateClob(int a0, java.io.Reader a1) throws SQLException {
        rows.updateClob(a0, a1);
    }

    @Override
    public void updateClob(int a0, java.sql.Clob a1) throws SQLException {
        rows.updateClob(a0, a1);
    }

    @Override
    public void updateDate(String a0, java.sql.Date a1) throws SQLException {
        rows.updateDate(findColumn(a0), a1);
    }

    @Override
    public void updateDate(int a0, java.sql.Date a1) throws SQLException {
        rows.updateDate(a0, a1);
    }

    @Override
    public void updateDouble(String a0, double a1) throws SQLException {
        rows.updateDouble(findColumn(a0), a1);
    }

    @Override
    public void updateDouble(int a0, double a1) throws SQLException {
        rows.updateDouble(a0, a1);
    }

    @Override
    public void updateFloat(String a0, float a1) throws SQLException {
        rows.updateFloat(findColumn(a0), a1);
    }

    @Override
    public void updateFloat(int a0, float a1) throws SQLException {
        rows.updateFloat(a0, a1);
    }

    @Override
    public void updateInt(String a0, int a1) throws SQLException {
        rows.updateInt(findColumn(a0), a1);
    }

    @Override
    public void updateInt(int a0, int a1) throws SQLException {
        rows.updateInt(a0, a1);
    }

    @Override
    public void updateLong(String a0, long a1) throws SQLException {
        rows.updateLong(findColumn(a0), a1);
    }

    @Override
    public void updateLong(int a0, long a1) throws SQLException {
        rows.updateLong(a0, a1);
    }

    @Override
    public void updateNCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateNCharacterStream(findColumn(a0), a1, a2);
    }

    @Override
    public void updateNCharacterStream(String a0, java.io.Reader a1) throws SQLException {
        rows.updateNCharacterStream(findColumn(a0), a1);
    }

    @Override
    public void updateNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateNCharacterStream(a0, a1, a2);
    }

    @Override
    public void updateNCharacterStream(int a0, java.io.Reader a1) throws SQLException {
        rows.updateNCharacterStream(a0, a1);
    }

    @Override
    public void updateNClob(String a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateNClob(findColumn(a0), a1, a2);
    }

    @Override
    public void updateNClob(String a0, java.io.Reader a1) throws SQLException {
        rows.updateNClob(findColumn(a0), a1);
    }

    @Override
    public void updateNClob(String a0, java.sql.NClob a1) throws SQLException {
        rows.updateNClob(findColumn(a0), a1);
    }

    @Override
    public void updateNClob(int a0, java.io.Reader a1, long a2) throws SQLException {
        rows.updateNClob(a0, a1, a2);
    }

    @Override
    public void updateNClob(int a0, java.io.Reader a1) throws SQLException {
        rows.updateNClob(a0, a1);
    }

    @Override
    public void updateNClob(int a0, java.sql.NClob a1) throws SQLException {
        rows.updateNClob(a0, a1);
    }

    @Override
    public void updateNString(String a0, String a1) throws SQLException {
        rows.updateNString(findColumn(a0), a1);
    }

    @Override
    public void updateNString(int a0, String a1) throws SQLException {
        rows.updateNString(a0, a1);
    }

    @Override
    public void updateNull(String a0) throws SQLException {
        rows.updateNull(findColumn(a0));
    }

    @Override
    public void updateNull(int a0) throws SQLException {
        rows.updateNull(a0);
    }

    @Override
    public void updateObject(String a0, Object a1, int a2) throws SQLException {
        rows.updateObject(findColumn(a0), a1, a2);
    }

    @Override
    public void updateObject(String a0, Object a1, java.sql.SQLType a2, int a3) throws SQLException {
        rows.updateObject(findColumn(a0), a1, a2, a3);
    }

    @Override
    public void updateObject(String a0, Object a1, java.sql.SQLType a2) throws SQLException {
        rows.updateObject(findColumn(a0), a1, a2);
    }

    @Override
    public void updateObject(String a0, Object a1) throws SQLException {
        rows.updateObject(findColumn(a0), a1);
    }

    @Override
    public void updateObject(int a0, Object a1, int a2) throws SQLException {
        rows.updateObject(a0, a1, a2);
    }

    @Override
    public void updateObject(int a0, Object a1, java.sql.SQLType a2, int a3) throws SQLException {
        rows.updateObject(a0, a1, a2, a3);
    }

    @Override
    public void updateObject(int a0, Object a1, java.sql.SQLType a2) throws SQLException {
        rows.updateObject(a0, a1, a2);
    }

    @Override
    public void updateObject(int a0, Object a1) throws SQLException {
        rows.updateObject(a0, a1);
    }

    @Override
    public void updateRef(String a0, java.sql.Ref a1) throws SQLException {
        rows.updateRef(findColumn(a0), a1);
    }

    @Override
    public void updateRef(int a0, java.sql.Ref a1) throws SQLException {
        rows.updateRef(a0, a1);
    }

    @Override
    public void updateRowId(String a0, java.sql.RowId a1) throws SQLException {
        rows.updateRowId(findColumn(a0), a1);
    }

    @Override
    public void updateRowId(int a0, java.sql.RowId a1) throws SQLException {
        rows.updateRowId(a0, a1);
    }

    @Override
    public void updateRow() throws SQLException {
        rows.updateRow();
    }

    @Override
    public void updateSQLXML(String a0, java.sql.SQLXML a1) throws SQLException {
        rows.updateSQLXML(findColumn(a0), a1);
    }

    @Override
    public void updateSQLXML(int a0, java.sql.SQLXML a1) throws SQLException {
        rows.updateSQLXML(a0, a1);
    }

    @Override
    public void updateShort(String a0, short a1) throws SQLException {
        rows.updateShort(findColumn(a0), a1);
    }

    @Override
    public void updateShort(int a0, short a1) throws SQLException {
        rows.updateShort(a0, a1);
    }

    @Override
    public void updateString(String a0, String a1) throws SQLException {
        rows.updateString(findColumn(a0), a1);
    }

    @Override
    public void updateString(int a0, String a1) throws SQLException {
        rows.updateString(a0, a1);
    }

    @Override
    public void updateTime(String a0, java.sql.Time a1) throws SQLException {
        rows.updateTime(findColumn(a0), a1);
    }

    @Override
    public void updateTime(int a0, java.sql.Time a1) throws SQLException {
        rows.updateTime(a0, a1);
    }

    @Override
    public void updateTimestamp(String a0, java.sql.Timestamp a1) throws SQLException {
        rows.updateTimestamp(findColumn(a0), a1);
    }

    @Override
    public void updateTimestamp(int a0, java.sql.Timestamp a1) throws SQLException {
        rows.updateTimestamp(a0, a1);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return rows.wasNull();
    }
}
