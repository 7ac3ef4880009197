package dev.orchestra.domain.chat;

/** Where a conversation is; ARCHIVED keeps it, out of the way. */
public enum SessionStatus {
    ACTIVE, PAUSED, COMPLETED, FAILED, ARCHIVED
}
