package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyDocuments;
import dev.orchestra.domain.migration.LegacyIds;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.migration.LegacyRepositorySummary;
import dev.orchestra.domain.migration.LegacyVisitor;
import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.task.TaskStatus;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams a legacy {@code orchestrator-state.json}: the top level with the parser, each agent, task
 * and repository summary as a small tree, handed on at once, so memory does not grow with the file.
 * Every lenient default of the parser that could lose data is closed: duplicate keys and trailing
 * content are errors, enums are read from LEGACY-FORMAT.md's tables (never by ordinal position),
 * names match in any case, and fields without a home are kept verbatim (agents) or reported (tasks).
 */
public final class LegacyStateReader implements LegacyDocuments {
    private static final String IMPORTER = "legacy-import";
    private static final Set<String> AGENT_FIELDS = Set.of("id", "name", "type", "repositorypath", "status",
            "lastping", "currenttask", "sessionid", "currenttaskid", "taskscompleted");
    private static final Set<String> TASK_FIELDS = Set.of("id", "agentid", "command", "repositorypath",
            "createdat", "priority", "status", "startedat", "completedat", "result", "errormessage", "retrycount",
            "correlationid", "workflowid", "workflowstep");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final DateTimeFormatter ARCHIVE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final int PROGRESS_EVERY = 1000;

    /** Items are read as trees from the middle of the stream; trailing content is checked at the end instead. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public SourceFacts facts(Path file) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 16), sha256)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return new SourceFacts(file.getFileName().toString(), Files.size(file),
                    HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new StoreFailure("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public Path archive(Path file, Instant at) {
        String name = file.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path target = file.resolveSibling(base + "_migrated_" + ARCHIVE_STAMP.format(at) + ".json");
        try {
            try {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return Files.move(file, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreFailure("cannot archive " + file + ": " + target + " exists already", e);
        } catch (IOException e) {
            throw new StoreFailure("cannot archive " + file + " as " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReadSummary read(Path file, LegacyReadOptions options, LegacyVisitor visitor) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Reading(options, visitor).run(withoutByteOrderMark(in));
        } catch (IOException e) {
            throw new StoreFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.reset();
        }
        return in;
    }

    /** One pass over one file. */
    private final class Reading {
        private final LegacyReadOptions options;
        private final LegacyVisitor visitor;
        private final LegacyTimes times;
        private final Map<String, long[]> unknownTaskFields = new LinkedHashMap<>();
        private final Map<String, String> unknownTaskFieldFirstPath = new LinkedHashMap<>();
        private long agents;
        private long tasks;
        private long repositories;
        private Instant lastUpdate;

        Reading(LegacyReadOptions options, LegacyVisitor visitor) {
            this.options = options;
            this.visitor = visitor;
            this.times = new LegacyTimes(options.assumeZone());
        }

