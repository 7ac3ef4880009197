package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.chat.Approval;
import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.chat.ToolExecutions;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** {@link ToolExecutions} in {@code tool_executions}; the approval is a group of columns of the row. */
final class SqliteToolExecutions implements ToolExecutions {
    private static final SqlFilter<ToolExecution> FILTER = new SqlFilter<>(Map.of(
            ChatFields.Execution.ID, "id",
            ChatFields.Execution.SESSION_ID, "session_id",
            ChatFields.Execution.STATUS, "status",
            ChatFields.Execution.CREATED_AT, "created_at"));

    private static final RowMapper<ToolExecution> EXECUTION = (rows, n) -> {
        String requestedAt = rows.getString("approval_requested_at");
        Approval approval = requestedAt == null ? null : new Approval(Times.parse(requestedAt),
                rows.getString("approval_arguments_sha256"), Rows.instant(rows, "approval_expires_at"),
                Rows.enumOf(ApprovalDecision.class, rows, "approval_decision"), rows.getString("approval_by"),
                Rows.instant(rows, "approval_at"), rows.getString("approval_reason"));
        return new ToolExecution(Rows.tenant(rows), rows.getString("id"), rows.getString("session_id"),
                rows.getString("tool_call_id"), rows.getString("tool_name"), Rows.json(rows, "input"),
                Rows.json(rows, "output"), rows.getString("agent_id"),
                Rows.enumOf(ToolExecutionStatus.class, rows, "status"), rows.getString("error"),
                Rows.instant(rows, "created_at"), Rows.instant(rows, "started_at"), Rows.instant(rows, "completed_at"),
                Rows.nanos(rows, "duration_nanos"), approval, rows.getLong("version"));
    };

    private final SqliteUnitOfWork unitOfWork;

    SqliteToolExecutions(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<ToolExecution> find(TenantId tenant, String id) {
        return SqlErrors.translate("find tool execution " + id, () -> template().query(
                "SELECT * FROM tool_executions WHERE tenant_id = ? AND id = ?", EXECUTION, tenant.value(), id)
                .stream().findFirst());
    }

    @Override
    public ToolExecution add(ToolExecution e) {
        return SqlErrors.translate("add tool execution " + e.id(), () -> {
            template().update("""
                    INSERT INTO tool_executions (output, agent_id, status, error, started_at, completed_at,
                        duration_nanos, approval_decision, approval_by, approval_at, approval_reason, version,
                        tenant_id, id, session_id, tool_call_id, tool_name, input, created_at, approval_requested_at,
                        approval_arguments_sha256, approval_expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values(e, e.version(), e.sessionId(), e.toolCallId(), e.toolName(), Rows.text(e.input()),
                    Times.format(e.createdAt()), e.approval() == null ? null : Times.format(e.approval().requestedAt()),
                    e.approval() == null ? null : e.approval().argumentsSha256(),
                    e.approval() == null ? null : Times.format(e.approval().expiresAt())));
            return e;
        });
    }

    @Override
    public ToolExecution update(ToolExecution e) {
        return SqlErrors.translate("update tool execution " + e.id(), () -> {
            int updated = template().update("""
                    UPDATE tool_executions SET output = ?, agent_id = ?, status = ?, error = ?, started_at = ?,
                        completed_at = ?, duration_nanos = ?, approval_decision = ?, approval_by = ?,
                        approval_at = ?, approval_reason = ?, version = ? + 1
                    WHERE tenant_id = ? AND id = ? AND version = ?
                    """, values(e, e.version(), e.version()));
            if (updated != 1) {
                throw find(e.tenantId(), e.id()).isPresent()
                        ? Conflict.staleVersion(ToolExecution.ENTITY, e.id(), e.version())
                        : new NotFound(ToolExecution.ENTITY, e.id());
            }
            return e.withVersion(e.version() + 1);
        });
    }

    /** The columns a move changes, then the version, the key, and what else the statement needs. */
    private static Object[] values(ToolExecution e, long version, Object... tail) {
        Approval a = e.approval();
        Object[] head = {Rows.text(e.output()), e.agentId(), e.status().name(), e.error(),
                Times.format(e.startedAt()), Times.format(e.completedAt()),
                e.duration() == null ? null : e.duration().toNanos(),
                a == null || a.decision() == null ? null : a.decision().name(), a == null ? null : a.by(),
                a == null ? null : Times.format(a.at()), a == null ? null : a.reason(), version,
                e.tenantId().value(), e.id()};
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Override
    public Page<ToolExecution> find(TenantId tenant, Specification<ToolExecution> where,
                                    PageRequest<ToolExecution> page) {
        return SqlErrors.translate("find tool executions", () -> Rows.page(unitOfWork.jdbc(), "tool_executions",
                FILTER, tenant, where, "1 = 1", page, EXECUTION));
    }

    @Override
    public List<ToolExecution> overdueApprovals(TenantId tenant, Instant now, int limit) {
        return SqlErrors.translate("find overdue approvals", () -> template().query("""
                SELECT * FROM tool_executions
                WHERE tenant_id = ? AND status = 'AWAITING_APPROVAL' AND approval_expires_at IS NOT NULL
                    AND approval_expires_at <= ?
                ORDER BY approval_expires_at, id LIMIT ?
                """, EXECUTION, tenant.value(), Times.format(now), limit));
    }

    @Override
    public int removeOfSession(TenantId tenant, String sessionId) {
        return SqlErrors.translate("remove the tool executions of chat session " + sessionId, () -> template()
                .update("DELETE FROM tool_executions WHERE tenant_id = ? AND session_id = ?", tenant.value(),
                        sessionId));
    }

    private JdbcTemplate template() {
        return unitOfWork.batch().getJdbcTemplate();
    }
}
