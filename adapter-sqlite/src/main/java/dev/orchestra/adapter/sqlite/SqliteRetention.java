package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.maintenance.RetentionKind;
import dev.orchestra.domain.maintenance.StoreRetention;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link StoreRetention} of the SQLite store: per kind, the rows that may go are chosen by one query, a batch
 * of their ids is put in a temporary table, and their dependents and they are deleted by id, set-based.
 */
final class SqliteRetention implements StoreRetention {
    /** One table a kind removes from: which of its rows are due, and what goes with each (deleted first). */
    private record Target(String table, String due, List<String> dependents) {
    }

    private static final String FINISHED = "('COMPLETED', 'FAILED', 'CANCELLED')";
    private static final String BATCH = "(SELECT id FROM temp.retention_batch)";

    private static final Map<RetentionKind, List<Target>> TARGETS = Map.of(
            RetentionKind.FINISHED_TASKS, List.of(new Target("tasks", """
                    t.status IN %s AND t.completed_at < :cutoff
                    AND NOT EXISTS (SELECT 1 FROM tasks c WHERE c.tenant_id = t.tenant_id AND c.parent_task_id = t.id)
                    AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.tenant_id = t.tenant_id AND a.current_task_id = t.id)
                    AND NOT EXISTS (SELECT 1 FROM routing_decisions r
                                    WHERE r.tenant_id = t.tenant_id AND r.task_id = t.id)""".formatted(FINISHED),
                    // The hourly counters lose the tasks that go (V16).
                    List.of(SqliteTasks.INTO_COUNTS + "SELECT tenant_id, substr(created_at, 1, 13), status,"
                            + " -count(*), -" + SqliteTasks.RUN_SECONDS + ", -" + SqliteTasks.RUN_NANOS
                            + " FROM tasks WHERE tenant_id = :tenant AND id IN " + BATCH
                            + " GROUP BY tenant_id, substr(created_at, 1, 13), status"
                            + SqliteTasks.ADDED_TO_COUNTS))),
            RetentionKind.FINISHED_WORKFLOW_EXECUTIONS, List.of(new Target("workflow_executions", """
                    t.status IN %s AND t.completed_at < :cutoff
                    AND NOT EXISTS (SELECT 1 FROM workflow_executions c
                                    WHERE c.tenant_id = t.tenant_id AND c.parent_execution_id = t.id)
                    AND NOT EXISTS (SELECT 1 FROM workflow_executions c
                                    WHERE c.tenant_id = t.tenant_id AND c.forked_from = t.id)
                    AND NOT EXISTS (SELECT 1 FROM routing_decisions r
                                    WHERE r.tenant_id = t.tenant_id AND r.workflow_execution_id = t.id)"""
                    .formatted(FINISHED),
                    List.of("DELETE FROM workflow_step_executions WHERE tenant_id = :tenant AND execution_id IN "
                            + BATCH))),
            RetentionKind.ROUTING_DECISIONS, List.of(new Target("routing_decisions", "t.routed_at < :cutoff",
                    List.of("DELETE FROM routing_candidates WHERE tenant_id = :tenant AND decision_id IN " + BATCH))),
            RetentionKind.CIRCUIT_HISTORY, List.of(
                    new Target("circuit_transitions", """
                            t.occurred_at < :cutoff
                            AND EXISTS (SELECT 1 FROM circuit_transitions n WHERE n.tenant_id = t.tenant_id
                                        AND n.agent_key = t.agent_key AND n.occurred_at > t.occurred_at)""",
                            List.of()),
                    new Target("circuit_breaker_states", """
                            t.state = 'CLOSED' AND t.failure_count = 0 AND t.last_updated < :cutoff""", List.of())),
            RetentionKind.ARCHIVED_CHAT_SESSIONS, List.of(new Target("chat_sessions", """
                    t.status = 'ARCHIVED' AND t.last_modified_at < :cutoff
                    AND NOT EXISTS (SELECT 1 FROM tool_executions e WHERE e.tenant_id = t.tenant_id
                                    AND e.session_id = t.id AND e.status IN ('PENDING', 'RUNNING', 'AWAITING_APPROVAL'))""",
                    List.of("DELETE FROM message_attachments WHERE tenant_id = :tenant AND session_id IN " + BATCH,
                            "DELETE FROM attachment_contents WHERE tenant_id = :tenant AND NOT EXISTS (SELECT 1 FROM"
                                    + " message_attachments m WHERE m.tenant_id = attachment_contents.tenant_id"
                                    + " AND m.sha256 = attachment_contents.sha256)",
                            "DELETE FROM tool_executions WHERE tenant_id = :tenant AND session_id IN " + BATCH,
                            "DELETE FROM tool_calls WHERE tenant_id = :tenant AND session_id IN " + BATCH,
                            "DELETE FROM chat_messages WHERE tenant_id = :tenant AND session_id IN " + BATCH))),
            RetentionKind.ORCHESTRATION_LOGS, List.of(new Target("orchestration_logs", "t.timestamp < :cutoff",
                    List.of())),
            RetentionKind.RAW_METRICS, List.of(new Target("performance_metrics",
                    "t.period = 'INSTANT' AND t.period_start < :cutoff", List.of())),
            RetentionKind.CLOSED_CLIENT_SESSIONS, List.of(new Target("client_sessions",
                    "t.active = 0 AND t.closed_at < :cutoff", List.of())),
            RetentionKind.AUDIT_ENTRIES, List.of(new Target("audit_log", "t.timestamp < :cutoff", List.of())));

