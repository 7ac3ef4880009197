package dev.orchestra.adapter.sqlite;

import static dev.orchestra.adapter.sqlite.Rows.instant;

import dev.orchestra.domain.repository.AccessLevel;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryFields;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.repository.RepositoryType;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CodeRepositories} in the {@code repositories} table. */
final class SqliteCodeRepositories implements CodeRepositories {
    private static final String REPOSITORY = CodeRepository.ENTITY;
    private static final SqlFilter<CodeRepository> FILTER = new SqlFilter<>(Map.of(
            RepositoryFields.ID, "id",
            RepositoryFields.NAME, "name",
            RepositoryFields.PATH, "path",
            RepositoryFields.TYPE, "type",
            RepositoryFields.ACTIVE, "active",
            RepositoryFields.CREATED_AT, "created_at"));

    static final RowMapper<CodeRepository> MAPPER = (rows, n) -> new CodeRepository(
            Rows.tenant(rows), rows.getString("id"), rows.getString("name"), rows.getString("path"),
            rows.getString("description"), Rows.enumOf(RepositoryType.class, rows, "type"),
            rows.getInt("active") == 1, Rows.json(rows, "settings"), rows.getString("default_branch"),
            Rows.stringSet(rows, "allowed_operations"), Rows.enumOf(AccessLevel.class, rows, "access_level"),
            rows.getString("owner_user_id"),
            new RepositoryStatistics(rows.getLong("total_tasks"), rows.getLong("successful_tasks"),
                    rows.getLong("failed_tasks"), Rows.nanos(rows, "total_execution_time_nanos"),
                    instant(rows, "last_task_executed_at")),
            rows.getDouble("performance_rating"), rows.getDouble("reliability_score"),
            instant(rows, "last_accessed_at"), Rows.audit(rows), rows.getLong("version"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteCodeRepositories(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<CodeRepository> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find repository " + id, () -> jdbc()
                .sql("SELECT * FROM repositories WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id)
                .query(MAPPER).optional());
    }

    @Override
    public Optional<CodeRepository> findByPath(TenantId tenant, String path) {
        // Read on every task completion: the short path.
        return unitOfWork.queryFirst("find repository at " + path,
                "SELECT * FROM repositories WHERE tenant_id = ? AND path = ?", MAPPER, tenant.value(), path);
    }

    @Override
    public CodeRepository add(CodeRepository repository) {
        return SqlErrors.translate("add repository " + repository.id(), () -> {
            bind(jdbc().sql("""
                    INSERT INTO repositories (tenant_id, id, name, path, description, type, active, settings,
                        default_branch, allowed_operations, access_level, owner_user_id, total_tasks,
                        successful_tasks, failed_tasks, total_execution_time_nanos, last_task_executed_at,
                        performance_rating, reliability_score, last_accessed_at, created_at, created_by,
                        updated_at, updated_by, version)
                    VALUES (:tenant, :id, :name, :path, :description, :type, :active, :settings, :defaultBranch,
                        :allowedOperations, :accessLevel, :ownerUserId, :totalTasks, :successfulTasks,
                        :failedTasks, :totalExecutionTime, :lastTaskExecutedAt, :performanceRating,
                        :reliabilityScore, :lastAccessedAt, :createdAt, :createdBy, :updatedAt, :updatedBy, :version)
                    """), repository).param("version", repository.version()).update();
            return repository;
        });
    }

    @Override
    public CodeRepository update(CodeRepository repository) {
        CodeRepository r = repository;
        RepositoryStatistics s = r.statistics();
        // Every task completion updates its repository's statistics: positional, the short path.
        int updated = unitOfWork.update("update repository " + r.id(), """
                UPDATE repositories SET name = ?, path = ?, description = ?, type = ?, active = ?, settings = ?,
                    default_branch = ?, allowed_operations = ?, access_level = ?, owner_user_id = ?, total_tasks = ?,
                    successful_tasks = ?, failed_tasks = ?, total_execution_time_nanos = ?,
                    last_task_executed_at = ?, performance_rating = ?, reliability_score = ?, last_accessed_at = ?,
                    updated_at = ?, updated_by = ?, version = version + 1
                WHERE tenant_id = ? AND id = ? AND version = ?""",
                r.name(), r.path(), r.description(), r.type().name(), r.active() ? 1 : 0, Rows.text(r.settings()),
                r.defaultBranch(), Rows.json(r.allowedOperations()), r.accessLevel().name(), r.ownerUserId(),
                s.totalTasks(), s.successfulTasks(), s.failedTasks(), s.totalExecutionTime().toNanos(),
                Times.format(s.lastTaskExecutedAt()), r.performanceRating(), r.reliabilityScore(),
                Times.format(r.lastAccessedAt()), Times.format(r.audit().updatedAt()), r.audit().updatedBy(),
                r.tenantId().value(), r.id(), r.version());
        if (updated != 1) {
            throw findById(r.tenantId(), r.id()).isPresent()
                    ? Conflict.staleVersion(REPOSITORY, r.id(), r.version())
                    : new NotFound(REPOSITORY, r.id());
        }
        return r.withVersion(r.version() + 1);
    }

    @Override
    public void remove(TenantId tenant, String id, long expectedVersion) {
        SqlErrors.translate("remove repository " + id, () -> {
            CodeRepository current = findById(tenant, id).orElseThrow(() -> new NotFound(REPOSITORY, id));
            if (current.version() != expectedVersion) {
                throw Conflict.staleVersion(REPOSITORY, id, expectedVersion);
            }
            long users = jdbc().sql("""
                    SELECT (SELECT count(*) FROM agents WHERE tenant_id = :tenant AND repository_id = :id)
                         + (SELECT count(*) FROM tasks WHERE tenant_id = :tenant AND repository_id = :id)
                         + (SELECT count(*) FROM user_preferences WHERE tenant_id = :tenant AND repository_id = :id)
                    """).param("tenant", tenant.value()).param("id", id).query(Long.class).single();
            if (users > 0) {
                throw new Conflict("Repository '" + id + "' is still used by " + users
                        + " agent(s), task(s) or preference(s)");
            }
            jdbc().sql("DELETE FROM repositories WHERE tenant_id = :tenant AND id = :id")
                    .param("tenant", tenant.value()).param("id", id).update();
            return null;
        });
    }

    @Override
    public Page<CodeRepository> find(TenantId tenant, Specification<CodeRepository> where,
                                     PageRequest<CodeRepository> page) {
        return SqlErrors.translate("find repositories", () ->
                Rows.page(jdbc(), "repositories", FILTER, tenant, where, "1 = 1", page, MAPPER));
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, CodeRepository r) {
        RepositoryStatistics s = r.statistics();
        return sql.param("tenant", r.tenantId().value()).param("id", r.id()).param("name", r.name())
                .param("path", r.path()).param("description", r.description()).param("type", r.type().name())
                .param("active", r.active() ? 1 : 0).param("settings", Rows.text(r.settings()))
                .param("defaultBranch", r.defaultBranch())
                .param("allowedOperations", Rows.json(r.allowedOperations()))
                .param("accessLevel", r.accessLevel().name()).param("ownerUserId", r.ownerUserId())
                .param("totalTasks", s.totalTasks()).param("successfulTasks", s.successfulTasks())
                .param("failedTasks", s.failedTasks())
                .param("totalExecutionTime", s.totalExecutionTime().toNanos())
                .param("lastTaskExecutedAt", Times.format(s.lastTaskExecutedAt()))
                .param("performanceRating", r.performanceRating()).param("reliabilityScore", r.reliabilityScore())
                .param("lastAccessedAt", Times.format(r.lastAccessedAt()))
                .param("createdAt", Times.format(r.audit().createdAt())).param("createdBy", r.audit().createdBy())
                .param("updatedAt", Times.format(r.audit().updatedAt())).param("updatedBy", r.audit().updatedBy());
    }
}
