package dev.orchestra.application.maintenance;

import dev.orchestra.domain.maintenance.RetentionKind;
import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How old each kind of row may grow before retention removes it; a kind not named (or zero) is kept forever. */
public record StoreRetentionPolicy(Map<RetentionKind, Duration> ages) {
    public StoreRetentionPolicy {
        EnumMap<RetentionKind, Duration> copy = new EnumMap<>(RetentionKind.class);
        ages.forEach((kind, age) -> {
            if (age != null && !age.isZero()) {
                if (age.isNegative()) {
                    throw ValidationFailed.of("orchestra.retention." + kind.id(), "must be a positive duration (0 "
                            + "keeps the kind forever), not " + age);
                }
                copy.put(kind, age);
            }
        });
        ages = Collections.unmodifiableMap(copy);
    }

    /**
     * What the service keeps when nothing is configured (the {@code orchestra.retention.*} defaults): finished
     * workflow executions and routing decisions 90 days, circuit history and orchestration logs 30 days, raw
     * metric samples 7 days, closed client sessions 30 days; tasks, archived chat sessions and audit entries
     * forever.
     */
    public static StoreRetentionPolicy defaults() {
        return new StoreRetentionPolicy(Map.of(RetentionKind.FINISHED_WORKFLOW_EXECUTIONS, Duration.ofDays(90),
                RetentionKind.ROUTING_DECISIONS, Duration.ofDays(90), RetentionKind.CIRCUIT_HISTORY,
                Duration.ofDays(30), RetentionKind.ORCHESTRATION_LOGS, Duration.ofDays(30),
                RetentionKind.RAW_METRICS, Duration.ofDays(7), RetentionKind.CLOSED_CLIENT_SESSIONS,
                Duration.ofDays(30)));
    }

    /** This policy with {@code kind} kept for {@code age} ({@code 0}: forever). */
    public StoreRetentionPolicy with(RetentionKind kind, Duration age) {
        Map<RetentionKind, Duration> changed = new EnumMap<>(RetentionKind.class);
        changed.putAll(ages);
        changed.remove(kind);
        if (!age.isZero()) {
            changed.put(kind, age);
        }
        return new StoreRetentionPolicy(changed);
    }
}