        ReadSummary run(InputStream in) {
            JsonParser parser = null;
            try {
                parser = mapper.createParser(in);
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    error("$", first == null ? "the file is empty" : "the document must be a JSON object, not "
                            + describe(first) + at(parser.currentTokenLocation()));
                    return summary();
                }
                String name;
                while ((name = parser.nextName()) != null) {
                    JsonToken value = parser.nextToken();
                    String path = member("$", name);
                    switch (name.toLowerCase(Locale.ROOT)) {
                        case "agents" -> readAgents(parser, value, path);
                        case "taskqueue" -> readTasks(parser, value, path);
                        case "repositories" -> readRepositories(parser, value, path);
                        case "lastupdate", "lastupdated" -> lastUpdate = time(path, parser.getValueAsString());
                        case "version", "currentstate", "settings" -> parser.skipChildren();
                        default -> {
                            visitor.finding(Finding.warning(path, "unknown property, not imported"));
                            parser.skipChildren();
                        }
                    }
                }
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    error("$", "unexpected content after the end of the document"
                            + at(parser.currentTokenLocation()));
                }
            } catch (JacksonException e) {
                String path = parser == null ? "$" : pathOf(parser);
                error(path, "the file is not valid JSON: " + clean(e.getOriginalMessage()) + at(e.getLocation()));
            } finally {
                if (parser != null) {
                    parser.close();
                }
            }
            unknownTaskFields.forEach((field, count) -> visitor.finding(Finding.warning(
                    unknownTaskFieldFirstPath.get(field), "unknown task property '" + field + "' in " + count[0]
                            + " task(s); a task has no place for it, so it is not imported")));
            return summary();
        }

        private ReadSummary summary() {
            return new ReadSummary(agents, tasks, repositories, times.withoutZone(), lastUpdate);
        }

        private void readAgents(JsonParser parser, JsonToken token, String path) {
            if (token != JsonToken.START_OBJECT) {
                error(path, "must be an object of agents keyed by id, not " + describe(token));
                parser.skipChildren();
                return;
            }
            String key;
            while ((key = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                String agentPath = member(path, key);
                if (value != JsonToken.START_OBJECT) {
                    error(agentPath, "an agent must be an object, not " + describe(value));
                    parser.skipChildren();
                    continue;
                }
                agent(key, new JsonProps(mapper, mapper.readTree(parser)), agentPath);
                progress(parser, ++agents);
            }
        }

        private void readTasks(JsonParser parser, JsonToken token, String path) {
            if (token != JsonToken.START_ARRAY) {
                error(path, "must be an array of tasks, not " + describe(token));
                parser.skipChildren();
                return;
            }
            int index = 0;
            JsonToken value;
            while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                String taskPath = path + "[" + index + "]";
                if (value != JsonToken.START_OBJECT) {
                    error(taskPath, "a task must be an object, not " + describe(value));
                    parser.skipChildren();
                } else {
                    task(index, new JsonProps(mapper, mapper.readTree(parser)), taskPath);
                }
                index++;
                progress(parser, ++tasks);
            }
        }

        private void readRepositories(JsonParser parser, JsonToken token, String path) {
            if (token != JsonToken.START_OBJECT) {
                error(path, "must be an object of repositories keyed by name, not " + describe(token));
                parser.skipChildren();
                return;
            }
            String key;
            while ((key = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                String repositoryPath = member(path, key);
                if (value != JsonToken.START_OBJECT) {
                    error(repositoryPath, "a repository must be an object, not " + describe(value));
                    parser.skipChildren();
                    continue;
                }
                JsonProps n = new JsonProps(mapper, mapper.readTree(parser));
                // Older writers keyed the object by path and left Path out.
                String location = n.text("Path", key);
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String count : new String[] {"IdleCount", "WorkingCount", "ErrorCount", "OfflineCount"}) {
                    if (n.has(count)) {
                        counts.put(count, (int) n.number(count, 0));
                    }
                }
                visitor.repository(new LegacyRepositorySummary(repositoryPath, n.text("Name", null), location,
                        counts));
                repositories++;
            }
        }

        private void agent(String key, JsonProps n, String path) {
            try {
                String id = n.text("Id", null);
                if (id == null || id.isBlank()) {
                    id = key;
                } else if (!id.equals(key)) {
                    visitor.finding(Finding.warning(member(path, n.spelling("Id")), "the agent is keyed '" + key
                            + "' but its Id is '" + id + "'; the key is used"));
                    id = key;
                }
                if (id.isBlank()) {
                    error(path, "an agent needs an id: both its key and its Id are blank");
                    return;
                }
                String name = n.text("Name", null);
                if (name == null) {
                    visitor.finding(Finding.warning(member(path, "Name"), "missing; the id is used as the name"));
                    name = id;
                }
                String type = n.text("Type", null);
                if (type == null) {
                    visitor.finding(Finding.warning(member(path, "Type"), "missing; 'unknown' is used"));
                    type = "unknown";
                }
                Integer legacyStatus = null;
                AgentStatus status;
                JsonNode statusNode = n.get("Status");
                String statusPath = member(path, n.spelling("Status"));
                if (statusNode == null) {
                    error(statusPath, "missing");
                    return;
                } else if (statusNode.isIntegralNumber() || statusNode.asString().matches("\\d+")) {
                    legacyStatus = statusNode.asInt();
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
                String lastPingPath = member(path, n.spelling("LastPing"));
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
                        new AgentStatistics(n.number("TasksCompleted", 0), 0, Duration.ZERO),
                        AuditFields.createdNow(lastPing, IMPORTER), null, null, 0);
                visitor.agent(agent, path, legacyStatus);
            } catch (InvalidValue e) {
                error(e.path, e.getMessage());
            } catch (RuntimeException e) {
                error(path, "cannot be read as an agent: " + e.getMessage());
            }
        }

        private void task(int index, JsonProps n, String path) {
            try {
                n.node.properties().forEach(e -> {
                    String lower = e.getKey().toLowerCase(Locale.ROOT);
                    if (!TASK_FIELDS.contains(lower)) {
                        unknownTaskFields.computeIfAbsent(e.getKey(), k -> new long[1])[0]++;
                        unknownTaskFieldFirstPath.putIfAbsent(e.getKey(), member(path, e.getKey()));
                    }
                });
                String createdAtText = n.text("CreatedAt", null);
                Instant createdAt = time(member(path, n.spelling("CreatedAt")), createdAtText);
                if (createdAt == null) {
                    error(member(path, n.spelling("CreatedAt")), "missing; a task needs its creation time");
                    return;
                }
                String command = n.text("Command", null);
                String repositoryPath = n.text("RepositoryPath", null);
                String id = n.text("Id", null);
                if (id == null || id.isBlank()) {
                    id = LegacyIds.taskId(index, command, createdAtText, repositoryPath);
                    visitor.finding(Finding.warning(member(path, "Id"), "missing; the task gets the deterministic"
                            + " id " + id));
                }
                String agentId = n.text("AgentId", null);
                TaskPriority priority = enumValue(TaskPriority.class, n, "Priority", path, TaskPriority.NORMAL);
                TaskStatus status = enumValue(TaskStatus.class, n, "Status", path, TaskStatus.PENDING);
                Instant startedAt = time(member(path, n.spelling("StartedAt")), n.text("StartedAt", null));
                Instant completedAt = time(member(path, n.spelling("CompletedAt")), n.text("CompletedAt", null));
                Instant updatedAt = latest(createdAt, startedAt, completedAt);
                Task task = new Task(options.tenant(), id, command, repositoryPath, null,
                        agentId == null || agentId.isEmpty() ? null : agentId, priority, status, createdAt, null,
                        startedAt, completedAt, n.text("Result", null), n.text("ErrorMessage", null),
                        (int) n.number("RetryCount", 0), n.text("CorrelationId", null), n.text("WorkflowId", null),
                        (int) n.number("WorkflowStep", 0), null, TaskProgress.NONE, null, updatedAt, 0);
                visitor.task(task, path);
            } catch (InvalidValue e) {
                error(e.path, e.getMessage());
            } catch (RuntimeException e) {
                error(path, "cannot be read as a task: " + e.getMessage());
            }
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, JsonProps n, String field, String path, E fallback) {
            JsonNode value = n.get(field);
            String where = member(path, n.spelling(field));
            if (value == null) {
                visitor.finding(Finding.warning(where, "missing; " + fallback.name() + " is used"));
                return fallback;
            }
            E[] constants = type.getEnumConstants();
            if (value.isIntegralNumber() || value.asString().matches("\\d+")) {
                int number = value.asInt();
                if (number < 0 || number >= constants.length) {
                    throw new InvalidValue(where, number + " is not a " + type.getSimpleName() + " (0 to "
                            + (constants.length - 1) + ")");
                }
                return constants[number];
            }
            E named = LegacyValues.byName(type, value.asString());
            if (named != null) {
                return named;
            }
            throw new InvalidValue(where, "'" + value.asString() + "' is not a " + type.getSimpleName());
        }

        private Instant time(String path, String text) {
            try {
                return times.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidValue(path, "'" + text + "' is not an ISO-8601 timestamp");
            }
        }

        private void progress(JsonParser parser, long count) {
            if (count % PROGRESS_EVERY == 0) {
                visitor.progress(parser.currentLocation().getByteOffset());
            }
        }

        private void error(String path, String message) {
            visitor.finding(Finding.error(path, message));
        }
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

    static String member(String parent, String name) {
        return SIMPLE_NAME.matcher(name).matches() ? parent + "." + name
                : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static String pathOf(JsonParser parser) {
        StringBuilder path = new StringBuilder("$");
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.matches("\\d+")) {
                path.append('[').append(name).append(']');
            } else {
                path.replace(0, path.length(), member(path.toString(), name));
            }
        }
        return path.toString();
    }

    private static String at(TokenStreamLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String clean(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*?\\]", "").replace("\n", " ");
    }
}
