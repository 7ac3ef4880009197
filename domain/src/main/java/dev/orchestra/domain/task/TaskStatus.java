package dev.orchestra.domain.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * The task status machine:
 * PENDING -> ASSIGNED -> IN_PROGRESS -> COMPLETED | FAILED; FAILED -> PENDING (retry);
 * ASSIGNED -> PENDING (agent lost); PENDING, ASSIGNED, IN_PROGRESS -> CANCELLED.
 */
public enum TaskStatus {
    PENDING, ASSIGNED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED;

    public static final Set<TaskStatus> ACTIVE = EnumSet.of(ASSIGNED, IN_PROGRESS);
    public static final Set<TaskStatus> FINISHED = EnumSet.of(COMPLETED, FAILED, CANCELLED);
    public static final Set<TaskStatus> UNFINISHED = EnumSet.complementOf(EnumSet.of(COMPLETED, FAILED, CANCELLED));
    /** Everything but COMPLETED: a step in one of these holds its container open. */
    public static final Set<TaskStatus> NOT_COMPLETED = EnumSet.complementOf(EnumSet.of(COMPLETED));

    public Set<TaskStatus> next() {
        switch (this) {
            case PENDING:
                return EnumSet.of(ASSIGNED, CANCELLED);
            case ASSIGNED:
                return EnumSet.of(IN_PROGRESS, PENDING, CANCELLED);
            case IN_PROGRESS:
                return EnumSet.of(COMPLETED, FAILED, CANCELLED);
            case FAILED:
                return EnumSet.of(PENDING);
            default:
                return EnumSet.noneOf(TaskStatus.class);
        }
    }

    public boolean canMoveTo(TaskStatus target) {
        return next().contains(target);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
