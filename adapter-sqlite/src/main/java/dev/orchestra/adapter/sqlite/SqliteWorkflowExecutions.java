package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowExecutions;
import dev.orchestra.domain.workflow.WorkflowFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link WorkflowExecutions} in {@code workflow_executions} and {@code workflow_step_executions}. */
final class SqliteWorkflowExecutions implements WorkflowExecutions {
    private static final String EXECUTION = WorkflowExecution.ENTITY;
    private static final SqlFilter<WorkflowExecution> FILTER = new SqlFilter<>(Map.of(
            WorkflowFields.Execution.ID, "id",
            WorkflowFields.Execution.DEFINITION_ID, "definition_id",
            WorkflowFields.Execution.WORKFLOW_NAME, "workflow_name",
            WorkflowFields.Execution.STATUS, "status",
            WorkflowFields.Execution.PARENT_EXECUTION_ID, "parent_execution_id",
            WorkflowFields.Execution.CREATED_AT, "created_at",
            WorkflowFields.Execution.UPDATED_AT, "updated_at"));
    private static final SqlFilter<StepExecution> STEP_FILTER = new SqlFilter<>(Map.of(
            WorkflowFields.Step.KEY, "id",
            WorkflowFields.Step.EXECUTION_ID, "execution_id",
            WorkflowFields.Step.POSITION, "position",
            WorkflowFields.Step.STATUS, "status"));

    private static final RowMapper<WorkflowExecution> MAPPER = (rows, n) -> new WorkflowExecution(Rows.tenant(rows),
            rows.getString("id"), rows.getString("definition_id"), rows.getString("workflow_name"),
            rows.getString("workflow_version"), rows.getString("content_hash"),
            Rows.enumOf(ExecutionStatus.class, rows, "status"), Rows.json(rows, "context"), Rows.json(rows, "input"),
            Rows.json(rows, "output"), rows.getString("current_stage"), rows.getString("error_message"),
            Rows.instant(rows, "created_at"), Rows.instant(rows, "started_at"), Rows.instant(rows, "completed_at"),
            rows.getString("initiated_by"), Rows.stringSet(rows, "tags"), rows.getString("parent_execution_id"),
            rows.getString("forked_from"), rows.getString("forked_from_step_id"), rows.getString("executor_id"),
            rows.getString("lease_token"), Rows.instant(rows, "lease_expires_at"), rows.getInt("recovery_attempts"),
            Rows.instant(rows, "updated_at"), rows.getLong("version"));
    private static final RowMapper<StepExecution> STEP_MAPPER = (rows, n) -> new StepExecution(Rows.tenant(rows),
            rows.getString("execution_id"), rows.getString("step_id"), rows.getInt("attempt"), rows.getLong("position"),
            Rows.enumOf(StepStatus.class, rows, "status"), Rows.json(rows, "input"), Rows.json(rows, "output"),
            rows.getString("error"), Rows.instant(rows, "started_at"), Rows.instant(rows, "completed_at"),
            Rows.instant(rows, "recorded_at"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteWorkflowExecutions(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    // The statements a step record runs (find, last attempt, append, update) use positional parameters:
    // named ones are rewritten on every call, which the single writer pays for on each step.

    @Override
    public Optional<WorkflowExecution> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find workflow execution " + id, () -> template().query(
                "SELECT * FROM workflow_executions WHERE tenant_id = ? AND id = ?", MAPPER, tenant.value(), id)
                .stream().findFirst());
    }

    @Override
    public WorkflowExecution add(WorkflowExecution e) {
        return SqlErrors.translate("add workflow execution " + e.id(), () -> {
            bind(jdbc().sql("""
                    INSERT INTO workflow_executions (tenant_id, id, definition_id, workflow_name, workflow_version,
                        content_hash, status, context, input, output, current_stage, error_message, created_at,
                        started_at, completed_at, initiated_by, tags, parent_execution_id, forked_from,
                        forked_from_step_id, executor_id, lease_token, lease_expires_at, recovery_attempts, updated_at,
                        version)
                    VALUES (:tenant, :id, :definitionId, :name, :workflowVersion, :hash, :status, :context, :input,
                        :output, :stage, :error, :createdAt, :startedAt, :completedAt, :initiatedBy, :tags, :parent,
                        :forkedFrom, :forkedFromStep, :executor, :leaseToken, :leaseExpiresAt, :attempts, :updatedAt,
                        :version)
                    """), e).update();
            return e;
        });
    }

