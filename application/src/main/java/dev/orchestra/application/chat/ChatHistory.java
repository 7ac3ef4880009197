package dev.orchestra.application.chat;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatStatistics;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import java.util.List;

/**
 * Inbound port: the conversations the orchestrator has. A message is numbered by the store in the unit of
 * work that stores it and bumps its session's last-modified time and token total, so numbers run 1, 2, 3…
 * per session without gaps whatever the concurrency.
 */
public interface ChatHistory {
    /** A streamed answer's progress; null keeps the value. */
    record MessageUpdate(String content, MessageStatus status, Integer tokenCount, String error) {
    }

    ChatSession openSession(Caller caller, String id, ChatSession.Details details);

    ChatSession session(Caller caller, String id);

    /** Filtered by user and status when given; the most recently modified first. */
    Page<ChatSession> sessions(Caller caller, String userId, SessionStatus status, PageRequest<ChatSession> page);

    /** Changes the details (If-Match required); the owner, the counters and the messages stay. */
    ChatSession updateSession(Caller caller, String id, Long expectedVersion, ChatSession.Details details);

    /**
     * Deletes a session (If-Match required), audited; one that has messages only with {@code withMessages},
     * which removes them in the same unit (archive a session to keep it out of the way instead).
     */
    void deleteSession(Caller caller, String id, Long expectedVersion, boolean withMessages);

    /** Appends a message with the next number of its session; an ARCHIVED session takes no more. */
    ChatMessage append(Caller caller, String sessionId, ChatMessage.NewMessage message);

    ChatMessage message(Caller caller, String id);

    /** A tool the model called for a message (of this tenant); its time defaults to now. */
    ToolCall recordToolCall(Caller caller, String messageId, ToolCall.Report report);

    ToolCall toolCall(Caller caller, String id);

    ChatStatistics.OfSession sessionStatistics(Caller caller, String sessionId);

    ChatStatistics.OfUser userStatistics(Caller caller, String userId);

    /**
     * A user's sessions and messages (one session's, when given) holding every word of {@code query}, best
     * first; the query is only ever words, never search syntax.
     */
    List<ChatHit> search(Caller caller, String userId, String query, String sessionId, int limit);

    /** Up to {@code limit} messages numbered after {@code afterSequence}, in order. */
    List<ChatMessage> messages(Caller caller, String sessionId, long afterSequence, int limit);

    /** A streamed answer's new content, status or tokens (If-Match required); its session's total follows. */
    ChatMessage updateMessage(Caller caller, String id, Long expectedVersion, MessageUpdate update);
}
