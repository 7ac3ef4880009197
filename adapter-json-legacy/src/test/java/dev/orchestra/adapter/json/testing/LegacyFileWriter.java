package dev.orchestra.adapter.json.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes legacy state files the way the .NET writer did, with every variation LEGACY-FORMAT.md names,
 * at any size (it streams). Each choice is a setter; the expectation helpers say what a correct
 * reader must make of the file.
 */
public final class LegacyFileWriter {
    public enum Zone { UTC_Z, OFFSET, NONE }

    /** The base of every generated time; agent i pings at BASE + i seconds (+ a fraction). */
    public static final Instant BASE = Instant.parse("2025-09-01T10:51:03Z");

    private int agents = 3;
    private int repositories = 1;
    private long tasks = 5;
    private boolean camelCase;
    private boolean enumNames;
    private Zone zone = Zone.OFFSET;
    private ZoneOffset offset = ZoneOffset.ofHours(4);
    private int fractionDigits = 7;
    private boolean cycleFractionDigits;
    private int[] agentStatuses = {0, 1, 4};
    private boolean repositoriesKeyedByPath;
    private boolean withSummaries = true;
    private boolean byteOrderMark;
    private boolean lastUpdated;
    private boolean windowsAndUnixPaths = true;
    private boolean unknownFields = true;
    private final List<Consumer<JsonGenerator>> extraTopLevel = new ArrayList<>();
    private final Map<Long, Map<String, Object>> taskOverrides = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Object>> agentOverrides = new LinkedHashMap<>();

    public static LegacyFileWriter legacyFile() {
        return new LegacyFileWriter();
    }

    public LegacyFileWriter agents(int count) {
        this.agents = count;
        return this;
    }

    public LegacyFileWriter repositories(int count) {
        this.repositories = count;
        return this;
    }

    public LegacyFileWriter tasks(long count) {
        this.tasks = count;
        return this;
    }

    public LegacyFileWriter camelCase() {
        this.camelCase = true;
        return this;
    }

    public LegacyFileWriter enumNames() {
        this.enumNames = true;
        return this;
    }

    public LegacyFileWriter zone(Zone zone) {
        this.zone = zone;
        return this;
    }

    public LegacyFileWriter fractionDigits(int digits) {
        this.fractionDigits = digits;
        return this;
    }

    /** Agent i gets i % 8 fractional digits: 0 to 7, as .NET trims trailing zeros. */
    public LegacyFileWriter cycleFractionDigits() {
        this.cycleFractionDigits = true;
        return this;
    }

    public LegacyFileWriter agentStatuses(int... statuses) {
        this.agentStatuses = statuses;
        return this;
    }

    public LegacyFileWriter repositoriesKeyedByPath() {
        this.repositoriesKeyedByPath = true;
        return this;
    }

    public LegacyFileWriter withoutSummaries() {
        this.withSummaries = false;
        return this;
    }

    public LegacyFileWriter byteOrderMark() {
        this.byteOrderMark = true;
        return this;
    }

    public LegacyFileWriter lastUpdatedSpelling() {
        this.lastUpdated = true;
        return this;
    }

    public LegacyFileWriter unixPathsOnly() {
        this.windowsAndUnixPaths = false;
        return this;
    }

    public LegacyFileWriter withoutUnknownFields() {
        this.unknownFields = false;
        return this;
    }

    /** Replace or add fields of task {@code index} (a null value writes JSON null). */
    public LegacyFileWriter task(long index, String field, Object value) {
        taskOverrides.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(field, value);
        return this;
    }

    public LegacyFileWriter agent(int index, String field, Object value) {
        agentOverrides.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(field, value);
        return this;
    }

    // ------------------------------------------------------------------ expectations

    public String repositoryPath(int repository) {
        return windowsAndUnixPaths && repository % 2 == 0 ? "C:\\Sources\\Repo" + repository
                : "/Users/dev/src/repo-" + repository;
    }

    public String repositoryName(int repository) {
        return "Repo" + repository;
    }

    public String agentId(int agent) {
        return "Repo" + (agent % repositories) + "_" + String.format("%04x", agent);
    }

    public int agentStatus(int agent) {
        return agentStatuses[agent % agentStatuses.length];
    }

    /** The instant agent i's LastPing denotes. */
    public Instant lastPing(int agent) {
        int digits = digitsFor(agent);
        long nanos = digits == 0 ? 0 : fraction(agent, digits);
        Instant instant = BASE.plusSeconds(agent).plusNanos(nanos);
        return zone == Zone.NONE ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toInstant(ZoneOffset.UTC)
                : instant;
    }

    public String taskId(long task) {
        return String.format("%08x-2e0a-4c1f-9d3b-%012x", task, task);
    }

    // ------------------------------------------------------------------ writing

