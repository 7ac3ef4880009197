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

    SqliteMaintenance(SqliteUnitOfWork unitOfWork, Path file) {
        this.unitOfWork = unitOfWork;
        this.file = file;
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
    public Backup backup(String reason, Instant at) {
        Path folder = file.toAbsolutePath().getParent().resolve("backups");
        String name = file.getFileName().toString().replaceFirst("\\.db$", "") + "_" + STAMP.format(at) + "_"
                + reason.replaceAll("[^A-Za-z0-9-]", "-") + ".db";
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreFailure("cannot create the backup folder " + folder + ": " + e.getMessage(), e);
        }
        // VACUUM INTO writes a consistent, compacted copy; it runs outside a transaction, on the writer,
        // so no write can run meanwhile.
        unitOfWork.onWriterOutsideTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("VACUUM INTO ?")) {
                statement.setString(1, target.toString());
                statement.execute();
            } catch (SQLException e) {
                throw new StoreFailure("backup to " + target + " failed: " + e.getMessage(), e);
            }
        });
        try {
            return new Backup(target.toString(), at, Files.size(target));
        } catch (IOException e) {
            throw new StoreFailure("backup " + target + " cannot be read back: " + e.getMessage(), e);
        }
    }
}
