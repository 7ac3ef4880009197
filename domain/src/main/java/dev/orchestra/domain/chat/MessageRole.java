package dev.orchestra.domain.chat;

/** Who said it. */
public enum MessageRole {
    SYSTEM, USER, ASSISTANT, TOOL
}
