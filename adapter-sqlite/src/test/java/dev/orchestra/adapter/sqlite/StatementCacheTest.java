package dev.orchestra.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class StatementCacheTest {
    @TempDir
    Path folder;

    private Connection raw;
    private Connection cached;

    @BeforeEach
    void open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setGetGeneratedKeys(false);
        raw = config.createConnection("jdbc:sqlite:" + folder.resolve("cache.db"));
        try (Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
            statement.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        }
        cached = StatementCache.wrap(raw, 2);
    }

    @AfterEach
    void close() throws SQLException {
        cached.close();
    }

    @Test
    void givenAClosedStatement_preparingTheSameSql_reusesItWithItsParametersCleared() throws SQLException {
        PreparedStatement first = cached.prepareStatement("SELECT v FROM t WHERE k = ?");
        first.setInt(1, 1);
        assertThat(single(first)).isEqualTo("one");
        PreparedStatement underlying = first.unwrap(PreparedStatement.class);
        first.close();

        PreparedStatement second = cached.prepareStatement("SELECT v FROM t WHERE k = ?");
        assertThat(second.unwrap(PreparedStatement.class)).isSameAs(underlying);
        // No value bound this time: the old 1 must not linger, so nothing matches.
        try (ResultSet rows = second.executeQuery()) {
            assertThat(rows.next()).isFalse();
        }
        second.setInt(1, 2);
        assertThat(single(second)).isEqualTo("two");
        second.close();
        assertThat(StatementCache.idleCount(cached)).isEqualTo(1);
    }

    @Test
    void givenAStatementInUse_preparingTheSameSql_givesAnotherStatement() throws SQLException {
        PreparedStatement outer = cached.prepareStatement("SELECT v FROM t WHERE k = ?");
        PreparedStatement inner = cached.prepareStatement("SELECT v FROM t WHERE k = ?");
        assertThat(inner.unwrap(PreparedStatement.class)).isNotSameAs(outer.unwrap(PreparedStatement.class));
        outer.setInt(1, 1);
        inner.setInt(1, 2);
        assertThat(single(outer)).isEqualTo("one");
        assertThat(single(inner)).isEqualTo("two");
        outer.close();
        inner.close();
        assertThat(StatementCache.idleCount(cached)).isEqualTo(1);
    }

    @Test
    void givenMoreSqlTextsThanTheCapacity_closingThem_reallyClosesTheLeastRecentlyUsed() throws SQLException {
        PreparedStatement a = cached.prepareStatement("SELECT 1");
        PreparedStatement underlyingA = a.unwrap(PreparedStatement.class);
        a.close();
        cached.prepareStatement("SELECT 2").close();
        cached.prepareStatement("SELECT 3").close();

        assertThat(StatementCache.idleCount(cached)).isEqualTo(2);
        assertThat(underlyingA.isClosed()).isTrue();
    }

    @Test
    void givenAnUpdateGivenBack_vacuum_isNotBlockedByIt() throws SQLException {
        PreparedStatement insert = cached.prepareStatement("INSERT INTO t VALUES (?, 'three')");
        insert.setInt(1, 3);
        assertThat(insert.executeUpdate()).isEqualTo(1);
        insert.close();

        // With generated keys on, the driver's key query left open behind the INSERT would block it.
        try (PreparedStatement vacuum = cached.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, folder.resolve("copy.db").toString());
            vacuum.execute();
        }
        assertThat(folder.resolve("copy.db")).exists();
    }

    @Test
    void givenAReturnedStatement_usingItAgain_isRefused() throws SQLException {
        PreparedStatement statement = cached.prepareStatement("SELECT 1");
        statement.close();

        assertThat(statement.isClosed()).isTrue();
        assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void givenIdleStatements_closingTheConnection_closesThemAndTheConnection() throws SQLException {
        PreparedStatement statement = cached.prepareStatement("SELECT 1");
        PreparedStatement underlying = statement.unwrap(PreparedStatement.class);
        statement.close();

        cached.close();

        assertThat(underlying.isClosed()).isTrue();
        assertThat(raw.isClosed()).isTrue();
        assertThat(StatementCache.idleCount(cached)).isZero();
    }

    private static String single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