    @Override
    public WorkflowExecution update(WorkflowExecution e) {
        return SqlErrors.translate("update workflow execution " + e.id(), () -> {
            // The pinned definition and the creation never change.
            int updated = template().update("""
                    UPDATE workflow_executions SET status = ?, context = ?, output = ?, current_stage = ?,
                        error_message = ?, started_at = ?, completed_at = ?, initiated_by = ?, tags = ?,
                        parent_execution_id = ?, executor_id = ?, lease_token = ?, lease_expires_at = ?,
                        recovery_attempts = ?, updated_at = ?, version = version + 1
                    WHERE tenant_id = ? AND id = ? AND version = ?
                    """, e.status().name(), Rows.text(e.context()), Rows.text(e.output()), e.currentStage(),
                    e.errorMessage(), Times.format(e.startedAt()), Times.format(e.completedAt()), e.initiatedBy(),
                    Rows.json(e.tags()), e.parentExecutionId(), e.executorId(), e.leaseToken(),
                    Times.format(e.leaseExpiresAt()), e.recoveryAttempts(), Times.format(e.updatedAt()),
                    e.tenantId().value(), e.id(), e.version());
            if (updated != 1) {
                throw findById(e.tenantId(), e.id()).isPresent()
                        ? Conflict.staleVersion(EXECUTION, e.id(), e.version())
                        : new NotFound(EXECUTION, e.id());
            }
            return e.withVersion(e.version() + 1);
        });
    }

    @Override
    public Page<WorkflowExecution> find(TenantId tenant, Specification<WorkflowExecution> where,
                                        PageRequest<WorkflowExecution> page) {
        return SqlErrors.translate("find workflow executions", () -> Rows.page(jdbc(), "workflow_executions", FILTER,
                tenant, where, "1 = 1", page, MAPPER));
    }

    @Override
    public List<WorkflowExecution> claimable(TenantId tenant, Instant now, int limit) {
        return SqlErrors.translate("find workflow executions to recover", () -> jdbc().sql("""
                        SELECT * FROM workflow_executions INDEXED BY workflow_executions_incomplete
                        WHERE tenant_id = :tenant AND status IN ('PENDING', 'RUNNING', 'BLOCKED')
                            AND (lease_expires_at IS NULL OR lease_expires_at <= :now)
                        ORDER BY created_at, id LIMIT :limit
                        """)
                .param("tenant", tenant.value()).param("now", Times.format(now)).param("limit", limit)
                .query(MAPPER).list());
    }

    @Override
    public List<StepExecution> steps(TenantId tenant, String executionId) {
        return SqlErrors.translate("find the steps of workflow execution " + executionId, () -> jdbc().sql("""
                        SELECT * FROM workflow_step_executions WHERE tenant_id = :tenant AND execution_id = :execution
                        ORDER BY position
                        """)
                .param("tenant", tenant.value()).param("execution", executionId).query(STEP_MAPPER).list());
    }

    @Override
    public Optional<StepExecution> lastAttempt(TenantId tenant, String executionId, String stepId) {
        return SqlErrors.translate("find step " + stepId + " of workflow execution " + executionId, () -> template()
                .query("""
                        SELECT * FROM workflow_step_executions WHERE tenant_id = ? AND execution_id = ? AND step_id = ?
                        ORDER BY attempt DESC LIMIT 1
                        """, STEP_MAPPER, tenant.value(), executionId, stepId).stream().findFirst());
    }

    @Override
    public StepExecution appendStep(StepExecution s) {
        return SqlErrors.translate("record step " + s.stepId() + " of workflow execution " + s.executionId(), () -> {
            // The position is taken in the same statement (one round trip less on the writer's hot path).
            Long position = template().queryForObject("""
                    INSERT INTO workflow_step_executions (tenant_id, execution_id, step_id, attempt, position, status,
                        input, output, error, started_at, completed_at, duration_nanos, recorded_at)
                    VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM workflow_step_executions
                                         WHERE tenant_id = ? AND execution_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING position
                    """, Long.class, s.tenantId().value(), s.executionId(), s.stepId(), s.attempt(),
                    s.tenantId().value(), s.executionId(), s.status().name(), Rows.text(s.input()),
                    Rows.text(s.output()), s.error(), Times.format(s.startedAt()), Times.format(s.completedAt()),
                    s.duration() == null ? null : s.duration().toNanos(), Times.format(s.recordedAt()));
            return new StepExecution(s.tenantId(), s.executionId(), s.stepId(), s.attempt(), position, s.status(),
                    s.input(), s.output(), s.error(), s.startedAt(), s.completedAt(), s.recordedAt());
        });
    }

