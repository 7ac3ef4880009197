package dev.orchestra.domain.chat;

/** How an approval request ended: decided by a person, or run out of time. */
public enum ApprovalDecision {
    APPROVED, REJECTED, EXPIRED
}
