package dev.orchestra.domain.chat;

/** A streamed answer is PENDING or PROCESSING until it ends COMPLETED, FAILED or CANCELLED. */
public enum MessageStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
