package dev.orchestra.adapter.sqlite;

import static dev.orchestra.adapter.sqlite.Rows.instant;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskCounts;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.TaskTotals;
import dev.orchestra.domain.task.Tasks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Tasks} in the {@code tasks} table. */
final class SqliteTasks implements Tasks {
    private static final String TASK = Task.ENTITY;
    private static final int ID_CHUNK = 500;
    private static final String TAKEN_ID = "SELECT id FROM tasks WHERE tenant_id = ? AND id = ?";
    private static final String TAKEN_IDS = "SELECT id FROM tasks WHERE tenant_id = ? AND id IN ("
            + String.join(", ", java.util.Collections.nCopies(ID_CHUNK, "?")) + ")";
    private static final String COLUMNS = """
            tenant_id, id, command, repository_path, repository_id, agent_id, priority, status, created_at,
            assigned_at, started_at, completed_at, execution_duration_nanos, result, error_message, retry_count,
            correlation_id, workflow_id, workflow_step, parent_task_id, container, progress_percentage,
            progress_message, progress_updated_at, lease_token, lease_expires_at, updated_at, version""";
    private static final List<String> COLUMN_NAMES = java.util.Arrays.stream(COLUMNS.split(","))
            .map(String::strip).toList();
    private static final int COLUMN_COUNT = COLUMN_NAMES.size();
    /** The INSERT of each set of present columns, made once. */
    private static final java.util.concurrent.ConcurrentMap<Long, String> INSERTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** A step of a container waits until every step before it has completed. */
    private static final String NOT_WAITING = " " + """
             AND (t.parent_task_id IS NULL OR NOT EXISTS (SELECT 1 FROM tasks p
                    WHERE p.tenant_id = t.tenant_id AND p.id = t.parent_task_id AND p.container = 1
                    AND EXISTS (SELECT 1 FROM tasks s WHERE s.tenant_id = t.tenant_id
                        AND s.parent_task_id = t.parent_task_id AND s.workflow_step < t.workflow_step
                        AND s.status <> 'COMPLETED')))""".replace('\n', ' ');
    /** Positional, in the order of COLUMNS, which is the order {@link #insertValues} lists them in. */
    private static final String INSERT = "INSERT INTO tasks (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
    private static final SqlFilter<Task> FILTER = new SqlFilter<>(Map.ofEntries(
            Map.entry(TaskFields.ID, "id"),
            Map.entry(TaskFields.COMMAND, "command"),
            Map.entry(TaskFields.REPOSITORY_PATH, "repository_path"),
            Map.entry(TaskFields.REPOSITORY_ID, "repository_id"),
            Map.entry(TaskFields.AGENT_ID, "agent_id"),
            Map.entry(TaskFields.PRIORITY, "priority"),
            Map.entry(TaskFields.STATUS, "status"),
            Map.entry(TaskFields.CREATED_AT, "created_at"),
            Map.entry(TaskFields.STARTED_AT, "started_at"),
            Map.entry(TaskFields.COMPLETED_AT, "completed_at"),
            Map.entry(TaskFields.CORRELATION_ID, "correlation_id"),
            Map.entry(TaskFields.WORKFLOW_ID, "workflow_id"),
            Map.entry(TaskFields.WORKFLOW_STEP, "workflow_step"),
            Map.entry(TaskFields.PARENT_TASK_ID, "parent_task_id"),
            Map.entry(TaskFields.RETRY_COUNT, "retry_count"),
            Map.entry(TaskFields.LEASE_EXPIRES_AT, "lease_expires_at")));

    static final RowMapper<Task> MAPPER = (rows, n) -> {
        String leaseToken = rows.getString("lease_token");
        return new Task(Rows.tenant(rows), rows.getString("id"), rows.getString("command"),
                rows.getString("repository_path"), rows.getString("repository_id"), rows.getString("agent_id"),
                Rows.enumOf(TaskPriority.class, rows, "priority"), Rows.enumOf(TaskStatus.class, rows, "status"),
                instant(rows, "created_at"), instant(rows, "assigned_at"), instant(rows, "started_at"),
                instant(rows, "completed_at"), rows.getString("result"), rows.getString("error_message"),
                rows.getInt("retry_count"), rows.getString("correlation_id"), rows.getString("workflow_id"),
                rows.getInt("workflow_step"), rows.getString("parent_task_id"), rows.getInt("container") == 1,
                new TaskProgress(rows.getInt("progress_percentage"), rows.getString("progress_message"),
                        instant(rows, "progress_updated_at")),
                leaseToken == null ? null : new Lease(leaseToken, instant(rows, "lease_expires_at")),
                instant(rows, "updated_at"), rows.getLong("version"));
    };

