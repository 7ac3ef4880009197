package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/** The legacy file's encodings: integer enums, .NET timestamps, "never" as DateTime.MinValue. */
final class LegacyValues {
    private static final DateTimeFormatter SEVEN_DIGITS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, AgentStatus> AGENT_STATUS_NAMES = Map.of(
            "idle", AgentStatus.IDLE, "working", AgentStatus.BUSY, "busy", AgentStatus.BUSY,
            "error", AgentStatus.ERROR, "offline", AgentStatus.OFFLINE, "unknown", AgentStatus.OFFLINE);

    private LegacyValues() {
    }

    /** Seven digits as .NET writes them when no precision is lost; all nine otherwise. */
    static String time(Instant instant) {
        if (instant == null) {
            return null;
        }
        return instant.getNano() % 100 == 0 ? SEVEN_DIGITS.format(instant) : Times.format(instant);
    }

    /** Offset, Z or no zone (read as UTC); DateTime.MinValue is "never". */
    static Instant parseTime(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01T00:00:00")) {
            return null;
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    static int agentStatus(AgentStatus status) {
        return status.ordinal();
    }

    /** Integers per the default table (0 IDLE, 1 BUSY, 2 ERROR, 3 and 4 OFFLINE) or names, any case. */
    static AgentStatus agentStatus(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            switch (Integer.parseInt(text)) {
                case 0:
                    return AgentStatus.IDLE;
                case 1:
                    return AgentStatus.BUSY;
                case 2:
                    return AgentStatus.ERROR;
                case 3:
                case 4:
                    return AgentStatus.OFFLINE;
                default:
                    throw new IllegalArgumentException("agent status " + text + " is outside 0..4");
            }
        }
        AgentStatus status = AGENT_STATUS_NAMES.get(text.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new IllegalArgumentException("unknown agent status '" + text + "'");
        }
        return status;
    }

    static TaskPriority priority(String text) {
        return byOrdinalOrName(TaskPriority.class, text);
    }

    static TaskStatus taskStatus(String text) {
        return byOrdinalOrName(TaskStatus.class, text);
    }

    private static <E extends Enum<E>> E byOrdinalOrName(Class<E> type, String text) {
        E[] constants = type.getEnumConstants();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            int ordinal = Integer.parseInt(text);
            if (ordinal >= constants.length) {
                throw new IllegalArgumentException(type.getSimpleName() + " " + text + " is outside 0.."
                        + (constants.length - 1));
            }
            return constants[ordinal];
        }
        String normalised = text.replace(" ", "_").replaceAll("(?<=[a-z])(?=[A-Z])", "_").toUpperCase(Locale.ROOT);
        for (E constant : constants) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + text + "'");
    }
}
