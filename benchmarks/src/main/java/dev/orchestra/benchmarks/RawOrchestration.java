package dev.orchestra.benchmarks;

import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.Times;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The baseline of the orchestration measurements: the statements the store issues for a workflow step, a
 * recovery claim, a routing decision with its outcome and a circuit outcome, by hand on plain JDBC with the
 * same settings as {@link RawJdbc}, on a copy of the same database. Statements are prepared in each
 * operation, as plain JDBC does.
 */
final class RawOrchestration implements AutoCloseable {
    private static final String AUDIT = "INSERT INTO audit_log (tenant_id, id, entity_type, entity_id, action,"
            + " new_values, changed_properties, user_id, timestamp, success, risk_level)"
            + " VALUES ('default', ?, ?, ?, ?, ?, '[]', 'bench', ?, 1, 0)";

    private final Connection c;

    RawOrchestration(Path file) throws SQLException {
        this.c = RawJdbc.connect(file, false);
    }

    /**
     * A step attempt and the execution's new state: read the execution and the step's last attempt, insert
     * the attempt at the next position, update the execution (its first step audits the status change).
     */
    void recordStep(String execution, String step, boolean first) throws SQLException {
        String now = Times.format(Instant.now());
        begin();
        try {
            long version;
            try (PreparedStatement read = c.prepareStatement("SELECT * FROM workflow_executions"
                    + " WHERE tenant_id = 'default' AND id = ?")) {
                read.setString(1, execution);
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    version = rows.getLong("version");
                }
            }
            try (PreparedStatement last = c.prepareStatement("SELECT * FROM workflow_step_executions"
                    + " WHERE tenant_id = 'default' AND execution_id = ? AND step_id = ? ORDER BY attempt DESC LIMIT 1")) {
                last.setString(1, execution);
                last.setString(2, step);
                last.executeQuery().close();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO workflow_step_executions (tenant_id,"
                    + " execution_id, step_id, attempt, position, status, output, started_at, completed_at,"
                    + " duration_nanos, recorded_at) VALUES ('default', ?, ?, 1, (SELECT coalesce(max(position), 0) + 1"
                    + " FROM workflow_step_executions WHERE tenant_id = 'default' AND execution_id = ?), 'COMPLETED',"
                    + " '{\"ok\":true}', ?, ?, 0, ?) RETURNING position")) {
                insert.setString(1, execution);
                insert.setString(2, step);
                insert.setString(3, execution);
                insert.setString(4, now);
                insert.setString(5, now);
                insert.setString(6, now);
                insert.executeQuery().close();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE workflow_executions SET status = 'RUNNING',"
                    + " current_stage = ?, started_at = coalesce(started_at, ?), updated_at = ?, version = version + 1"
                    + " WHERE tenant_id = 'default' AND id = ? AND version = ?")) {
                update.setString(1, step);
                update.setString(2, now);
                update.setString(3, now);
                update.setString(4, execution);
                update.setLong(5, version);
                update.executeUpdate();
            }
            if (first) {
                audit("WorkflowExecution", execution, "UPDATE", "{\"status\":\"RUNNING\"}", now);
            }
            commit();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
    }

    /** A recovery claim: the oldest claimable executions, each leased with its own token and audited. */
    int claim(String executor, int limit) throws SQLException {
        String now = Times.format(Instant.now());
        String until = Times.format(Instant.now().plusSeconds(300));
        begin();
        try {
            List<String[]> due = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, version FROM workflow_executions"
                    + " INDEXED BY workflow_executions_incomplete WHERE tenant_id = 'default'"
                    + " AND status IN ('PENDING', 'RUNNING', 'BLOCKED')"
                    + " AND (lease_expires_at IS NULL OR lease_expires_at <= ?) ORDER BY created_at, id LIMIT ?")) {
                select.setString(1, now);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            for (String[] e : due) {
                try (PreparedStatement lease = c.prepareStatement("UPDATE workflow_executions SET executor_id = ?,"
                        + " lease_token = ?, lease_expires_at = ?, recovery_attempts = recovery_attempts + 1,"
                        + " updated_at = ?, version = version + 1 WHERE tenant_id = 'default' AND id = ? AND version = ?")) {
                    lease.setString(1, executor);
                    lease.setString(2, UUID.randomUUID().toString());
                    lease.setString(3, until);
                    lease.setString(4, now);
                    lease.setString(5, e[0]);
                    lease.setLong(6, Long.parseLong(e[1]));
                    lease.executeUpdate();
                }
                audit("WorkflowExecution", e[0], "UPDATE", "{\"executorId\":\"" + executor + "\"}", now);
            }
            commit();
            return due.size();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
    }

    /** A decision with two candidates and its audit row; then its outcome and the agent's figures. */
    void decisionWithOutcome(String id, String agent) throws SQLException {
        String now = Times.format(Instant.now());
        begin();
        try {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO routing_decisions (tenant_id, id, task_id,"
                    + " task_type, selected_agent, priority, agent_score, success, retry_attempts, routing_duration_nanos,"
                    + " routed_at) VALUES ('default', ?, ?, 'build', ?, 'NORMAL', 0.9, 1, 0, 1000000, ?)")) {
                insert.setString(1, id);
                insert.setString(2, "task-" + id);
                insert.setString(3, agent);
                insert.setString(4, now);
                insert.executeUpdate();
            }
            for (int position = 0; position < 2; position++) {
                try (PreparedStatement candidate = c.prepareStatement("INSERT INTO routing_candidates (tenant_id,"
                        + " decision_id, position, agent_key, score, excluded_reason) VALUES ('default', ?, ?, ?, ?, ?)")) {
                    candidate.setString(1, id);
                    candidate.setInt(2, position);
                    candidate.setString(3, position == 0 ? agent : "other-agent");
                    candidate.setDouble(4, position == 0 ? 0.9 : 0.1);
                    candidate.setString(5, position == 0 ? null : "busy");
                    candidate.executeUpdate();
                }
            }
            audit("RoutingDecision", id, "CREATE", "{\"selectedAgent\":\"" + agent + "\"}", now);
            commit();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
        begin();
        try {
            try (PreparedStatement read = c.prepareStatement("SELECT * FROM routing_decisions"
                    + " WHERE tenant_id = 'default' AND id = ?")) {
                read.setString(1, id);
                read.executeQuery().close();
            }
            try (PreparedStatement candidates = c.prepareStatement("SELECT * FROM routing_candidates"
                    + " WHERE tenant_id = 'default' AND decision_id IN (?) ORDER BY decision_id, position")) {
                candidates.setString(1, id);
                candidates.executeQuery().close();
            }
            try (PreparedStatement outcome = c.prepareStatement("UPDATE routing_decisions SET outcome_success = 1,"
                    + " outcome_duration_nanos = 2000000000, outcome_at = ? WHERE tenant_id = 'default' AND id = ?"
                    + " AND outcome_at IS NULL")) {
                outcome.setString(1, now);
                outcome.setString(2, id);
                outcome.executeUpdate();
            }
            try (PreparedStatement stats = c.prepareStatement("INSERT INTO routing_statistics (tenant_id, agent_key,"
                    + " total, successful, failed, total_duration_nanos, last_updated, version)"
                    + " VALUES ('default', ?, 1, 1, 0, 2000000000, ?, 0) ON CONFLICT (tenant_id, agent_key) DO UPDATE"
                    + " SET total = total + 1, successful = successful + 1,"
                    + " total_duration_nanos = total_duration_nanos + 2000000000, last_updated = excluded.last_updated,"
                    + " version = version + 1")) {
                stats.setString(1, agent);
                stats.setString(2, now);
                stats.executeUpdate();
            }
            audit("RoutingDecision", id, "UPDATE", "{\"outcome.success\":true}", now);
            commit();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
    }

    /** A circuit outcome that moves only its counters: read the breaker, write it back (created once). */
    void circuitOutcome(String key, boolean success) throws SQLException {
        String now = Times.format(Instant.now());
        begin();
        try {
            Long version = null;
            long failures = 0;
            try (PreparedStatement read = c.prepareStatement("SELECT * FROM circuit_breaker_states"
                    + " WHERE tenant_id = 'default' AND agent_key = ?")) {
                read.setString(1, key);
                try (ResultSet rows = read.executeQuery()) {
                    if (rows.next()) {
                        version = rows.getLong("version");
                        failures = rows.getLong("failure_count");
                    }
                }
            }
            if (version == null) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO circuit_breaker_states (tenant_id,"
                        + " agent_key, state, failure_count, success_count, failure_threshold, cool_down_nanos,"
                        + " last_updated, version) VALUES ('default', ?, 'CLOSED', ?, ?, 5, 60000000000, ?, 0)")) {
                    insert.setString(1, key);
                    insert.setLong(2, success ? 0 : 1);
                    insert.setLong(3, success ? 1 : 0);
                    insert.setString(4, now);
                    insert.executeUpdate();
                }
                audit("CircuitBreaker", key, "CREATE", "{\"state\":\"CLOSED\"}", now);
            } else {
                try (PreparedStatement update = c.prepareStatement("UPDATE circuit_breaker_states SET failure_count = ?,"
                        + " success_count = success_count + ?, last_updated = ?, version = version + 1"
                        + " WHERE tenant_id = 'default' AND agent_key = ? AND version = ?")) {
                    update.setLong(1, success ? 0 : failures + 1);
                    update.setLong(2, success ? 1 : 0);
                    update.setString(3, now);
                    update.setString(4, key);
                    update.setLong(5, version);
                    update.executeUpdate();
                }
            }
            commit();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
    }

    private void audit(String type, String id, String action, String values, String now) throws SQLException {
        try (PreparedStatement audit = c.prepareStatement(AUDIT)) {
            audit.setString(1, Ids.newId());
            audit.setString(2, type);
            audit.setString(3, id);
            audit.setString(4, action);
            audit.setString(5, values);
            audit.setString(6, now);
            audit.executeUpdate();
        }
    }

    private void begin() throws SQLException {
        RawJdbc.begin(c);
    }

    private void commit() throws SQLException {
        RawJdbc.commit(c);
    }

    private void rollback() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
