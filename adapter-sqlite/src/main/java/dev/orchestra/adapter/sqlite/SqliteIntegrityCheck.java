package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.IntegrityCheck;
import dev.orchestra.domain.integrity.IntegrityRule;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.shared.JsonText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.workflow.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The integrity check of the SQLite store: the engine's own checks, then one set-based query per rule (and
 * per table where a rule spans several). Each query answers {@code tenant_id}, {@code ids} (a JSON array)
 * and {@code message}; a rule's rows are capped by {@code LIMIT}.
 */
final class SqliteIntegrityCheck implements IntegrityCheck {
    /** A rule's query: :now, :dayAgo and :hourAgo are the times it may use, :limit its cap. */
    private record Rule(IntegrityRule rule, String entityType, String sql) {
    }

    private static final List<Rule> RULES = rules();
    private final SqliteUnitOfWork unitOfWork;

    SqliteIntegrityCheck(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<Finding> check(Instant now, boolean full, int limitPerRule) {
        List<Finding> findings = new ArrayList<>(engine(full, limitPerRule));
        for (Rule rule : RULES) {
            findings.addAll(SqlErrors.translate("check " + rule.rule().id(), () -> unitOfWork.jdbc().sql(rule.sql())
                    .param("now", Times.format(now))
                    .param("dayAgo", Times.format(now.minus(Duration.ofDays(1))))
                    .param("hourAgo", Times.format(now.minus(Duration.ofHours(1))))
                    .param("limit", limitPerRule)
                    .query((rows, n) -> new Finding(rule.rule(), rule.entityType(),
                            new TenantId(rows.getString("tenant_id")),
                            JsonText.parseStringArray(rows.getString("ids")), rows.getString("message")))
                    .list()));
        }
        findings.addAll(cycles(limitPerRule));
        return findings;
    }

    private List<Finding> engine(boolean full, int limit) {
        List<Finding> findings = new ArrayList<>();
        List<String> integrity = SqlErrors.translate("run the engine's check", () -> unitOfWork.jdbc()
                .sql(full ? "PRAGMA integrity_check(" + limit + ")" : "PRAGMA quick_check(" + limit + ")")
                .query(String.class).list());
        for (String line : integrity) {
            if (!"ok".equals(line)) {
                findings.add(new Finding(IntegrityRule.ENGINE_INTEGRITY, "Store", null, List.of(), line));
            }
        }
        findings.addAll(SqlErrors.translate("run the engine's foreign-key check", () -> unitOfWork.jdbc()
                .sql("SELECT \"table\" AS child, rowid AS row, parent FROM pragma_foreign_key_check LIMIT " + limit)
                .query((rows, n) -> new Finding(IntegrityRule.ENGINE_FOREIGN_KEYS, rows.getString("child"), null,
                        List.of(String.valueOf(rows.getLong("row"))), "row " + rows.getLong("row") + " of "
                        + rows.getString("child") + " refers to a missing row of " + rows.getString("parent")))
                .list()));
        return findings;
    }

    /** Tasks whose parent chain comes back to them, one finding per cycle naming every task in it. */
    private List<Finding> cycles(int limit) {
        Map<String, String> parentOf = new HashMap<>();
        Map<String, String> tenantOf = new HashMap<>();
        SqlErrors.translate("check task-parent-cycle", () -> {
            unitOfWork.jdbc().sql("""
                    WITH RECURSIVE walk (tenant_id, start, at, depth) AS (
                        SELECT tenant_id, id, parent_task_id, 1 FROM tasks WHERE parent_task_id IS NOT NULL
                        UNION ALL
                        SELECT w.tenant_id, w.start, t.parent_task_id, w.depth + 1
                        FROM walk w JOIN tasks t ON t.tenant_id = w.tenant_id AND t.id = w.at
                        WHERE w.at <> w.start AND w.depth < 1000)
                    SELECT DISTINCT w.tenant_id, w.start, t.parent_task_id FROM walk w
                    JOIN tasks t ON t.tenant_id = w.tenant_id AND t.id = w.start
                    WHERE w.at = w.start
                    """).query(rows -> {
                String key = rows.getString("tenant_id") + '\u001f' + rows.getString("start");
                parentOf.put(key, rows.getString("tenant_id") + '\u001f' + rows.getString("parent_task_id"));
                tenantOf.put(key, rows.getString("tenant_id"));
            });
            return null;
        });
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String start : new TreeSet<>(parentOf.keySet())) {
            if (seen.contains(start) || findings.size() >= limit) {
                continue;
            }
            TreeSet<String> members = new TreeSet<>();
            for (String at = start; at != null && members.add(at); at = parentOf.get(at)) {
                seen.add(at);
            }
            List<String> ids = members.stream().map(k -> k.substring(k.indexOf('\u001f') + 1)).toList();
            findings.add(new Finding(IntegrityRule.TASK_PARENT_CYCLE, "Task", new TenantId(tenantOf.get(start)), ids,
                    "the parent tasks of " + String.join(", ", ids) + " form a cycle"));
        }
        return findings;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "));
    }

