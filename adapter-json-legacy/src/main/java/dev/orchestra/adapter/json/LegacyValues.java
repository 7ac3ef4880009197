package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The legacy file's encodings: integer enums, .NET timestamps, "never" as DateTime.MinValue. */
final class LegacyValues {
    private static final DateTimeFormatter SEVEN_DIGITS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    static final Map<String, AgentStatus> AGENT_STATUS_NAMES = Map.of(
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
        return new LegacyTimes(ZoneOffset.UTC).parse(text);
    }

    static int agentStatus(AgentStatus status) {
        return status.ordinal();
    }

    /** Integers per the default table (0 IDLE, 1 BUSY, 2 ERROR, 3 and 4 OFFLINE) or names, any case. */
    static AgentStatus agentStatus(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            AgentStatus mapped = LegacyReadOptions.DEFAULT_AGENT_STATUS_MAP.get(smallNumber(text));
            if (mapped == null) {
                throw new IllegalArgumentException("agent status " + text + " is outside 0..4");
            }
            return mapped;
        }
        AgentStatus status = AGENT_STATUS_NAMES.get(text.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new IllegalArgumentException("unknown agent status '" + text + "'");
        }
        return status;
    }

    /** Digits as an int, or Integer.MAX_VALUE (outside every table) when too many for one. */
    private static int smallNumber(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
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
            int ordinal = smallNumber(text);
            if (ordinal >= constants.length) {
                throw new IllegalArgumentException(type.getSimpleName() + " " + text + " is outside 0.."
                        + (constants.length - 1));
            }
            return constants[ordinal];
        }
        E constant = byName(type, text);
        if (constant == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + text + "'");
        }
        return constant;
    }

    /** A .NET enum name in any case or spacing ({@code InProgress}, {@code in progress}); null when none. */
    static <E extends Enum<E>> E byName(Class<E> type, String text) {
        String normalised = text.strip().replaceAll("(?<=[a-z])(?=[A-Z])", "_").replace(' ', '_')
                .toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        return null;
    }
}
