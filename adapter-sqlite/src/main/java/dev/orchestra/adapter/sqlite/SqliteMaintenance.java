package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link StoreMaintenance} of the SQLite store; backups are {@code VACUUM INTO} copies. */
final class SqliteMaintenance implements StoreMaintenance {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS").withZone(ZoneOffset.UTC);
    /** Every table that keeps a tenant's data: read from the schema, so a new area's table is never missed. */
    private static final String TENANT_TABLES = """
            SELECT m.name FROM sqlite_master m
            WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'tenant_id')
            ORDER BY m.name""";

    private final SqliteUnitOfWork unitOfWork;
    private final Path file;
    private final SqliteSettings settings;

    SqliteMaintenance(SqliteUnitOfWork unitOfWork, SqliteSettings settings) {
        this.unitOfWork = unitOfWork;
        this.file = settings.path();
        this.settings = settings;
    }

    private List<String> tenantTables() {
        return SqlErrors.translate("list the tables", () ->
                unitOfWork.jdbc().sql(TENANT_TABLES).query(String.class).list());
    }

    @Override
    public Set<TenantId> tenants() {
        StringBuilder sql = new StringBuilder();
        for (String table : tenantTables()) {
            sql.append(sql.length() == 0 ? "" : " UNION ").append("SELECT tenant_id FROM ").append(table);
        }
        return SqlErrors.translate("list tenants", () -> new LinkedHashSet<>(unitOfWork.jdbc()
                .sql(sql + " ORDER BY tenant_id").query((rows, n) -> new TenantId(rows.getString(1))).list()));
    }

