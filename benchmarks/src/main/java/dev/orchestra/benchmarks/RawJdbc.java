package dev.orchestra.benchmarks;

import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.Times;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The baseline: the same statements the store issues for each operation, written by hand on plain
 * JDBC connections with the same settings (WAL, synchronous=FULL, foreign keys, busy timeout, no
 * generated keys), on a copy of the same database. No validation, no audit formatting, no framework.
 */
final class RawJdbc implements AutoCloseable {
    private static final String INSERT_TASK = "INSERT INTO tasks (tenant_id, id, command, repository_path, priority,"
            + " status, created_at, retry_count, workflow_step, progress_percentage, updated_at, version)"
            + " VALUES ('default', ?, ?, ?, 'NORMAL', 'PENDING', ?, 0, 0, 0, ?, 0)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_log (tenant_id, id, entity_type, entity_id, action,"
            + " new_values, changed_properties, user_id, timestamp, success, risk_level)"
            + " VALUES ('default', ?, 'Task', ?, ?, ?, '[]', 'bench', ?, 1, 0)";

    private final Connection writer;
    private final Path file;

    RawJdbc(Path file) throws SQLException {
        this.file = file;
        this.writer = connect(file, false);
    }

    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setGetGeneratedKeys(false);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        return config.createConnection("jdbc:sqlite:" + file);
    }

    Connection reader() throws SQLException {
        return connect(file, true);
    }

    void enqueue(Connection c, String id, String path) throws SQLException {
        String now = Times.format(Instant.now());
        begin(c);
        try (PreparedStatement task = c.prepareStatement(INSERT_TASK);
             PreparedStatement audit = c.prepareStatement(INSERT_AUDIT)) {
            task.setString(1, id);
            task.setString(2, "run " + id);
            task.setString(3, path);
            task.setString(4, now);
            task.setString(5, now);
            task.executeUpdate();
            audit(audit, id, "CREATE", now);
        }
        commit(c);
    }

    void enqueueBatch(List<String> ids, String path) throws SQLException {
        String now = Times.format(Instant.now());
        begin(writer);
        try (PreparedStatement task = writer.prepareStatement(INSERT_TASK);
             PreparedStatement audit = writer.prepareStatement(INSERT_AUDIT)) {
            for (String id : ids) {
                task.setString(1, id);
                task.setString(2, "run " + id);
                task.setString(3, path);
                task.setString(4, now);
                task.setString(5, now);
                task.addBatch();
            }
            task.executeBatch();
            audit(audit, "batch:" + ids.get(0), "CREATE", now);
        }
        commit(writer);
    }

    void enqueue(String id, String path) throws SQLException {
        enqueue(writer, id, path);
    }

    /** The claim: the next PENDING task of the path, assigned with a lease; the agent BUSY. */
    String claim(String agentId, String path) throws SQLException {
        Instant now = Instant.now();
        String at = Times.format(now);
        begin(writer);
        String taskId = null;
        try (PreparedStatement next = writer.prepareStatement("SELECT id FROM tasks WHERE tenant_id = 'default'"
                + " AND status = 'PENDING' AND repository_path = ? ORDER BY priority_rank DESC, created_at, id"
                + " LIMIT 1")) {
            next.setString(1, path);
            try (ResultSet rows = next.executeQuery()) {
                if (rows.next()) {
                    taskId = rows.getString(1);
                }
            }
        }
        if (taskId != null) {
            try (PreparedStatement task = writer.prepareStatement("UPDATE tasks SET status = 'ASSIGNED',"
                    + " agent_id = ?, assigned_at = ?, lease_token = ?, lease_expires_at = ?, updated_at = ?,"
                    + " version = version + 1 WHERE tenant_id = 'default' AND id = ?");
                 PreparedStatement agent = writer.prepareStatement("UPDATE agents SET status = 'BUSY',"
                         + " current_task_id = ?, updated_at = ?, version = version + 1"
                         + " WHERE tenant_id = 'default' AND id = ?");
                 PreparedStatement audit = writer.prepareStatement(INSERT_AUDIT)) {
                task.setString(1, agentId);
                task.setString(2, at);
                task.setString(3, UUID.randomUUID().toString());
                task.setString(4, Times.format(now.plus(Duration.ofMinutes(5))));
                task.setString(5, at);
                task.setString(6, taskId);
                task.executeUpdate();
                agent.setString(1, taskId);
                agent.setString(2, at);
                agent.setString(3, agentId);
                agent.executeUpdate();
                audit(audit, taskId, "EXECUTE", at);
            }
        }
        commit(writer);
        return taskId;
    }

    void start(String taskId) throws SQLException {
        String at = Times.format(Instant.now());
        begin(writer);
        try (PreparedStatement task = writer.prepareStatement("UPDATE tasks SET status = 'IN_PROGRESS',"
                + " started_at = ?, updated_at = ?, version = version + 1 WHERE tenant_id = 'default' AND id = ?")) {
            task.setString(1, at);
            task.setString(2, at);
            task.setString(3, taskId);
            task.executeUpdate();
        }
        commit(writer);
    }

    /** Completion: the task, the agent's statistics and state, the repository's statistics, the audit. */
    void complete(String taskId, String agentId, String path) throws SQLException {
        Instant now = Instant.now();
        String at = Times.format(now);
        begin(writer);
        try (PreparedStatement task = writer.prepareStatement("UPDATE tasks SET status = 'COMPLETED',"
                + " completed_at = ?, execution_duration_nanos = 1000000, result = 'ok', lease_token = NULL,"
                + " lease_expires_at = NULL, progress_percentage = 100, updated_at = ?, version = version + 1"
                + " WHERE tenant_id = 'default' AND id = ?");
             PreparedStatement agent = writer.prepareStatement("UPDATE agents SET status = 'IDLE',"
                     + " current_task_id = NULL, tasks_completed = tasks_completed + 1,"
                     + " total_execution_time_nanos = total_execution_time_nanos + 1000000, updated_at = ?,"
                     + " version = version + 1 WHERE tenant_id = 'default' AND id = ?");
             PreparedStatement repository = writer.prepareStatement("UPDATE repositories SET"
                     + " total_tasks = total_tasks + 1, successful_tasks = successful_tasks + 1,"
                     + " total_execution_time_nanos = total_execution_time_nanos + 1000000,"
                     + " last_task_executed_at = ?, updated_at = ?, version = version + 1"
                     + " WHERE tenant_id = 'default' AND path = ?");
             PreparedStatement audit = writer.prepareStatement(INSERT_AUDIT)) {
            task.setString(1, at);
            task.setString(2, at);
            task.setString(3, taskId);
            task.executeUpdate();
            agent.setString(1, at);
            agent.setString(2, agentId);
            agent.executeUpdate();
            repository.setString(1, at);
            repository.setString(2, at);
            repository.setString(3, path);
            repository.executeUpdate();
            audit(audit, taskId, "UPDATE", at);
        }
        commit(writer);
    }

    /** A task row read whole, as the store reads it. */
    static Object[] get(Connection reader, String id) throws SQLException {
        try (PreparedStatement select = reader.prepareStatement(
                "SELECT * FROM tasks WHERE tenant_id = 'default' AND id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                int columns = rows.getMetaData().getColumnCount();
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getObject(i + 1);
                }
                return row;
            }
        }
    }

    /** A page of pending tasks and the count of all of them. */
    static int listPending(Connection reader) throws SQLException {
        int seen = 0;
        try (Statement statement = reader.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM tasks WHERE tenant_id = 'default'"
                    + " AND status = 'PENDING'")) {
                rows.next();
            }
            try (ResultSet rows = statement.executeQuery("SELECT * FROM tasks WHERE tenant_id = 'default'"
                    + " AND status = 'PENDING' ORDER BY created_at ASC, id ASC LIMIT 50 OFFSET 0")) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rows.getObject(i);
                    }
                    seen++;
                }
            }
        }
        return seen;
    }

    /** Task analytics: per day and status, and the completed ones' average duration. */
    static long analytics(Connection reader, Instant from, Instant to) throws SQLException {
        long total = 0;
        try (PreparedStatement daily = reader.prepareStatement("SELECT substr(created_at, 1, 10) AS day, status,"
                + " count(*) FROM tasks WHERE tenant_id = 'default' AND created_at >= ? AND created_at <= ?"
                + " GROUP BY day, status");
             PreparedStatement completed = reader.prepareStatement("SELECT count(*),"
                     + " coalesce(sum(execution_duration_nanos), 0) FROM tasks WHERE tenant_id = 'default'"
                     + " AND created_at >= ? AND created_at <= ? AND status = 'COMPLETED'")) {
            for (PreparedStatement query : List.of(daily, completed)) {
                query.setString(1, Times.format(from));
                query.setString(2, Times.format(to));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        total += rows.getLong(query == daily ? 3 : 1);
                    }
                }
            }
        }
        return total;
    }

    /** An agent's statistics over a period: completed (with durations), failed, cancelled. */
    static long agentStatistics(Connection reader, String agentId, Instant from, Instant to) throws SQLException {
        long total = 0;
        try (PreparedStatement agent = reader.prepareStatement("SELECT * FROM agents WHERE tenant_id = 'default'"
                + " AND id = ?");
             PreparedStatement counts = reader.prepareStatement("SELECT count(*),"
                     + " coalesce(sum(execution_duration_nanos), 0) FROM tasks WHERE tenant_id = 'default'"
                     + " AND agent_id = ? AND completed_at >= ? AND completed_at <= ? AND status = ?")) {
            agent.setString(1, agentId);
            try (ResultSet rows = agent.executeQuery()) {
                rows.next();
            }
            for (String status : new String[] {"COMPLETED", "FAILED", "CANCELLED"}) {
                counts.setString(1, agentId);
                counts.setString(2, Times.format(from));
                counts.setString(3, Times.format(to));
                counts.setString(4, status);
                try (ResultSet rows = counts.executeQuery()) {
                    rows.next();
                    total += rows.getLong(1);
                }
            }
        }
        return total;
    }

    private static void audit(PreparedStatement audit, String entityId, String action, String at)
            throws SQLException {
        audit.setString(1, Ids.newId());
        audit.setString(2, entityId);
        audit.setString(3, action);
        audit.setString(4, "{\"status\":\"x\"}");
        audit.setString(5, at);
        audit.executeUpdate();
    }

    private static void begin(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
    }

    private static void commit(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("COMMIT");
        }
    }

    @Override
    public void close() throws SQLException {
        writer.close();
    }
}
