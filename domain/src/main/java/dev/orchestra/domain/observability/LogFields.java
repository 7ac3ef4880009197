package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of an orchestration log entry. */
public final class LogFields {
    public static final Field<OrchestrationLog, String> ID = new Field<>("id", String.class, OrchestrationLog::id);
    public static final Field<OrchestrationLog, LogLevel> LEVEL =
            new Field<>("level", LogLevel.class, OrchestrationLog::level);
    public static final Field<OrchestrationLog, String> CATEGORY =
            new Field<>("category", String.class, OrchestrationLog::category);
    public static final Field<OrchestrationLog, Instant> TIMESTAMP =
            new Field<>("timestamp", Instant.class, OrchestrationLog::timestamp);

    public static final List<Field<OrchestrationLog, ?>> ALL = List.of(ID, LEVEL, CATEGORY, TIMESTAMP);

    private LogFields() {
    }
}