    @Override
    public boolean isEmpty() {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> tables = tenantTables();
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append("NOT EXISTS (SELECT 1 FROM ").append(tables.get(i)).append(")");
        }
        return SqlErrors.translate("check emptiness", () ->
                unitOfWork.jdbc().sql(sql.toString()).query(Integer.class).single() == 1);
    }

    @Override
    public Space space() {
        Path absolute = file.toAbsolutePath();
        long bytes = 0;
        for (String suffix : new String[] {"", "-wal"}) {
            try {
                Path part = absolute.resolveSibling(absolute.getFileName() + suffix);
                bytes += Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                throw new StoreFailure("cannot read the size of " + absolute + ": " + e.getMessage(), e);
            }
        }
        return new Space(absolute.getParent().toString(), bytes, absolute.getParent().toFile().getUsableSpace());
    }

    @Override
    public Backup backup(String reason, Instant at) {
        Backup[] taken = new Backup[1];
        unitOfWork.onWriterOutsideTransaction(connection -> taken[0] = copy(connection, reason, at));
        return taken[0];
    }

    /**
     * A {@code VACUUM INTO} copy, made on the writer outside any transaction: no write can run meanwhile, so
     * the counts taken just before are the copy's. Named here, one backup at a time: two taken in the same
     * millisecond get two files.
     */
    private Backup copy(java.sql.Connection connection, String reason, Instant at) {
        Path folder = file.toAbsolutePath().getParent().resolve("backups");
        String stem = file.getFileName().toString().replaceFirst("\\.db$", "") + "_" + STAMP.format(at) + "_"
                + reason.replaceAll("[^A-Za-z0-9-]", "-");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreFailure("cannot create the backup folder " + folder + ": " + e.getMessage(), e);
        }
        Path target = unused(folder, stem, ".db");
        java.util.Map<String, Long> counts;
        String version;
        try (PreparedStatement statement = connection.prepareStatement("VACUUM INTO ?")) {
            counts = counts(connection);
            version = schemaVersion(connection);
            statement.setString(1, target.toString());
            statement.execute();
        } catch (SQLException e) {
            throw SqlErrors.translate("backup to " + target, e);
        }
        try {
            return new Backup(target.toString(), at, Files.size(target), version, counts);
        } catch (IOException e) {
            throw new StoreFailure("backup " + target + " cannot be read back: " + e.getMessage(), e);
        }
    }

    @Override
    public Restored restore(Path backup, String safetyReason, Instant at,
                            java.util.function.Predicate<Backup> safetyAccepted) {
        Inspection source = inspect(backup);
        if (!source.problems().isEmpty()) {
            throw new StoreFailure("the backup " + backup + " fails the engine's check, so it is not restored: "
                    + String.join("; ", source.problems()));
        }
        Restored[] restored = new Restored[1];
        unitOfWork.onWriterOutsideTransaction(connection -> {
            try {
                String current = schemaVersion(connection);
                if (source.schemaVersion() != null && current != null
                        && Long.parseLong(source.schemaVersion()) > Long.parseLong(current)) {
                    throw new StoreFailure("the backup's schema (version " + source.schemaVersion() + ") is newer"
                            + " than this store's (" + current + "); use a newer Orchestra Store to restore it");
                }
                Backup safety = copy(connection, safetyReason, at);
                if (!safetyAccepted.test(safety)) {
                    throw new StoreFailure("the safety backup " + safety.location() + " did not verify, so the"
                            + " store was not replaced");
                }
                // SQLite's online backup, run backwards: the backup's pages are written into this database in
                // one write transaction on the writer, so readers see the old rows or the new, never a mix,
                // and a failure part-way leaves the old ones. The backup file itself is only read.
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.executeUpdate("restore from '" + backup.toAbsolutePath().toString()
                            .replace("'", "''") + "'");
                }
                SqliteStore.migrate(SqliteStore.dataSource(file.toAbsolutePath(), settings, false));
                List<String> problems = new java.util.ArrayList<>();
                try (PreparedStatement check = connection.prepareStatement("PRAGMA quick_check(100)");
                     java.sql.ResultSet rows = check.executeQuery()) {
                    while (rows.next()) {
                        if (!"ok".equals(rows.getString(1))) {
                            problems.add(rows.getString(1));
                        }
                    }
                }
                restored[0] = new Restored(safety, new Inspection(null, Files.size(file), schemaVersion(connection),
                        counts(connection), problems));
            } catch (SQLException e) {
                throw SqlErrors.translate("restore from " + backup, e);
            } catch (IOException e) {
                throw new StoreFailure("the restored store " + file + " cannot be read: " + e.getMessage(), e);
            }
        });
        return restored[0];
    }

    /** {@code stem + extension} in {@code folder}, or {@code stem-2 + extension}, … whichever is not there yet. */
    private static Path unused(Path folder, String stem, String extension) {
        Path candidate = folder.resolve(stem + extension);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }

    /** Rows per table that keeps a tenant's data, read on the connection given (the writer, or a backup's). */
    private static java.util.Map<String, Long> counts(java.sql.Connection connection) throws SQLException {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        List<String> tables = new java.util.ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement(TENANT_TABLES);
             java.sql.ResultSet rows = list.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        for (String table : tables) {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\"");
                 java.sql.ResultSet rows = count.executeQuery()) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return counts;
    }

    private static String schemaVersion(java.sql.Connection connection) throws SQLException {
        try (PreparedStatement version = connection.prepareStatement("SELECT max(CAST(version AS INTEGER))"
                + " FROM flyway_schema_history WHERE success = 1"); java.sql.ResultSet rows = version.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public Inspection inspect(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreFailure("there is no backup file " + backup);
        }
        String sha256;
        long size;
        try (java.io.InputStream in = Files.newInputStream(backup)) {
            sha256 = dev.orchestra.domain.shared.Digests.sha256(in);
            size = Files.size(backup);
        } catch (IOException e) {
            throw new StoreFailure("cannot read the backup " + backup + ": " + e.getMessage(), e);
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        List<String> problems = new java.util.ArrayList<>();
        // immutable=1: nothing else writes a backup, so no -wal or -shm file is made beside it.
        try (java.sql.Connection connection = config.createConnection("jdbc:sqlite:file:" + backup.toAbsolutePath()
                + "?immutable=1")) {
            try (PreparedStatement check = connection.prepareStatement("PRAGMA integrity_check(100)");
                 java.sql.ResultSet rows = check.executeQuery()) {
                while (rows.next()) {
                    if (!"ok".equals(rows.getString(1))) {
                        problems.add(rows.getString(1));
                    }
                }
            }
            if (!problems.isEmpty()) {
                return new Inspection(sha256, size, null, java.util.Map.of(), problems);
            }
            return new Inspection(sha256, size, schemaVersion(connection), counts(connection), problems);
        } catch (SQLException e) {
            problems.add("the file does not open as an SQLite database: " + e.getMessage());
            return new Inspection(sha256, size, null, java.util.Map.of(), problems);
        }
    }
}
