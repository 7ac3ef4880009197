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
 * The baseline: the statements the store issues for each operation (the same reads, writes and audit
 * rows), written by hand on plain JDBC connections with the same settings (WAL, synchronous=FULL,
 * foreign keys, busy timeout, no generated keys, temp store in memory), on a copy of the same
 * database. No validation, no mapping, no framework. The {@code ...Fewest} variants show the least a
 * hand-written program could get away with: only the writes and one audit row, no reads.
 */
final class RawJdbc implements AutoCloseable {
    private static final String INSERT_TASK = "INSERT INTO tasks (tenant_id, id, command, repository_path, priority,"
            + " status, created_at, retry_count, workflow_step, progress_percentage, updated_at, version)"
            + " VALUES ('default', ?, ?, ?, 'NORMAL', 'PENDING', ?, 0, 0, 0, ?, 0)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_log (tenant_id, id, entity_type, entity_id, action,"
            + " new_values, changed_properties, user_id, timestamp, success, risk_level)"
            + " VALUES ('default', ?, 'Task', ?, ?, ?, '[]', 'bench', ?, 1, 0)";

    /** An audit value of the size the store writes for a task (its fields as JSON). */
    private static final String AUDIT_VALUES = "{\"tenantId\":\"default\",\"id\":\"0190a7e2-1c2b-7c3d-9e4f-5a6b7c8d9e0f\","
            + "\"command\":\"run\",\"repositoryPath\":\"/repo/1\",\"repositoryId\":\"repo-1\",\"agentId\":\"agent-00001\","
            + "\"priority\":\"NORMAL\",\"status\":\"COMPLETED\",\"createdAt\":\"2026-11-23T01:00:00.000000000Z\","
            + "\"assignedAt\":\"2026-11-23T01:00:01.000000000Z\",\"startedAt\":\"2026-11-23T01:00:02.000000000Z\","
            + "\"completedAt\":\"2026-11-23T01:00:03.000000000Z\",\"result\":\"ok\",\"retryCount\":0,"
            + "\"workflowStep\":0,\"progress\":{\"percentage\":100},\"version\":3}";
    private static final String TASK_BY_ID = "SELECT * FROM tasks WHERE tenant_id = 'default' AND id = ?";
    private static final String AGENT_BY_ID = "SELECT * FROM agents WHERE tenant_id = 'default' AND id = ?";
    private static final String REPOSITORY_BY_PATH = "SELECT * FROM repositories WHERE tenant_id = 'default'"
            + " AND path = ?";
    private static final String ACTIVE_OF_AGENT = "SELECT count(*) FROM tasks WHERE tenant_id = 'default'"
            + " AND agent_id = ? AND status IN ('ASSIGNED', 'IN_PROGRESS')";
    private static final int ID_CHUNK = 500;

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

    /** Single enqueue: is the chosen id taken, the repository of the path, the row, its audit row. */
    void enqueue(Connection c, String id, String path) throws SQLException {
        String now = Times.format(Instant.now());
        begin(c);
        try (PreparedStatement taken = c.prepareStatement("SELECT id FROM tasks WHERE tenant_id = 'default'"
                + " AND id IN (?)")) {
            taken.setString(1, id);
            readAll(taken);
        }
        readOne(c, REPOSITORY_BY_PATH, path);
        insertOne(c, id, path, now, AUDIT_VALUES);
        commit(c);
    }

    void enqueue(String id, String path) throws SQLException {
        enqueue(writer, id, path);
    }

    /** Single enqueue with the fewest statements: the row and its audit row. */
    void enqueueFewest(String id, String path) throws SQLException {
        String now = Times.format(Instant.now());
        begin(writer);
        insertOne(writer, id, path, now, "{\"status\":\"x\"}");
        commit(writer);
    }

    private static void insertOne(Connection c, String id, String path, String now, String auditValues)
            throws SQLException {
        try (PreparedStatement task = c.prepareStatement(INSERT_TASK);
             PreparedStatement audit = c.prepareStatement(INSERT_AUDIT)) {
            task.setString(1, id);
            task.setString(2, "run " + id);
            task.setString(3, path);
            task.setString(4, now);
            task.setString(5, now);
            task.executeUpdate();
            audit(audit, id, "CREATE", now, auditValues);
        }
    }

    /** Batch enqueue: the repository of the path, which chosen ids are taken, the rows, one audit row. */
    void enqueueBatch(List<String> ids, String path) throws SQLException {
        String now = Times.format(Instant.now());
        begin(writer);
        readOne(writer, REPOSITORY_BY_PATH, path);
        try (PreparedStatement taken = writer.prepareStatement("SELECT id FROM tasks WHERE tenant_id = 'default'"
                + " AND id IN (" + String.join(", ", java.util.Collections.nCopies(ID_CHUNK, "?")) + ")")) {
            for (int from = 0; from < ids.size(); from += ID_CHUNK) {
                for (int i = 0; i < ID_CHUNK; i++) {
                    taken.setString(i + 1, ids.get(Math.min(ids.size() - 1, from + i)));
                }
                readAll(taken);
            }
        }
        insertBatch(ids, path, now);
        commit(writer);
    }