    private final SqliteUnitOfWork unitOfWork;

    SqliteTasks(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<Task> findById(TenantId tenant, String id) {
        // Read by every transition: the short path.
        return remembered(unitOfWork.queryFirst("find task " + id, "SELECT * FROM tasks WHERE tenant_id = ? AND id = ?",
                MAPPER, tenant.value(), id));
    }

    /** Keeps a task a write unit read, so that its update need not read it again. */
    private Optional<Task> remembered(Optional<Task> read) {
        java.util.Map<Object, Object> memo = unitOfWork.unitMemo();
        if (memo != null && read.isPresent()) {
            memo.put(new MemoKey(read.get().tenantId(), read.get().id()), read.get());
        }
        return read;
    }

    private record MemoKey(TenantId tenant, String id) {
    }

    @Override
    public Set<String> existingIds(TenantId tenant, Collection<String> ids) {
        Set<String> found = new LinkedHashSet<>();
        List<String> all = List.copyOf(ids);
        // Fixed-size chunks keep the SQL texts few, so the statement cache holds them.
        for (int from = 0; from < all.size(); from += ID_CHUNK) {
            List<String> chunk = new ArrayList<>(all.subList(from, Math.min(all.size(), from + ID_CHUNK)));
            while (chunk.size() < ID_CHUNK && chunk.size() > 1) {
                chunk.add(chunk.get(0));
            }
            String sql = chunk.size() == 1 ? TAKEN_ID : TAKEN_IDS;
            // Bound straight to the statement, as in addAll: 500 values through Spring's generic binding
            // cost more than the query.
            found.addAll(SqlErrors.translate("look up task ids", () -> unitOfWork.batch().getJdbcTemplate().query(
                    sql, statement -> {
                        statement.setString(1, tenant.value());
                        for (int i = 0; i < chunk.size(); i++) {
                            statement.setString(i + 2, chunk.get(i));
                        }
                    }, (rows, n) -> rows.getString(1))));
        }
        return found;
    }

    @Override
    public Task add(Task task) {
        return SqlErrors.translate("add task " + task.id(), () -> {
            requireParent(task);
            jdbc().sql(INSERT).params(insertValues(task)).update();
            counted(List.of(task));
            return task;
        });
    }

    @Override
    public List<Task> addAll(List<Task> tasks) {
        return SqlErrors.translate("add " + tasks.size() + " tasks", () -> {
            // Rows are inserted in runs that leave out the same NULL columns (every column that may be NULL has
            // no other default, so leaving one out stores NULL): a fresh task has a dozen of them, and each
            // bound value costs a call into the driver. Runs keep the batch's order. Values are bound straight
            // to the statement: Spring's generic binding looks up each value's SQL type (measured with JFR).
            List<Object[]> rows = tasks.stream().map(SqliteTasks::insertValues).toList();
            int from = 0;
            while (from < rows.size()) {
                long present = presentColumns(rows.get(from));
                int to = from + 1;
                while (to < rows.size() && presentColumns(rows.get(to)) == present) {
                    to++;
                }
                insertRun(rows.subList(from, to), present);
                from = to;
            }
            counted(tasks);
            return List.copyOf(tasks);
        });
    }

    /** A batch's tasks added to {@code task_counts}: one upsert per hour and status it touches. */
    private void counted(List<Task> added) {
        Map<String, long[]> keys = new java.util.LinkedHashMap<>();
        for (Task t : added) {
            long[] c = keys.computeIfAbsent(Times.format(t.createdAt()).substring(0, 13) + "\u0000" + t.status().name(),
                    k -> new long[3]);
            c[0]++;
            c[1] += seconds(t);
            c[2] += nanos(t);
        }
        String tenant = added.isEmpty() ? null : added.get(0).tenantId().value();
        List<Object[]> rows = new java.util.ArrayList<>(keys.size());
        keys.forEach((key, c) -> {
            int split = key.indexOf('\u0000');
            rows.add(new Object[] {tenant, key.substring(0, split), key.substring(split + 1), c[0], c[1], c[2]});
        });
        unitOfWork.batch().getJdbcTemplate().batchUpdate(COUNT, rows);
    }

    /** The head of every write into {@code task_counts}; {@link #ADDED_TO_COUNTS} follows its rows. */
    static final String INTO_COUNTS =
            "INSERT INTO task_counts (tenant_id, hour, status, tasks, execution_seconds, execution_nanos) ";

    /** Rows written into {@code task_counts} are added to those already there, not put in their place. */
    static final String ADDED_TO_COUNTS = " ON CONFLICT (tenant_id, hour, status) DO UPDATE SET"
            + " tasks = tasks + excluded.tasks, execution_seconds = execution_seconds + excluded.execution_seconds,"
            + " execution_nanos = execution_nanos + excluded.execution_nanos";

    static final String COUNT = INTO_COUNTS + "VALUES (?, ?, ?, ?, ?, ?)" + ADDED_TO_COUNTS;

    /**
     * The matching tasks' runs summed as whole seconds and as the nanoseconds under a second (V18): one sum of
     * nanoseconds overflows with a few runs of the ~292 years one may last. {@link #SUMMED_RUNS} names them for
     * {@link #summed}.
     */
    static final String RUN_SECONDS = "coalesce(sum(execution_duration_nanos / 1000000000), 0)";
    static final String RUN_NANOS = "coalesce(sum(execution_duration_nanos % 1000000000), 0)";
    static final String SUMMED_RUNS = RUN_SECONDS + " AS seconds, " + RUN_NANOS + " AS nanos";

    static java.time.Duration summed(java.sql.ResultSet rows) throws java.sql.SQLException {
        return java.time.Duration.ofSeconds(rows.getLong("seconds"), rows.getLong("nanos"));
    }

    /** The columns an update may change, each with its parameter in {@link #parameters(Task)}. */
    private static final String[][] UPDATABLE = {
            {"command", "command"}, {"repository_path", "repositoryPath"}, {"repository_id", "repositoryId"},
            {"agent_id", "agentId"}, {"priority", "priority"}, {"status", "status"}, {"assigned_at", "assignedAt"},
            {"started_at", "startedAt"}, {"completed_at", "completedAt"}, {"execution_duration_nanos", "duration"},
            {"result", "result"}, {"error_message", "errorMessage"}, {"retry_count", "retryCount"},
            {"correlation_id", "correlationId"}, {"workflow_id", "workflowId"}, {"workflow_step", "workflowStep"},
            {"parent_task_id", "parentTaskId"}, {"progress_percentage", "progress"},
            {"progress_message", "progressMessage"}, {"progress_updated_at", "progressUpdatedAt"},
            {"lease_token", "leaseToken"}, {"lease_expires_at", "leaseExpiresAt"}, {"updated_at", "updatedAt"}};

    /**
     * Writes only the columns the change touches: SQLite rewrites the entry of every index whose columns
     * appear in the SET list, changed or not, and a task has eleven indexes; a claim or a completion
     * touches four or five of them. The stored row is read first (by its key), which also tells the
     * counters what the task is moved out of, in one upsert with the new values.
     */
    @Override
    public Task update(Task task) {
        return SqlErrors.translate("update task " + task.id(), () -> {
            java.util.Map<Object, Object> memo = unitOfWork.unitMemo();
            MemoKey key = new MemoKey(task.tenantId(), task.id());
            Task stored = memo == null ? null : (Task) memo.get(key);
            if (stored == null || stored.version() != task.version()) {
                stored = findById(task.tenantId(), task.id()).orElseThrow(() -> new NotFound(TASK, task.id()));
            }
            if (stored.version() != task.version()) {
                throw Conflict.staleVersion(TASK, task.id(), task.version());
            }
            Map<String, Object> old = parameters(stored);
            Map<String, Object> now = parameters(task);
            StringBuilder set = new StringBuilder("UPDATE tasks SET ");
            List<Object> arguments = new java.util.ArrayList<>(UPDATABLE.length + 3);
            for (String[] column : UPDATABLE) {
                Object value = now.get(column[1]);
                if (!java.util.Objects.equals(old.get(column[1]), value)) {
                    set.append(column[0]).append(" = ?, ");
                    arguments.add(value);
                }
            }
            arguments.add(task.tenantId().value());
            arguments.add(task.id());
            arguments.add(task.version());
            int updated = unitOfWork.update("update task " + task.id(), set.append("version = version + 1"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?").toString(), arguments.toArray());
            if (updated != 1) {
                throw Conflict.staleVersion(TASK, task.id(), task.version());
            }
            if (stored.status() != task.status()
                    || !java.util.Objects.equals(stored.executionDuration(), task.executionDuration())) {
                moveCounted(stored, task);
            }
            Task written = task.withVersion(task.version() + 1);
            if (memo != null) {
                memo.put(key, written);
            }
            return written;
        });
    }

    /** Takes the stored task out of its counter and counts the changed one in, in one statement. */
    private void moveCounted(Task stored, Task changed) {
        String hour = Times.format(stored.createdAt()).substring(0, 13);
        String tenant = stored.tenantId().value();
        unitOfWork.update("count task " + stored.id(),
                INTO_COUNTS + "VALUES (?, ?, ?, -1, ?, ?), (?, ?, ?, 1, ?, ?)" + ADDED_TO_COUNTS,
                tenant, hour, stored.status().name(), -seconds(stored), -nanos(stored), tenant, hour,
                changed.status().name(), seconds(changed), nanos(changed));
    }

    /** A run's whole seconds; with {@link #nanos} the parts {@code task_counts} sums. */
    private static long seconds(Task task) {
        return task.executionDuration() == null ? 0 : task.executionDuration().getSeconds();
    }

    private static long nanos(Task task) {
        return task.executionDuration() == null ? 0 : task.executionDuration().getNano();
    }

    @Override
    public Page<Task> find(TenantId tenant, Specification<Task> where, PageRequest<Task> page) {
        return SqlErrors.translate("find tasks", () ->
                Rows.page(jdbc(), "tasks", FILTER, tenant, where, "1 = 1", page, MAPPER));
    }

    @Override
    public long count(TenantId tenant, Specification<Task> where) {
        SqlFilter.Where condition = FILTER.where(where);
        return SqlErrors.translate("count tasks", () -> jdbc()
                .sql("SELECT count(*) FROM tasks WHERE tenant_id = :tenant AND " + condition.sql())
                .param("tenant", tenant.value()).params(condition.parameters())
                .query(Long.class).single());
    }

    @Override
    public long countActive(TenantId tenant, String agentId) {
        return unitOfWork.queryFirst("count active tasks of " + agentId, "SELECT count(*) FROM tasks"
                        + " WHERE tenant_id = ? AND agent_id = ? AND status IN ('ASSIGNED', 'IN_PROGRESS')",
                (rows, n) -> rows.getLong(1), tenant.value(), agentId).orElse(0L);
    }

    @Override
    public TaskTotals totals(TenantId tenant, Specification<Task> where) {
        SqlFilter.Where condition = FILTER.where(where);
        return SqlErrors.translate("sum tasks", () -> jdbc()
                .sql("SELECT count(*) AS matching, " + SUMMED_RUNS + " FROM tasks"
                        + " WHERE tenant_id = :tenant AND " + condition.sql())
                .param("tenant", tenant.value()).params(condition.parameters())
                .query((rows, n) -> new TaskTotals(rows.getLong("matching"), summed(rows)))
                .single());
    }

    @Override
    public List<TaskCounts.Daily> countByDayAndStatus(TenantId tenant, Specification<Task> where) {
        SqlFilter.Where condition = FILTER.where(where);
        // The first ten characters of the fixed-width UTC text are the day.
        return SqlErrors.translate("count tasks per day", () -> jdbc()
                .sql("SELECT substr(created_at, 1, 10) AS day, status, count(*) AS n FROM tasks"
                        + " WHERE tenant_id = :tenant AND " + condition.sql() + " GROUP BY day, status")
                .param("tenant", tenant.value()).params(condition.parameters())
                .query((rows, n) -> new TaskCounts.Daily(java.time.LocalDate.parse(rows.getString("day")),
                        TaskStatus.valueOf(rows.getString("status")), rows.getLong("n")))
                .list().stream().sorted(java.util.Comparator.comparing(TaskCounts.Daily::day)
                        .thenComparing(TaskCounts.Daily::status)).toList());
    }

    /** From {@code task_counts}, kept by this class in the unit of work that writes the task (V16). */
    @Override
    public List<TaskCounts.Hourly> countByHour(TenantId tenant, java.time.Instant from, java.time.Instant to) {
        return SqlErrors.translate("count tasks per hour", () -> jdbc()
                .sql("SELECT hour, status, tasks, execution_seconds AS seconds, execution_nanos AS nanos"
                        + " FROM task_counts WHERE tenant_id = :tenant"
                        + " AND hour >= :from AND hour < :to AND tasks <> 0 ORDER BY hour, status")
                .param("tenant", tenant.value()).param("from", Times.format(from).substring(0, 13))
                .param("to", Times.format(to).substring(0, 13))
                .query((rows, n) -> new TaskCounts.Hourly(java.time.Instant.parse(rows.getString("hour") + ":00:00Z"),
                        TaskStatus.valueOf(rows.getString("status")), rows.getLong("tasks"), summed(rows)))
                .list());
    }

    @Override
    public void rebuildCounts(TenantId tenant) {
        SqlErrors.translate("count the tasks again", () -> {
            jdbc().sql("DELETE FROM task_counts WHERE tenant_id = :tenant").param("tenant", tenant.value()).update();
            return jdbc().sql(INTO_COUNTS + "SELECT tenant_id, substr(created_at, 1, 13), status, count(*), "
                    + SUMMED_RUNS + " FROM tasks WHERE tenant_id = :tenant"
                    + " GROUP BY tenant_id, substr(created_at, 1, 13), status")
                    .param("tenant", tenant.value()).update();
        });
    }

    @Override
    public List<TaskCounts.Grouped> countByAgentAndStatus(TenantId tenant, Specification<Task> where) {
        return grouped("agent_id", tenant, where);
    }

    @Override
    public List<TaskCounts.Grouped> countByRepositoryAndStatus(TenantId tenant, Specification<Task> where) {
        return grouped("repository_id", tenant, where);
    }

    /** {@code column} is one of two constants above, never input. */
    private List<TaskCounts.Grouped> grouped(String column, TenantId tenant, Specification<Task> where) {
        SqlFilter.Where condition = FILTER.where(where);
        return SqlErrors.translate("count tasks per " + column, () -> jdbc()
                .sql("SELECT " + column + " AS grouping, status, count(*) AS n, " + SUMMED_RUNS + " FROM tasks"
                        + " WHERE tenant_id = :tenant AND " + condition.sql() + " GROUP BY " + column + ", status")
                .param("tenant", tenant.value()).params(condition.parameters())
                .query((rows, n) -> new TaskCounts.Grouped(rows.getString("grouping"),
                        TaskStatus.valueOf(rows.getString("status")), rows.getLong("n"), summed(rows)))
                .list().stream().sorted(GROUPED_ORDER).toList());
    }

    static final java.util.Comparator<TaskCounts.Grouped> GROUPED_ORDER = java.util.Comparator
            .comparing(TaskCounts.Grouped::key, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(TaskCounts.Grouped::status);

    @Override
    public Optional<Task> nextClaimable(TenantId tenant, String repositoryPath) {
        Object[] arguments = repositoryPath == null ? new Object[] {tenant.value()}
                : new Object[] {tenant.value(), repositoryPath};
        return remembered(unitOfWork.queryFirst("find the next task to claim", claimQuery(repositoryPath != null),
                MAPPER, arguments));
    }

    /**
     * Served by tasks_claim_on_path / tasks_claim_any: the first row of the index is the answer, unless it is a
     * container or a step whose earlier steps are not all completed (tasks_steps finds those).
     */
    static String claimQuery(boolean onPath) {
        return "SELECT * FROM tasks t WHERE t.tenant_id = ? AND t.status = 'PENDING'"
                + (onPath ? " AND t.repository_path = ?" : "") + " AND t.container = 0" + NOT_WAITING
                + " ORDER BY t.priority_rank DESC, t.created_at ASC, t.id ASC LIMIT 1";
    }

    @Override
    public Map<String, Long> activeTaskCounts(TenantId tenant) {
        return SqlErrors.translate("count active tasks", () -> {
            Map<String, Long> counts = new HashMap<>();
            // The status index holds the few active rows; left alone, the planner walks the agent index,
            // which holds every finished task too.
            jdbc().sql("SELECT agent_id, count(*) AS active FROM tasks INDEXED BY tasks_claim_any"
                            + " WHERE tenant_id = :tenant"
                            + " AND status IN ('ASSIGNED', 'IN_PROGRESS') AND agent_id IS NOT NULL GROUP BY agent_id")
                    .param("tenant", tenant.value())
                    .query(rows -> {
                        counts.put(rows.getString("agent_id"), rows.getLong("active"));
                    });
            return counts;
        });
    }

    @Override
    public List<Task> tree(TenantId tenant, String rootId) {
        return SqlErrors.translate("read the tree of task " + rootId, () -> jdbc().sql("""
                        WITH RECURSIVE tree (id, depth) AS (
                            SELECT id, 0 FROM tasks WHERE tenant_id = :tenant AND id = :root
                            UNION ALL
                            SELECT child.id, tree.depth + 1
                            FROM tasks child JOIN tree ON child.parent_task_id = tree.id
                            WHERE child.tenant_id = :tenant
                        )
                        SELECT tasks.* FROM tree JOIN tasks ON tasks.tenant_id = :tenant AND tasks.id = tree.id
                        ORDER BY tree.depth, tasks.created_at, tasks.id
                        """)
                .param("tenant", tenant.value()).param("root", rootId)
                .query(MAPPER).list());
    }

    private void requireParent(Task task) {
        if (task.parentTaskId() != null && findById(task.tenantId(), task.parentTaskId()).isEmpty()) {
            throw new NotFound(TASK, task.parentTaskId());
        }
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    /** The values of a new row, in the order of COLUMNS. */
    /** One bit per column of COLUMNS: set when the row has a value for it. */
    private static long presentColumns(Object[] values) {
        long mask = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private void insertRun(List<Object[]> run, long present) {
        String sql = INSERTS.computeIfAbsent(present, SqliteTasks::insertOf);
        unitOfWork.batch().getJdbcTemplate().batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int row) throws SQLException {
                int index = 1;
                for (Object value : run.get(row)) {
                    if (value != null) {
                        bind(statement, index++, value);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return run.size();
            }
        });
    }

    private static String insertOf(long present) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < COLUMN_NAMES.size(); i++) {
            if ((present & (1L << i)) != 0) {
                names.add(COLUMN_NAMES.get(i));
            }
        }
        return "INSERT INTO tasks (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else {
            statement.setObject(index, value);
        }
    }

    private static Object[] insertValues(Task t) {
        Map<String, Object> p = parameters(t);
        p.put("version", t.version());
        if (p.size() != COLUMN_COUNT) {
            // SQLite would quietly store NULL in a column left without a value.
            throw new IllegalStateException("tasks: " + p.size() + " values for " + COLUMN_COUNT + " columns");
        }
        return p.values().toArray();
    }

    /** Named values of a row; inserted in the order of COLUMNS, which {@link #insertValues} relies on. */
    private static Map<String, Object> parameters(Task t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tenant", t.tenantId().value());
        p.put("id", t.id());
        p.put("command", t.command());
        p.put("repositoryPath", t.repositoryPath());
        p.put("repositoryId", t.repositoryId());
        p.put("agentId", t.agentId());
        p.put("priority", t.priority().name());
        p.put("status", t.status().name());
        p.put("createdAt", Times.format(t.createdAt()));
        p.put("assignedAt", Times.format(t.assignedAt()));
        p.put("startedAt", Times.format(t.startedAt()));
        p.put("completedAt", Times.format(t.completedAt()));
        p.put("duration", t.executionDuration() == null ? null : t.executionDuration().toNanos());
        p.put("result", t.result());
        p.put("errorMessage", t.errorMessage());
        p.put("retryCount", t.retryCount());
        p.put("correlationId", t.correlationId());
        p.put("workflowId", t.workflowId());
        p.put("workflowStep", t.workflowStep());
        p.put("parentTaskId", t.parentTaskId());
        p.put("container", t.container() ? 1 : 0);
        p.put("progress", t.progress().percentage());
        p.put("progressMessage", t.progress().message());
        p.put("progressUpdatedAt", Times.format(t.progress().updatedAt()));
        p.put("leaseToken", t.lease() == null ? null : t.lease().token());
        p.put("leaseExpiresAt", t.lease() == null ? null : Times.format(t.lease().expiresAt()));
        p.put("updatedAt", Times.format(t.updatedAt()));
        return p;
    }
}
