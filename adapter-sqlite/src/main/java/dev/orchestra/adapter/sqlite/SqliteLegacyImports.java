package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;

/** {@link LegacyImports} in the {@code legacy_imports} table. */
final class SqliteLegacyImports implements LegacyImports {
    private static final RowMapper<LegacyImport> MAPPER = (rows, n) -> new LegacyImport(Rows.tenant(rows),
            rows.getString("id"), rows.getString("source_name"), rows.getLong("size_bytes"),
            rows.getString("sha256"), rows.getLong("repositories"), rows.getLong("agents"), rows.getLong("tasks"),
            rows.getLong("warnings"), Rows.instant(rows, "imported_at"), Rows.nanos(rows, "took_nanos"),
            rows.getString("imported_by"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteLegacyImports(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<LegacyImport> findBySha256(TenantId tenant, String sha256) {
        return SqlErrors.translate("find import", () -> unitOfWork.jdbc()
                .sql("SELECT * FROM legacy_imports WHERE tenant_id = :tenant AND sha256 = :sha")
                .param("tenant", tenant.value()).param("sha", sha256).query(MAPPER).optional());
    }

    @Override
    public void add(LegacyImport i) {
        SqlErrors.translate("record import of " + i.sourceName(), () -> unitOfWork.jdbc().sql("""
                        INSERT INTO legacy_imports (tenant_id, id, source_name, size_bytes, sha256, repositories,
                            agents, tasks, warnings, imported_at, took_nanos, imported_by)
                        VALUES (:tenant, :id, :name, :size, :sha, :repositories, :agents, :tasks, :warnings,
                            :importedAt, :took, :by)
                        """)
                .param("tenant", i.tenantId().value()).param("id", i.id()).param("name", i.sourceName())
                .param("size", i.sizeBytes()).param("sha", i.sha256()).param("repositories", i.repositories())
                .param("agents", i.agents()).param("tasks", i.tasks()).param("warnings", i.warnings())
                .param("importedAt", Times.format(i.importedAt())).param("took", i.took().toNanos())
                .param("by", i.importedBy()).update());
    }

    @Override
    public List<LegacyImport> list(TenantId tenant) {
        return SqlErrors.translate("list imports", () -> unitOfWork.jdbc()
                .sql("SELECT * FROM legacy_imports WHERE tenant_id = :tenant ORDER BY imported_at DESC, id")
                .param("tenant", tenant.value()).query(MAPPER).list());
    }
}
