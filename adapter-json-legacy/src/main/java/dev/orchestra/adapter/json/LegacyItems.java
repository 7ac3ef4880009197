package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyIds;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.migration.LegacyVisitor;
import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules for one agent or task of a legacy file: what it must have, what is taken in its place (with
 * a warning), what refuses it (an error naming the field's path), and what is kept verbatim.
 */
final class LegacyItems {
    private static final String IMPORTER = "legacy-import";
    private static final Set<String> AGENT_FIELDS = Set.of("id", "name", "type", "repositorypath", "status",
            "lastping", "currenttask", "sessionid", "currenttaskid", "taskscompleted");
    private static final Set<String> TASK_FIELDS = Set.of("id", "agentid", "command", "repositorypath",
            "createdat", "priority", "status", "startedat", "completedat", "result", "errormessage", "retrycount",
            "correlationid", "workflowid", "workflowstep");

    private final ObjectMapper mapper;
    private final LegacyReadOptions options;
    private final LegacyVisitor visitor;
    private final LegacyTimes times;
    private final Map<String, long[]> unknownTaskFields = new LinkedHashMap<>();
    private final Map<String, String> unknownTaskFieldFirstPath = new LinkedHashMap<>();

    LegacyItems(ObjectMapper mapper, LegacyReadOptions options, LegacyVisitor visitor) {
        this.mapper = mapper;
        this.options = options;
        this.visitor = visitor;
        this.times = new LegacyTimes(options.assumeZone());
    }

    /** How many timestamps without a zone were read (and taken in the assumed zone). */
    long timesWithoutZone() {
        return times.withoutZone();
    }

    /** One finding per unknown task property, counted over the whole file, not one per task. */
    void reportUnknownTaskFields() {
        unknownTaskFields.forEach((field, count) -> visitor.finding(Finding.warning(
                unknownTaskFieldFirstPath.get(field), "unknown task property '" + field + "' in " + count[0]
                        + " task(s); a task has no place for it, so it is not imported")));
    }

    void agent(String key, JsonProps n, String path) {
        try {
            String id = n.text("Id", null);
            if (id == null || id.isBlank()) {
                id = key;
            } else if (!id.equals(key)) {
                visitor.finding(Finding.warning(JsonPaths.member(path, n.spelling("Id")), "the agent is keyed '" + key
                        + "' but its Id is '" + id + "'; the key is used"));
                id = key;
            }
            if (id.isBlank()) {
                error(path, "an agent needs an id: both its key and its Id are blank");
                return;
            }
            String name = n.text("Name", null);
            if (name == null) {
                visitor.finding(Finding.warning(JsonPaths.member(path, "Name"), "missing; the id is used as the name"));
                name = id;
            }
            String type = n.text("Type", null);
            if (type == null) {
                visitor.finding(Finding.warning(JsonPaths.member(path, "Type"), "missing; 'unknown' is used"));
                type = "unknown";
            }
            Integer legacyStatus = null;
            AgentStatus status;
            JsonNode statusNode = n.get("Status");
            String statusPath = JsonPaths.member(path, n.spelling("Status"));
            if (statusNode == null) {
                error(statusPath, "missing");
                return;
            } else if (statusNode.isNumber() || statusNode.asString().matches("-?\\d+")) {
                legacyStatus = (int) whole(statusNode, statusPath, Integer.MIN_VALUE, Integer.MAX_VALUE);
                status = options.agentStatusMap().get(legacyStatus);
                if (status == null) {
                    error(statusPath, "agent status " + legacyStatus + " is outside the mapping "
                            + options.agentStatusMap() + " (give one with --agent-status-map)");
                    return;
                }
            } else {
                status = LegacyValues.AGENT_STATUS_NAMES.get(statusNode.asString().toLowerCase(Locale.ROOT));
                if (status == null) {
                    error(statusPath, "'" + statusNode.asString() + "' is not an agent status (Idle, Working,"
                            + " Busy, Error, Offline, Unknown)");
                    return;
                }
            }
            String lastPingPath = JsonPaths.member(path, n.spelling("LastPing"));
            Instant lastPing = time(lastPingPath, n.text("LastPing", null));
            if (lastPing == null) {
                visitor.finding(Finding.warning(lastPingPath, "never pinged; the agent is imported as last"
                        + " seen at 1970-01-01T00:00:00Z"));
                lastPing = Instant.EPOCH;
            }
            String currentTaskId = n.text("CurrentTaskId", null);
            ObjectNode extra = mapper.createObjectNode();
            n.node.properties().forEach(e -> {
                if (!AGENT_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    extra.set(e.getKey(), e.getValue());
                }
            });
            String currentTask = n.text("CurrentTask", null);
            if (currentTaskId == null) {
                currentTaskId = currentTask;
            } else if (currentTask != null && !currentTask.equals(currentTaskId)) {
                extra.put(n.spelling("CurrentTask"), currentTask);
            }
            Agent agent = new Agent(options.tenant(), id, name, type, n.text("RepositoryPath", null), null,
                    status, lastPing, currentTaskId, n.text("SessionId", null), Set.of(), null,
                    extra.isEmpty() ? null : new JsonDocument(mapper.writeValueAsString(extra)),
                    Agent.DEFAULT_MAX_CONCURRENT_TASKS, Agent.DEFAULT_HEALTH_CHECK_INTERVAL,
                    new AgentStatistics(whole(n, "TasksCompleted", path, 0, 0, Long.MAX_VALUE), 0, Duration.ZERO),
                    AuditFields.createdNow(lastPing, IMPORTER), null, null, 0);
            visitor.agent(agent, path, legacyStatus);
        } catch (InvalidValue e) {
            error(e.path, e.getMessage());
        } catch (RuntimeException e) {
            error(path, "cannot be read as an agent: " + e.getMessage());
        }
    }

    void task(int index, JsonProps n, String path) {
        try {
            n.node.properties().forEach(e -> {
                String lower = e.getKey().toLowerCase(Locale.ROOT);
                if (!TASK_FIELDS.contains(lower)) {
                    unknownTaskFields.computeIfAbsent(e.getKey(), k -> new long[1])[0]++;
                    unknownTaskFieldFirstPath.putIfAbsent(e.getKey(), JsonPaths.member(path, e.getKey()));
                }
            });
            String createdAtText = n.text("CreatedAt", null);
            Instant createdAt = time(JsonPaths.member(path, n.spelling("CreatedAt")), createdAtText);
            if (createdAt == null) {
                error(JsonPaths.member(path, n.spelling("CreatedAt")), "missing; a task needs its creation time");
                return;
            }
            String command = n.text("Command", null);
            String repositoryPath = n.text("RepositoryPath", null);
            String id = n.text("Id", null);
            if (id == null || id.isBlank()) {
                id = LegacyIds.taskId(index, command, createdAtText, repositoryPath);
                visitor.finding(Finding.warning(JsonPaths.member(path, "Id"), "missing; the task gets the deterministic"
                        + " id " + id));
            }
            String agentId = n.text("AgentId", null);
            TaskPriority priority = enumValue(TaskPriority.class, n, "Priority", path, TaskPriority.NORMAL);
            TaskStatus status = enumValue(TaskStatus.class, n, "Status", path, TaskStatus.PENDING);
            Instant startedAt = time(JsonPaths.member(path, n.spelling("StartedAt")), n.text("StartedAt", null));
            Instant completedAt = time(JsonPaths.member(path, n.spelling("CompletedAt")), n.text("CompletedAt", null));
            Instant updatedAt = latest(createdAt, startedAt, completedAt);
            Task task = new Task(options.tenant(), id, command, repositoryPath, null,
                    agentId == null || agentId.isEmpty() ? null : agentId, priority, status, createdAt, null,
                    startedAt, completedAt, n.text("Result", null), n.text("ErrorMessage", null),
                    (int) whole(n, "RetryCount", path, 0, 0, Integer.MAX_VALUE), n.text("CorrelationId", null),
                    n.text("WorkflowId", null), (int) whole(n, "WorkflowStep", path, 0, 0, Integer.MAX_VALUE), null,
                    TaskProgress.NONE, null, updatedAt, 0);
            visitor.task(task, path);
        } catch (InvalidValue e) {
            error(e.path, e.getMessage());
        } catch (RuntimeException e) {
            error(path, "cannot be read as a task: " + e.getMessage());
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonProps n, String field, String path, E fallback) {
        JsonNode value = n.get(field);
        String where = JsonPaths.member(path, n.spelling(field));
        if (value == null) {
            visitor.finding(Finding.warning(where, "missing; " + fallback.name() + " is used"));
            return fallback;
        }
        E[] constants = type.getEnumConstants();
        if (value.isNumber() || value.asString().matches("-?\\d+")) {
            try {
                return constants[(int) whole(value, where, 0, constants.length - 1)];
            } catch (InvalidValue e) {
                throw new InvalidValue(where, value.asString() + " is not a " + type.getSimpleName() + " (0 to "
                        + (constants.length - 1) + ")");
            }
        }
        E named = LegacyValues.byName(type, value.asString());
        if (named != null) {
            return named;
        }
        throw new InvalidValue(where, "'" + value.asString() + "' is not a " + type.getSimpleName());
    }

    Instant time(String path, String text) {
        try {
            return times.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(path, "'" + text + "' is not an ISO-8601 timestamp");
        }
    }

    void error(String path, String message) {
        visitor.finding(Finding.error(path, message));
    }

    /** The field as a whole number from min to max, or fallback when absent (or null). */
    private static long whole(JsonProps n, String field, String path, long fallback, long min, long max) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? fallback
                : whole(value, JsonPaths.member(path, n.spelling(field)), min, max);
    }

    /**
     * A whole number, also when written as text ("3") or as 3.0; anything else is an error naming where it
     * is. A cast would have quietly turned 4294967297 into 1.
     */
    private static long whole(JsonNode value, String where, long min, long max) {
        java.math.BigDecimal number = JsonProps.decimalOf(value);
        if (number == null) {
            // Text that is no number, or a number JSON allows but no decimal holds (1e400 reads as Infinity).
            throw new InvalidValue(where, "'" + value.asString() + "' is not a whole number");
        }
        long exact;
        try {
            exact = number.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValue(where, value + " is not a whole number from " + min + " to " + max);
        }
        if (exact < min || exact > max) {
            throw new InvalidValue(where, exact + " is not a whole number from " + min + " to " + max);
        }
        return exact;
    }

    /** A field whose value cannot be read; names the field's path. */
    private static final class InvalidValue extends RuntimeException {
        final String path;

        InvalidValue(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    private static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant instant : instants) {
            if (instant != null && (latest == null || instant.isAfter(latest))) {
                latest = instant;
            }
        }
        return latest;
    }
}
