package dev.orchestra.domain.chat;

/**
 * Where a tool execution stands. AWAITING_APPROVAL waits for a person; PENDING may start; COMPLETED,
 * FAILED and CANCELLED are final.
 */
public enum ToolExecutionStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, AWAITING_APPROVAL;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