    private final SqliteUnitOfWork unitOfWork;
    private final SqliteMaintenance maintenance;

    SqliteRetention(SqliteUnitOfWork unitOfWork, SqliteMaintenance maintenance) {
        this.unitOfWork = unitOfWork;
        this.maintenance = maintenance;
    }

    @Override
    public long due(TenantId tenant, RetentionKind kind, Instant cutoff) {
        long due = 0;
        for (Target target : TARGETS.get(kind)) {
            due += SqlErrors.translate("count what retention removes from " + target.table(), () -> unitOfWork.jdbc()
                    .sql("SELECT count(*) FROM " + target.table() + " t WHERE t.tenant_id = :tenant AND "
                            + target.due())
                    .param("tenant", tenant.value()).param("cutoff", Times.format(cutoff))
                    .query(Long.class).single());
        }
        return due;
    }

    @Override
    public long remove(TenantId tenant, RetentionKind kind, Instant cutoff, int limit) {
        long removed = 0;
        for (Target target : TARGETS.get(kind)) {
            if (removed >= limit) {
                break;
            }
            long batch = limit - removed;
            removed += SqlErrors.translate("remove what retention removes from " + target.table(), () -> {
                var jdbc = unitOfWork.jdbc();
                jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS retention_batch (id TEXT PRIMARY KEY)").update();
                jdbc.sql("DELETE FROM temp.retention_batch").update();
                int chosen = jdbc.sql("INSERT INTO temp.retention_batch SELECT t.id FROM " + target.table()
                                + " t WHERE t.tenant_id = :tenant AND " + target.due() + " LIMIT :limit")
                        .param("tenant", tenant.value()).param("cutoff", Times.format(cutoff))
                        .param("limit", batch).update();
                if (chosen == 0) {
                    return 0L;
                }
                for (String dependent : target.dependents()) {
                    jdbc.sql(dependent).param("tenant", tenant.value()).update();
                }
                boolean audit = target.table().equals("audit_log");
                if (audit) {
                    jdbc.sql("INSERT INTO retention_permits (id) VALUES (1)").update();
                }
                int gone = jdbc.sql("DELETE FROM " + target.table() + " WHERE tenant_id = :tenant AND id IN " + BATCH)
                        .param("tenant", tenant.value()).update();
                if (audit) {
                    jdbc.sql("DELETE FROM retention_permits").update();
                }
                jdbc.sql("DELETE FROM temp.retention_batch").update();
                return (long) gone;
            });
        }
        return removed;
    }

    @Override
    public Reclaimed reclaim() {
        long before = maintenance.space().storeBytes();
        unitOfWork.onWriterOutsideTransaction(connection -> {
            try {
                // VACUUM rewrites the file without its free pages; in WAL mode the rewrite passes through the
                // log, so the checkpoints before and after are what bring the file and the log down to size.
                checkpoint(connection);
                long free = single(connection, "PRAGMA freelist_count");
                if (free > 0) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("VACUUM");
                    }
                }
                checkpoint(connection);
            } catch (SQLException e) {
                throw SqlErrors.translate("give the space back", e);
            }
        });
        return new Reclaimed(before, maintenance.space().storeBytes());
    }

    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
