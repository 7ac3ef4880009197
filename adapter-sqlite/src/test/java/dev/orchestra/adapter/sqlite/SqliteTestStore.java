package dev.orchestra.adapter.sqlite;

import java.nio.file.Path;

/** Where the contract suites open a SQLite store: a fresh database in the test's folder. */
final class SqliteTestStore {
    private SqliteTestStore() {
    }

    static SqliteStore in(Path directory) {
        return SqliteStore.open(SqliteSettings.defaults(directory.resolve("orchestra.db")));
    }
}
