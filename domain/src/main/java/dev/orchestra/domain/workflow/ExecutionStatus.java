package dev.orchestra.domain.workflow;

import java.util.EnumSet;
import java.util.Set;

/** Where a workflow execution is; PENDING, RUNNING and BLOCKED are incomplete (recovery picks them up). */
public enum ExecutionStatus {
    PENDING, RUNNING, BLOCKED, COMPLETED, FAILED, CANCELLED;

    public static final Set<ExecutionStatus> INCOMPLETE = EnumSet.of(PENDING, RUNNING, BLOCKED);

    public boolean incomplete() {
        return INCOMPLETE.contains(this);
    }

    /** The moves the status machine allows; staying put is always allowed. */
    public boolean canMoveTo(ExecutionStatus to) {
        if (to == this) {
            return true;
        }
        return switch (this) {
            case PENDING, RUNNING, BLOCKED -> true;
            // Only resume brings an ended execution back, and only these two.
            case FAILED, CANCELLED -> to == PENDING;
            case COMPLETED -> false;
        };
    }
}
