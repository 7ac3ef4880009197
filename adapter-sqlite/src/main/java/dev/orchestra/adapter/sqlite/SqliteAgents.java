package dev.orchestra.adapter.sqlite;

import static dev.orchestra.adapter.sqlite.Rows.instant;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.DomainException;
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

/** {@link Agents} in the {@code agents} table. */
final class SqliteAgents implements Agents {
    private static final String AGENT = Agent.ENTITY;
    private static final SqlFilter<Agent> FILTER = new SqlFilter<>(Map.of(
            AgentFields.ID, "id",
            AgentFields.NAME, "name",
            AgentFields.TYPE, "type",
            AgentFields.REPOSITORY_PATH, "repository_path",
            AgentFields.REPOSITORY_ID, "repository_id",
            AgentFields.STATUS, "status",
            AgentFields.LAST_PING, "last_ping",
            AgentFields.CREATED_AT, "created_at",
            AgentFields.MAX_CONCURRENT_TASKS, "max_concurrent_tasks"));

    static final RowMapper<Agent> MAPPER = (rows, n) -> new Agent(
            Rows.tenant(rows), rows.getString("id"), rows.getString("name"), rows.getString("type"),
            rows.getString("repository_path"), rows.getString("repository_id"),
            Rows.enumOf(AgentStatus.class, rows, "status"), instant(rows, "last_ping"),
            rows.getString("current_task_id"), rows.getString("session_id"), Rows.stringSet(rows, "capabilities"),
            Rows.json(rows, "configuration"), Rows.json(rows, "legacy_attributes"),
            rows.getInt("max_concurrent_tasks"), Rows.nanos(rows, "health_check_interval_nanos"),
            new AgentStatistics(rows.getLong("tasks_completed"), rows.getLong("tasks_failed"),
                    Rows.nanos(rows, "total_execution_time_nanos")),
            Rows.audit(rows), instant(rows, "deleted_at"), rows.getString("deleted_by"), rows.getLong("version"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteAgents(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<Agent> findById(TenantId tenant, String id) {
        return findIncludingDeleted(tenant, id).filter(a -> !a.isDeleted());
    }

    @Override
    public Optional<Agent> findIncludingDeleted(TenantId tenant, String id) {
        // Read on every claim and completion: the short path.
        return unitOfWork.queryFirst("find agent " + id, "SELECT * FROM agents WHERE tenant_id = ? AND id = ?",
                MAPPER, tenant.value(), id);
    }

    @Override
    public Agent add(Agent agent) {
        return SqlErrors.translate("add agent " + agent.id(), () -> {
            bind(jdbc().sql("""
                    INSERT INTO agents (tenant_id, id, name, type, repository_path, repository_id, status, last_ping,
                        current_task_id, session_id, capabilities, configuration, legacy_attributes,
                        max_concurrent_tasks, health_check_interval_nanos, tasks_completed, tasks_failed,
                        total_execution_time_nanos, created_at, created_by, updated_at, updated_by, deleted_at,
                        deleted_by, version)
                    VALUES (:tenant, :id, :name, :type, :repositoryPath, :repositoryId, :status, :lastPing,
                        :currentTaskId, :sessionId, :capabilities, :configuration, :legacyAttributes,
                        :maxConcurrentTasks, :healthCheckInterval, :completed, :failed, :totalExecutionTime,
                        :createdAt, :createdBy, :updatedAt, :updatedBy, :deletedAt, :deletedBy, :version)
                    """), agent).param("version", agent.version()).update();
            return agent;
        });
    }

    @Override
    public Agent update(Agent agent) {
        return SqlErrors.translate("update agent " + agent.id(), () -> {
            long nextVersion = agent.version() + 1;
            int updated = bind(jdbc().sql("""
                    UPDATE agents SET name = :name, type = :type, repository_path = :repositoryPath,
                        repository_id = :repositoryId, status = :status, last_ping = :lastPing,
                        current_task_id = :currentTaskId, session_id = :sessionId, capabilities = :capabilities,
                        configuration = :configuration, legacy_attributes = :legacyAttributes,
                        max_concurrent_tasks = :maxConcurrentTasks,
                        health_check_interval_nanos = :healthCheckInterval, tasks_completed = :completed,
                        tasks_failed = :failed, total_execution_time_nanos = :totalExecutionTime,
                        updated_at = :updatedAt, updated_by = :updatedBy, deleted_at = :deletedAt,
                        deleted_by = :deletedBy, version = :nextVersion
                    WHERE tenant_id = :tenant AND id = :id AND version = :version
                    """), agent).param("version", agent.version())
                    .param("nextVersion", nextVersion).update();
            if (updated != 1) {
                throw staleOrMissing(agent);
            }
            return agent.withVersion(nextVersion);
        });
    }

    /**
     * Only the run-time columns: the editable ones cannot differ at an unchanged version, and SQLite
     * rewrites the entry of every index whose columns are in the SET list (the agent's path, repository
     * and deletion indexes would be rewritten on every claim and completion for nothing).
     */
    @Override
    public Agent recordState(Agent agent) {
        int updated = unitOfWork.update("update agent " + agent.id(), """
                UPDATE agents SET status = ?, last_ping = ?, current_task_id = ?, tasks_completed = ?,
                    tasks_failed = ?, total_execution_time_nanos = ?, updated_at = ?, updated_by = ?
                WHERE tenant_id = ? AND id = ? AND version = ?""",
                agent.status().name(), Times.format(agent.lastPing()), agent.currentTaskId(),
                agent.statistics().completed(), agent.statistics().failed(),
                agent.statistics().totalExecutionTime().toNanos(), Times.format(agent.audit().updatedAt()),
                agent.audit().updatedBy(), agent.tenantId().value(), agent.id(), agent.version());
        if (updated != 1) {
            throw staleOrMissing(agent);
        }
        return agent;
    }

    private DomainException staleOrMissing(Agent agent) {
        return findIncludingDeleted(agent.tenantId(), agent.id()).isPresent()
                ? Conflict.staleVersion(AGENT, agent.id(), agent.version())
                : new NotFound(AGENT, agent.id());
    }

    @Override
    public Page<Agent> find(TenantId tenant, Specification<Agent> where, PageRequest<Agent> page) {
        return SqlErrors.translate("find agents", () ->
                Rows.page(jdbc(), "agents", FILTER, tenant, where, "deleted_at IS NULL", page, MAPPER));
    }

    @Override
    public Page<Agent> findWithDeleted(TenantId tenant, Specification<Agent> where, PageRequest<Agent> page) {
        return SqlErrors.translate("find agents", () ->
                Rows.page(jdbc(), "agents", FILTER, tenant, where, "1 = 1", page, MAPPER));
    }

    @Override
    public long count(TenantId tenant, Specification<Agent> where) {
        SqlFilter.Where condition = FILTER.where(where);
        return SqlErrors.translate("count agents", () -> jdbc()
                .sql("SELECT count(*) FROM agents WHERE tenant_id = :tenant AND deleted_at IS NULL AND "
                        + condition.sql())
                .param("tenant", tenant.value()).params(condition.parameters())
                .query(Long.class).single());
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Agent a) {
        return sql.param("tenant", a.tenantId().value()).param("id", a.id()).param("name", a.name())
                .param("type", a.type()).param("repositoryPath", a.repositoryPath())
                .param("repositoryId", a.repositoryId()).param("status", a.status().name())
                .param("lastPing", Times.format(a.lastPing())).param("currentTaskId", a.currentTaskId())
                .param("sessionId", a.sessionId()).param("capabilities", Rows.json(a.capabilities()))
                .param("configuration", Rows.text(a.configuration()))
                .param("legacyAttributes", Rows.text(a.legacyAttributes()))
                .param("maxConcurrentTasks", a.maxConcurrentTasks())
                .param("healthCheckInterval", a.healthCheckInterval().toNanos())
                .param("completed", a.statistics().completed()).param("failed", a.statistics().failed())
                .param("totalExecutionTime", a.statistics().totalExecutionTime().toNanos())
                .param("createdAt", Times.format(a.audit().createdAt())).param("createdBy", a.audit().createdBy())
                .param("updatedAt", Times.format(a.audit().updatedAt())).param("updatedBy", a.audit().updatedBy())
                .param("deletedAt", Times.format(a.deletedAt())).param("deletedBy", a.deletedBy());
    }
}