    public Path writeTo(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (byteOrderMark) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            try (JsonGenerator json = JsonMapper.builder().build().createGenerator(out)) {
                write(json);
            }
        }
        return file;
    }

    private void write(JsonGenerator json) {
        json.writeStartObject();
        json.writeName(name("Agents"));
        json.writeStartObject();
        for (int i = 0; i < agents; i++) {
            json.writeName(agentId(i));
            writeAgent(json, i);
        }
        json.writeEndObject();

        json.writeName(name("TaskQueue"));
        json.writeStartArray();
        for (long t = 0; t < tasks; t++) {
            writeTask(json, t);
        }
        json.writeEndArray();

        json.writeName(name(lastUpdated ? "LastUpdated" : "LastUpdate"));
        json.writeString(time(BASE.plusSeconds(86_400).plusNanos(993_288_500), 7));

        json.writeName(name("Repositories"));
        json.writeStartObject();
        for (int r = 0; r < repositories; r++) {
            json.writeName(repositoriesKeyedByPath ? repositoryPath(r) : repositoryName(r));
            json.writeStartObject();
            field(json, "Name", repositoryName(r));
            if (!repositoriesKeyedByPath) {
                field(json, "Path", repositoryPath(r));
            }
            json.writeName(name("Agents"));
            json.writeStartArray();
            int[] counts = new int[4];
            for (int i = r; i < agents; i += repositories) {
                writeAgent(json, i);
                int status = agentStatus(i);
                counts[status == 0 ? 0 : status == 1 ? 1 : status == 2 ? 2 : 3]++;
            }
            json.writeEndArray();
            if (withSummaries) {
                field(json, "IdleCount", counts[0]);
                field(json, "WorkingCount", counts[1]);
                field(json, "ErrorCount", counts[2]);
                field(json, "OfflineCount", counts[3]);
            }
            field(json, "LastUpdate", time(BASE.plusSeconds(86_400), 7));
            json.writeEndObject();
        }
        json.writeEndObject();
        extraTopLevel.forEach(extra -> extra.accept(json));
        json.writeEndObject();
    }

    private void writeAgent(JsonGenerator json, int i) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", agentId(i));
        fields.put("Name", "Claude Code - " + repositoryName(i % repositories) + " (" + i + ")");
        fields.put("Type", "claude-code");
        fields.put("RepositoryPath", repositoryPath(i % repositories));
        int status = agentStatus(i);
        fields.put("Status", enumNames ? new String[] {"Idle", "Working", "Error", "Offline", "Unknown"}[status]
                : status);
        fields.put("LastPing", pingText(i));
        fields.put("CurrentTask", null);
        fields.put("SessionId", String.format("%04x", i));
        fields.put("CurrentTaskId", null);
        if (unknownFields) {
            fields.put("LastActiveTime", pingText(i));
        }
        fields.put("TasksCompleted", i % 7);
        fields.putAll(agentOverrides.getOrDefault(i, Map.of()));
        writeFields(json, fields);
    }

    private void writeTask(JsonGenerator json, long t) {
        int agent = (int) (t % Math.max(1, agents));
        int status = (int) (t % 6);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", taskId(t));
        fields.put("AgentId", status == 0 || agents == 0 ? "" : agentId(agent));
        fields.put("Command", "npm test -- --shard " + t);
        fields.put("RepositoryPath", repositoryPath(agents == 0 ? 0 : agent % repositories));
        Instant created = BASE.plusSeconds(t);
        fields.put("CreatedAt", time(created, 7));
        fields.put("Priority", enumNames ? new String[] {"Low", "Normal", "High", "Critical"}[(int) (t % 4)] : t % 4);
        fields.put("Status", enumNames ? new String[] {"Pending", "Assigned", "InProgress", "Completed", "Failed",
                "Cancelled"}[status] : status);
        fields.put("StartedAt", status >= 2 && status <= 4 ? time(created.plusSeconds(5), 7) : null);
        fields.put("CompletedAt", status >= 3 && status <= 4 ? time(created.plusSeconds(65), 7) : null);
        fields.put("Result", status == 3 ? "ok" : null);
        fields.put("ErrorMessage", status == 4 ? "exit code 1" : null);
        fields.put("RetryCount", status == 4 ? 1 : 0);
        fields.putAll(taskOverrides.getOrDefault(t, Map.of()));
        writeFields(json, fields);
    }

    private void writeFields(JsonGenerator json, Map<String, Object> fields) {
        json.writeStartObject();
        fields.forEach((key, value) -> field(json, key, value));
        json.writeEndObject();
    }

    private void field(JsonGenerator json, String key, Object value) {
        json.writeName(name(key));
        if (value == null) {
            json.writeNull();
        } else if (value instanceof java.math.BigInteger big) {
            json.writeNumber(big);
        } else if (value instanceof Double || value instanceof java.math.BigDecimal) {
            json.writeNumber(new java.math.BigDecimal(value.toString()));
        } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(value.toString());
        }
    }

    private String name(String pascal) {
        return camelCase ? Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1) : pascal;
    }

    private int digitsFor(int agent) {
        return cycleFractionDigits ? agent % 8 : fractionDigits;
    }

    /** A fraction with exactly {@code digits} significant digits, the last one non-zero. */
    private static long fraction(int agent, int digits) {
        long value = (agent * 7919L + 3) % (long) Math.pow(10, digits);
        if (value % 10 == 0) {
            value += 1;
        }
        return value * (long) Math.pow(10, 9 - digits);
    }

    private String pingText(int agent) {
        return time(lastPing(agent), digitsFor(agent));
    }

    /** A timestamp as .NET writes it, in this file's zone style, with {@code digits} fractional digits. */
    public String time(Instant instant, int digits) {
        ZoneOffset in = zone == Zone.OFFSET ? offset : ZoneOffset.UTC;
        LocalDateTime local = LocalDateTime.ofInstant(instant, in);
        String text = local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT));
        if (digits > 0) {
            String nanos = String.format("%09d", local.getNano());
            text += "." + nanos.substring(0, digits);
        }
        return switch (zone) {
            case UTC_Z -> text + "Z";
            case OFFSET -> text + offset.getId();
            case NONE -> text;
        };
    }
}