    private static Rule outOfEnum(String entityType, String table, String column, Enum<?>[] values) {
        return new Rule(IntegrityRule.VALUE_OUT_OF_RANGE, entityType, "SELECT tenant_id, json_array(id) AS ids, '"
                + column + " is ''' || coalesce(" + column + ", 'null') || ''', not one of " + names(values)
                .replace("'", "") + "' AS message FROM " + table + " WHERE " + column + " IS NULL OR " + column
                + " NOT IN (" + names(values) + ") LIMIT :limit");
    }

    private static Rule reversed(String entityType, String table, String earlier, String later) {
        return new Rule(IntegrityRule.TIMESTAMPS_OUT_OF_ORDER, entityType, "SELECT tenant_id, json_array(id) AS ids, '"
                + later + " ' || " + later + " || ' is before " + earlier + " ' || " + earlier + " AS message FROM "
                + table + " WHERE " + later + " IS NOT NULL AND " + earlier + " IS NOT NULL AND " + later + " < "
                + earlier + " LIMIT :limit");
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(IntegrityRule.TASK_AGENT_MISSING, "Task", """
                SELECT t.tenant_id, json_array(t.id) AS ids,
                    CASE WHEN a.id IS NULL THEN 'agent ' || t.agent_id || ' does not exist'
                         ELSE t.status || ' task of deleted agent ' || t.agent_id END AS message
                FROM tasks t LEFT JOIN agents a ON a.tenant_id = t.tenant_id AND a.id = t.agent_id
                WHERE t.agent_id IS NOT NULL
                    AND (a.id IS NULL OR (a.deleted_at IS NOT NULL AND t.status IN ('ASSIGNED', 'IN_PROGRESS')))
                LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.PREFERENCE_TARGET_MISSING, "UserPreference", """
                SELECT p.tenant_id, json_array(p.id) AS ids,
                    CASE WHEN p.repository_id IS NOT NULL AND r.id IS NULL
                         THEN 'repository ' || p.repository_id || ' does not exist'
                         ELSE 'agent ' || p.agent_id || ' does not exist' END AS message
                FROM user_preferences p
                LEFT JOIN repositories r ON r.tenant_id = p.tenant_id AND r.id = p.repository_id
                LEFT JOIN agents a ON a.tenant_id = p.tenant_id AND a.id = p.agent_id
                WHERE (p.repository_id IS NOT NULL AND r.id IS NULL) OR (p.agent_id IS NOT NULL AND a.id IS NULL)
                LIMIT :limit"""));
        rules.add(reversed("Task", "tasks", "created_at", "assigned_at"));
        rules.add(reversed("Task", "tasks", "created_at", "started_at"));
        rules.add(reversed("Task", "tasks", "coalesce(started_at, created_at)", "completed_at"));
        rules.add(reversed("Agent", "agents", "created_at", "updated_at"));
        rules.add(reversed("CodeRepository", "repositories", "created_at", "updated_at"));
        rules.add(reversed("WorkflowExecution", "workflow_executions", "created_at", "started_at"));
        rules.add(reversed("WorkflowExecution", "workflow_executions", "coalesce(started_at, created_at)",
                "completed_at"));
        rules.add(reversed("ChatSession", "chat_sessions", "created_at", "last_modified_at"));
        rules.add(reversed("ToolExecution", "tool_executions", "coalesce(started_at, created_at)", "completed_at"));
        rules.add(outOfEnum("Task", "tasks", "status", TaskStatus.values()));
        rules.add(outOfEnum("Agent", "agents", "status", AgentStatus.values()));
        rules.add(outOfEnum("WorkflowExecution", "workflow_executions", "status", ExecutionStatus.values()));
        rules.add(outOfEnum("ChatSession", "chat_sessions", "status", SessionStatus.values()));
        rules.add(outOfEnum("ChatMessage", "chat_messages", "role", MessageRole.values()));
        rules.add(outOfEnum("ChatMessage", "chat_messages", "status", MessageStatus.values()));
        rules.add(outOfEnum("ToolExecution", "tool_executions", "status", ToolExecutionStatus.values()));
        rules.add(new Rule(IntegrityRule.VALUE_OUT_OF_RANGE, "CircuitBreaker", "SELECT tenant_id, json_array(agent_key)"
                + " AS ids, 'state is ''' || coalesce(state, 'null') || ''', not one of "
                + names(CircuitState.values()).replace("'", "") + "' AS message FROM circuit_breaker_states"
                + " WHERE state IS NULL OR state NOT IN (" + names(CircuitState.values()) + ") LIMIT :limit"));
        rules.add(new Rule(IntegrityRule.VALUE_OUT_OF_RANGE, "Task", """
                SELECT tenant_id, json_array(id) AS ids, 'progress is ' || progress_percentage || ', not 0 to 100' AS message
                FROM tasks WHERE progress_percentage < 0 OR progress_percentage > 100 LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.VALUE_OUT_OF_RANGE, "Agent", """
                SELECT tenant_id, json_array(id) AS ids,
                    'maxConcurrentTasks is ' || max_concurrent_tasks || ', not 1 to 10' AS message
                FROM agents WHERE max_concurrent_tasks < 1 OR max_concurrent_tasks > 10 LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.REPOSITORY_STATISTICS, "CodeRepository", """
                SELECT tenant_id, json_array(id) AS ids, 'successful ' || successful_tasks || ' + failed '
                    || failed_tasks || ' exceed the total ' || total_tasks AS message
                FROM repositories WHERE successful_tasks + failed_tasks > total_tasks LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.CHAT_SEQUENCE, "ChatSession", """
                SELECT s.tenant_id, json_array(s.id) AS ids,
                    'messages numbered ' || coalesce(m.low, 0) || '..' || coalesce(m.high, 0) || ': '
                    || coalesce(m.messages, 0) || ' messages, ' || coalesce(m.numbers, 0)
                    || ' distinct numbers; the session counts ' || s.message_count AS message
                FROM chat_sessions s LEFT JOIN (
                    SELECT tenant_id, session_id, count(*) AS messages, count(DISTINCT sequence_number) AS numbers,
                        min(sequence_number) AS low, max(sequence_number) AS high
                    FROM chat_messages GROUP BY tenant_id, session_id) m
                    ON m.tenant_id = s.tenant_id AND m.session_id = s.id
                WHERE coalesce(m.messages, 0) <> coalesce(m.numbers, 0) OR coalesce(m.high, 0) <> coalesce(m.messages, 0)
                    OR coalesce(m.low, 1) <> 1 OR coalesce(m.high, 0) <> s.message_count
                LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.CHAT_ORPHAN, "ChatMessage", """
                SELECT m.tenant_id, json_array(m.id) AS ids, 'session ' || m.session_id || ' does not exist' AS message
                FROM chat_messages m WHERE NOT EXISTS (SELECT 1 FROM chat_sessions s
                    WHERE s.tenant_id = m.tenant_id AND s.id = m.session_id) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.CHAT_ORPHAN, "ToolCall", """
                SELECT c.tenant_id, json_array(c.id) AS ids, 'message ' || c.message_id || ' does not exist' AS message
                FROM tool_calls c WHERE NOT EXISTS (SELECT 1 FROM chat_messages m
                    WHERE m.tenant_id = c.tenant_id AND m.id = c.message_id) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.CHAT_ORPHAN, "ToolExecution", """
                SELECT e.tenant_id, json_array(e.id) AS ids, 'session ' || e.session_id || ' does not exist' AS message
                FROM tool_executions e WHERE NOT EXISTS (SELECT 1 FROM chat_sessions s
                    WHERE s.tenant_id = e.tenant_id AND s.id = e.session_id) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.CHAT_ORPHAN, "MessageAttachment", """
                SELECT a.tenant_id, json_array(a.id) AS ids,
                    CASE WHEN c.sha256 IS NULL THEN 'its bytes (SHA-256 ' || a.sha256 || ') are missing'
                         ELSE 'message ' || a.message_id || ' does not exist' END AS message
                FROM message_attachments a
                LEFT JOIN attachment_contents c ON c.tenant_id = a.tenant_id AND c.sha256 = a.sha256
                WHERE c.sha256 IS NULL OR NOT EXISTS (SELECT 1 FROM chat_messages m
                    WHERE m.tenant_id = a.tenant_id AND m.id = a.message_id) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.STEP_ORPHAN, "StepExecution", """
                SELECT s.tenant_id, json_array(s.execution_id, s.step_id, cast(s.attempt AS TEXT)) AS ids,
                    'execution ' || s.execution_id || ' does not exist' AS message
                FROM workflow_step_executions s WHERE NOT EXISTS (SELECT 1 FROM workflow_executions e
                    WHERE e.tenant_id = s.tenant_id AND e.id = s.execution_id) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.EXECUTION_HASH_UNKNOWN, "WorkflowExecution", """
                SELECT e.tenant_id, json_array(e.id) AS ids,
                    'pinned to definition hash ' || e.content_hash || ', which no stored version has' AS message
                FROM workflow_executions e WHERE NOT EXISTS (SELECT 1 FROM workflow_definitions d
                    WHERE d.tenant_id = e.tenant_id AND d.content_hash = e.content_hash) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.AGENT_COUNTERS, "Agent", """
                SELECT a.tenant_id, json_array(a.id) AS ids, 'counts ' || a.tasks_completed
                    || ' completed tasks; its COMPLETED tasks are ' || coalesce(t.done, 0) AS message
                FROM agents a LEFT JOIN (SELECT tenant_id, agent_id, count(*) AS done FROM tasks
                    WHERE status = 'COMPLETED' AND agent_id IS NOT NULL GROUP BY tenant_id, agent_id) t
                    ON t.tenant_id = a.tenant_id AND t.agent_id = a.id
                WHERE a.tasks_completed <> coalesce(t.done, 0) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.TASK_COUNTERS, "TaskCounts", """
                WITH recount AS (SELECT tenant_id, substr(created_at, 1, 13) AS hour, status, count(*) AS n,
                        """ + SqliteTasks.SUMMED_RUNS + """
                         FROM tasks GROUP BY 1, 2, 3),
                    kept AS (SELECT tenant_id, hour, status, tasks AS n, execution_seconds AS seconds,
                        execution_nanos AS nanos FROM task_counts
                        WHERE tasks <> 0 OR execution_seconds <> 0 OR execution_nanos <> 0)
                SELECT tenant_id, json_array(hour || ' ' || status) AS ids, 'counts ' || kept_n || ' tasks created in'
                    || ' hour ' || hour || ' in ' || status || '; the tasks are ' || re_n AS message FROM (
                    SELECT r.tenant_id, r.hour, r.status, r.n AS re_n, coalesce(k.n, 0) AS kept_n,
                        r.seconds AS re_seconds, coalesce(k.seconds, 0) AS kept_seconds, r.nanos AS re_nanos,
                        coalesce(k.nanos, 0) AS kept_nanos
                    FROM recount r LEFT JOIN kept k ON k.tenant_id = r.tenant_id AND k.hour = r.hour
                        AND k.status = r.status
                    UNION ALL
                    SELECT k.tenant_id, k.hour, k.status, 0, k.n, 0, k.seconds, 0, k.nanos FROM kept k WHERE NOT EXISTS (
                        SELECT 1 FROM recount r WHERE r.tenant_id = k.tenant_id AND r.hour = k.hour
                            AND r.status = k.status))
                WHERE re_n <> kept_n OR re_seconds <> kept_seconds OR re_nanos <> kept_nanos LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.ROUTING_DRIFT, "RoutingStatistics", """
                SELECT s.tenant_id, json_array(s.agent_key) AS ids, 'counts ' || s.total || ' outcomes, '
                    || s.successful || ' successful; the decisions hold ' || coalesce(d.total, 0) || ', '
                    || coalesce(d.successful, 0) AS message
                FROM routing_statistics s LEFT JOIN (SELECT tenant_id, selected_agent, count(*) AS total,
                        sum(outcome_success) AS successful FROM routing_decisions WHERE outcome_at IS NOT NULL
                        GROUP BY tenant_id, selected_agent) d
                    ON d.tenant_id = s.tenant_id AND d.selected_agent = s.agent_key
                WHERE s.total <> coalesce(d.total, 0) OR s.successful <> coalesce(d.successful, 0) LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.AGENT_OVER_CAPACITY, "Agent", """
                SELECT a.tenant_id, json_array(a.id) AS ids, 'holds ' || t.active || ' active tasks; at most '
                    || a.max_concurrent_tasks AS message
                FROM agents a JOIN (SELECT tenant_id, agent_id, count(*) AS active FROM tasks
                    WHERE status IN ('ASSIGNED', 'IN_PROGRESS') AND agent_id IS NOT NULL GROUP BY tenant_id, agent_id) t
                    ON t.tenant_id = a.tenant_id AND t.agent_id = a.id
                WHERE t.active > a.max_concurrent_tasks LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.TASK_RUNNING_LONG, "Task", """
                SELECT tenant_id, json_array(id) AS ids, 'IN_PROGRESS since ' || started_at AS message
                FROM tasks WHERE status = 'IN_PROGRESS' AND started_at < :dayAgo LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.AGENT_STALE, "Agent", """
                SELECT tenant_id, json_array(id) AS ids, status || ', last ping ' || last_ping AS message
                FROM agents WHERE deleted_at IS NULL AND status <> 'OFFLINE'
                    AND (unixepoch(substr(:now, 1, 19)) - unixepoch(substr(last_ping, 1, 19))) * 1000000000
                        > 3 * health_check_interval_nanos
                LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.CIRCUIT_PAST_RESET, "CircuitBreaker", """
                SELECT tenant_id, json_array(agent_key) AS ids, 'OPEN, to reset at ' || reset_at AS message
                FROM circuit_breaker_states WHERE state = 'OPEN' AND reset_at <= :now LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.APPROVAL_OVERDUE, "ToolExecution", """
                SELECT tenant_id, json_array(id) AS ids, 'awaiting approval; expired at ' || approval_expires_at
                    AS message
                FROM tool_executions WHERE status = 'AWAITING_APPROVAL' AND approval_expires_at <= :now
                LIMIT :limit"""));
        rules.add(new Rule(IntegrityRule.EXECUTION_LEASE_EXPIRED, "WorkflowExecution", """
                SELECT tenant_id, json_array(id) AS ids, status || ', leased to ' || executor_id || ' until '
                    || lease_expires_at AS message
                FROM workflow_executions WHERE status IN ('PENDING', 'RUNNING', 'BLOCKED')
                    AND lease_expires_at < :hourAgo LIMIT :limit"""));
        return List.copyOf(rules);
    }
}
