package dev.orchestra.domain.chat;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** Chat sessions and their messages. Call inside a {@code UnitOfWork}. */
public interface ChatSessions {
    Optional<ChatSession> findSession(TenantId tenant, String id);

    /** Stores a new session; an existing id is a {@code Conflict}. */
    ChatSession addSession(ChatSession session);

    /** Version-checked; a stale version is a {@code Conflict}, an unknown id {@code NotFound}. */
    ChatSession updateSession(ChatSession session);

    /** Removes a session's row; {@code NotFound} for an unknown id. Its messages are removed apart. */
    void removeSession(TenantId tenant, String id);

    /** Removes every message of a session; answers how many there were. */
    int removeMessages(TenantId tenant, String sessionId);

    /** Removes every tool call of a session's messages; answers how many there were. */
    int removeToolCalls(TenantId tenant, String sessionId);

    Page<ChatSession> findSessions(TenantId tenant, Specification<ChatSession> where, PageRequest<ChatSession> page);

    Optional<ChatMessage> findMessage(TenantId tenant, String id);

    /**
     * Stores a message at the number it carries; an existing id, or a number its session already has, is a
     * {@code Conflict} (the store keeps numbers unique per session whatever the caller does).
     */
    ChatMessage addMessage(ChatMessage message);

    /** Version-checked; the session and the number never change. */
    ChatMessage updateMessage(ChatMessage message);

    /** Up to {@code limit} messages of a session numbered after {@code afterSequence}, in order (keyset). */
    List<ChatMessage> messages(TenantId tenant, String sessionId, long afterSequence, int limit);

    /**
     * A user's sessions and messages (only one session's, when {@code sessionId} is given) whose text holds
     * every one of {@code words} (as {@link SearchWords} cuts them), best first, at most {@code limit}.
     */
    List<ChatHit> search(TenantId tenant, String userId, String sessionId, List<String> words, int limit);

    /** The figures of one session; {@code NotFound} for an unknown one. */
    ChatStatistics.OfSession sessionStatistics(TenantId tenant, String sessionId);

    /** The figures of one user's sessions (zeros for a user without any). */
    ChatStatistics.OfUser userStatistics(TenantId tenant, String userId);

    /** Stores a tool call; an existing id is a {@code Conflict}. */
    ToolCall addToolCall(ToolCall call);

    Optional<ToolCall> findToolCall(TenantId tenant, String id);

    /** Every tool call of a tenant, for whole-store jobs. */
    Page<ToolCall> findToolCalls(TenantId tenant, Specification<ToolCall> where, PageRequest<ToolCall> page);

    /** Every message of a tenant, for whole-store jobs. */
    Page<ChatMessage> findMessages(TenantId tenant, Specification<ChatMessage> where, PageRequest<ChatMessage> page);
}