    /** Batch enqueue with the fewest statements: the rows and one audit row. */
    void enqueueBatchFewest(List<String> ids, String path) throws SQLException {
        String now = Times.format(Instant.now());
        begin(writer);
        insertBatch(ids, path, now);
        commit(writer);
    }

    private void insertBatch(List<String> ids, String path, String now) throws SQLException {
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
            // Like the store's: the count and every id of the batch.
            audit(audit, "batch:" + ids.get(0), "CREATE", now, "{\"count\":" + ids.size() + ",\"ids\":[\""
                    + String.join("\",\"", ids) + "\"]}");
        }
    }

    /** The claim: the agent, its active tasks, the next PENDING task of its path, both rows updated, audit. */
    String claim(String agentId, String path) throws SQLException {
        return claim(agentId, path, false);
    }

    /** The claim with the fewest statements: the next task, both rows updated, audit. */
    String claimFewest(String agentId, String path) throws SQLException {
        return claim(agentId, path, true);
    }

    private String claim(String agentId, String path, boolean fewest) throws SQLException {
        Instant now = Instant.now();
        String at = Times.format(now);
        begin(writer);
        if (!fewest) {
            readOne(writer, AGENT_BY_ID, agentId);
            readOne(writer, ACTIVE_OF_AGENT, agentId);
        }
        String taskId = null;
        try (PreparedStatement next = writer.prepareStatement("SELECT * FROM tasks WHERE tenant_id = 'default'"
                + " AND status = 'PENDING' AND repository_path = ? ORDER BY priority_rank DESC, created_at, id"
                + " LIMIT 1")) {
            next.setString(1, path);
            try (ResultSet rows = next.executeQuery()) {
                if (rows.next()) {
                    readRow(rows);
                    taskId = rows.getString("id");
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
                audit(audit, taskId, "EXECUTE", at, fewest ? "{\"status\":\"x\"}" : AUDIT_VALUES);
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

    /**
     * Completion: the task read (its lease checked), updated and audited; the agent read, its other
     * active tasks counted, updated and audited; the repository read, updated and audited.
     */
    void complete(String taskId, String agentId, String path) throws SQLException {
        complete(taskId, agentId, path, false);
    }

    /** Completion with the fewest statements: the three rows updated and one audit row, no reads. */
    void completeFewest(String taskId, String agentId, String path) throws SQLException {
        complete(taskId, agentId, path, true);
    }

    private void complete(String taskId, String agentId, String path, boolean fewest) throws SQLException {
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
            if (!fewest) {
                readOne(writer, TASK_BY_ID, taskId);
            }
            task.setString(1, at);
            task.setString(2, at);
            task.setString(3, taskId);
            task.executeUpdate();
            audit(audit, taskId, "UPDATE", at, fewest ? "{\"status\":\"x\"}" : AUDIT_VALUES);
            if (!fewest) {
                readOne(writer, AGENT_BY_ID, agentId);
                readOne(writer, ACTIVE_OF_AGENT, agentId);
            }
            agent.setString(1, at);
            agent.setString(2, agentId);
            agent.executeUpdate();
            if (!fewest) {
                audit(audit, agentId, "UPDATE", at, AUDIT_VALUES);
                readOne(writer, REPOSITORY_BY_PATH, path);
            }
            repository.setString(1, at);
            repository.setString(2, at);
            repository.setString(3, path);
            repository.executeUpdate();
            if (!fewest) {
                audit(audit, path, "UPDATE", at, AUDIT_VALUES);
            }
        }
        commit(writer);
    }

    /** Runs a one-parameter query and reads every column of every row, as the store's mappers do. */
    private static void readOne(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            readAll(query);
        }
    }

    private static void readAll(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                readRow(rows);
            }
        }
    }

    private static void readRow(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        for (int i = 1; i <= columns; i++) {
            rows.getObject(i);
        }
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

    private static void audit(PreparedStatement audit, String entityId, String action, String at, String values)
            throws SQLException {
        audit.setString(1, Ids.newId());
        audit.setString(2, entityId);
        audit.setString(3, action);
        audit.setString(4, values);
        audit.setString(5, at);
        audit.executeUpdate();
    }

    static void begin(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
    }

    static void commit(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("COMMIT");
        }
    }

    @Override
    public void close() throws SQLException {
        writer.close();
    }
}