    @Override
    public StepExecution addStep(StepExecution s) {
        return SqlErrors.translate("record step " + s.stepId() + " of workflow execution " + s.executionId(), () -> {
            bindStep(jdbc().sql("""
                    INSERT INTO workflow_step_executions (tenant_id, execution_id, step_id, attempt, position, status,
                        input, output, error, started_at, completed_at, duration_nanos, recorded_at)
                    VALUES (:tenant, :execution, :step, :attempt, :position, :status, :input, :output, :error,
                        :startedAt, :completedAt, :duration, :recordedAt)
                    """), s).update();
            return s;
        });
    }

    @Override
    public StepExecution updateStep(StepExecution s) {
        return SqlErrors.translate("record step " + s.stepId() + " of workflow execution " + s.executionId(), () -> {
            int updated = bindStep(jdbc().sql("""
                    UPDATE workflow_step_executions SET status = :status, input = :input, output = :output,
                        error = :error, completed_at = :completedAt, duration_nanos = :duration,
                        recorded_at = :recordedAt
                    WHERE tenant_id = :tenant AND execution_id = :execution AND step_id = :step AND attempt = :attempt
                        AND status = 'RUNNING'
                    """), s).update();
            if (updated != 1) {
                throw new NotFound(StepExecution.ENTITY, s.executionId() + "/" + s.stepId() + "/" + s.attempt());
            }
            return s;
        });
    }

    @Override
    public Page<StepExecution> findSteps(TenantId tenant, Specification<StepExecution> where,
                                         PageRequest<StepExecution> page) {
        return SqlErrors.translate("find workflow step attempts", () -> Rows.page(jdbc(), "workflow_step_executions",
                STEP_FILTER, tenant, where, "1 = 1", page, STEP_MAPPER));
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private JdbcTemplate template() {
        return unitOfWork.batch().getJdbcTemplate();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, WorkflowExecution e) {
        return sql.param("tenant", e.tenantId().value()).param("id", e.id()).param("definitionId", e.definitionId())
                .param("name", e.workflowName()).param("workflowVersion", e.workflowVersion())
                .param("hash", e.contentHash()).param("status", e.status().name())
                .param("context", Rows.text(e.context())).param("input", Rows.text(e.input()))
                .param("output", Rows.text(e.output())).param("stage", e.currentStage())
                .param("error", e.errorMessage()).param("createdAt", Times.format(e.createdAt()))
                .param("startedAt", Times.format(e.startedAt())).param("completedAt", Times.format(e.completedAt()))
                .param("initiatedBy", e.initiatedBy()).param("tags", Rows.json(e.tags()))
                .param("parent", e.parentExecutionId()).param("forkedFrom", e.forkedFrom())
                .param("forkedFromStep", e.forkedFromStepId()).param("executor", e.executorId())
                .param("leaseToken", e.leaseToken()).param("leaseExpiresAt", Times.format(e.leaseExpiresAt()))
                .param("attempts", e.recoveryAttempts()).param("updatedAt", Times.format(e.updatedAt()))
                .param("version", e.version());
    }

    private static JdbcClient.StatementSpec bindStep(JdbcClient.StatementSpec sql, StepExecution s) {
        return sql.param("tenant", s.tenantId().value()).param("execution", s.executionId()).param("step", s.stepId())
                .param("attempt", s.attempt()).param("position", s.position()).param("status", s.status().name())
                .param("input", Rows.text(s.input())).param("output", Rows.text(s.output())).param("error", s.error())
                .param("startedAt", Times.format(s.startedAt())).param("completedAt", Times.format(s.completedAt()))
                .param("duration", s.duration() == null ? null : s.duration().toNanos())
                .param("recordedAt", Times.format(s.recordedAt()));
    }
}
