package dev.orchestra.domain.chat;

/**
 * One search match: a session (its title or description matched; no message) or one of its messages, with
 * a snippet in which the matched words are marked {@code [like this]}; a lower rank is a better match.
 */
public record ChatHit(String sessionId, String messageId, Long sequenceNumber, String snippet, double rank) {
    public static final String MARK_START = "[";
    public static final String MARK_END = "]";
}
