package dev.orchestra.application.chat;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.ChatStatistics;
import dev.orchestra.domain.chat.SearchWords;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.MessageAttachments;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.chat.ToolExecutions;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.Texts;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.VersionRequired;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The chat use cases. Sessions' changes are audited; messages are the conversation's own history and are
 * not copied into the audit log. What a caller sends is checked on its own thread, before the write.
 */
public final class ChatHistoryService implements ChatHistory {
    static final String SESSION = ChatSession.ENTITY;
    static final String MESSAGE = ChatMessage.ENTITY;
    public static final int MAX_PAGE = 500;
    public static final int MAX_QUERY = 1000;
    static final int MAX_USER_ID = 128;

    private final UnitOfWork unitOfWork;
    private final ChatSessions chats;
    private final ToolExecutions executions;
    private final MessageAttachments attachments;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public ChatHistoryService(UnitOfWork unitOfWork, ChatSessions chats, ToolExecutions executions,
                              MessageAttachments attachments, ConstraintCheck constraints, Auditor auditor,
                              Clock clock) {
        this.unitOfWork = unitOfWork;
        this.chats = chats;
        this.executions = executions;
        this.attachments = attachments;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public ChatSession openSession(Caller caller, String id, ChatSession.Details details) {
        ChatSession session = constraints.require(ChatSession.open(caller.tenant(), id == null ? Ids.newId() : id,
                details, clock.instant()));
        return unitOfWork.write(() -> {
            ChatSession stored = chats.addSession(session);
            auditor.created(caller, SESSION, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public ChatSession session(Caller caller, String id) {
        return unitOfWork.read(() -> chats.findSession(caller.tenant(), id))
                .orElseThrow(() -> new NotFound(SESSION, id));
    }

    @Override
    public Page<ChatSession> sessions(Caller caller, String userId, SessionStatus status,
                                      PageRequest<ChatSession> page) {
        Specification<ChatSession> where = Specification.all();
        if (userId != null) {
            where = where.and(ChatFields.Session.USER_ID.eq(userId));
        }
        if (status != null) {
            where = where.and(ChatFields.Session.STATUS.eq(status));
        }
        PageRequest<ChatSession> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(ChatFields.Session.LAST_MODIFIED_AT.desc())) : page;
        Specification<ChatSession> filter = where;
        return unitOfWork.read(() -> chats.findSessions(caller.tenant(), filter, ordered));
    }

    @Override
    public ChatSession updateSession(Caller caller, String id, Long expectedVersion, ChatSession.Details details) {
        return unitOfWork.write(() -> {
            ChatSession current = chats.findSession(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(SESSION, id));
            VersionRequired.check(SESSION, id, expectedVersion, current.version());
            ChatSession stored = chats.updateSession(constraints.require(current.with(details, clock.instant())));
            auditor.changed(caller, SESSION, id, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public void deleteSession(Caller caller, String id, Long expectedVersion, boolean withMessages) {
        unitOfWork.writeVoid(() -> {
            ChatSession current = chats.findSession(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(SESSION, id));
            VersionRequired.check(SESSION, id, expectedVersion, current.version());
            if (current.messageCount() > 0 && !withMessages) {
                throw new Conflict("chat session " + id + " has " + current.messageCount() + " messages; delete "
                        + "it with withMessages=true to remove them too, or archive it to keep them");
            }
            long runsKept = executions.find(caller.tenant(), ChatFields.Execution.SESSION_ID.eq(id),
                    new PageRequest<>(0, 1, List.of(ChatFields.Execution.ID.asc()))).totalItems();
            if (runsKept > 0 && !withMessages) {
                throw new Conflict("chat session " + id + " has " + runsKept + " tool executions; delete it with "
                        + "withMessages=true to remove them too, or archive it to keep them");
            }
            int removed = chats.removeMessages(caller.tenant(), id);
            int calls = chats.removeToolCalls(caller.tenant(), id);
            int runs = executions.removeOfSession(caller.tenant(), id);
            int files = attachments.removeOfSession(caller.tenant(), id);
            chats.removeSession(caller.tenant(), id);
            auditor.recorded(caller, SESSION, id, AuditAction.DELETE, Map.of("title", current.title(), "userId",
                    current.userId(), "messagesRemoved", removed, "toolCallsRemoved", calls,
                    "toolExecutionsRemoved", runs, "attachmentsRemoved", files));
        });
    }

    @Override
    public ChatMessage append(Caller caller, String sessionId, ChatMessage.NewMessage m) {
        String id = m.id() == null ? Ids.newId() : m.id();
        // Checked here with a stand-in number; inside the unit only the number and the time change.
        constraints.require(ChatMessage.numbered(caller.tenant(), id, sessionId, m, 1, clock.instant()));
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            ChatSession session = chats.findSession(caller.tenant(), sessionId)
                    .orElseThrow(() -> new NotFound(SESSION, sessionId));
            if (session.status() == SessionStatus.ARCHIVED) {
                throw new InvalidTransition("chat session " + sessionId + " is ARCHIVED; it takes no more messages");
            }
            if (m.parentMessageId() != null && chats.findMessage(caller.tenant(), m.parentMessageId())
                    .filter(parent -> parent.sessionId().equals(sessionId)).isEmpty()) {
                throw ValidationFailed.of("parentMessageId", "there is no message '" + m.parentMessageId()
                        + "' in chat session " + sessionId);
            }
            ChatSession next = chats.updateSession(session.appended(m.tokenCount() == null ? 0 : m.tokenCount(), now));
            return chats.addMessage(ChatMessage.numbered(caller.tenant(), id, sessionId, m, next.messageCount(), now));
        });
    }

    @Override
    public ChatMessage message(Caller caller, String id) {
        return unitOfWork.read(() -> chats.findMessage(caller.tenant(), id))
                .orElseThrow(() -> new NotFound(MESSAGE, id));
    }

    @Override
    public ToolCall recordToolCall(Caller caller, String messageId, ToolCall.Report r) {
        Instant sent = clock.instant();
        String id = r.id() == null ? Ids.newId() : r.id();
        if (r.success() == null) {
            throw ValidationFailed.of("success", "must not be null");
        }
        // Checked on the caller's thread with a stand-in session; the unit takes the message's.
        constraints.require(new ToolCall(caller.tenant(), id, messageId, "-", r.name(), r.arguments(), r.result(),
                r.success(), r.error(), r.executedAt() == null ? sent : r.executedAt(),
                r.duration() == null ? java.time.Duration.ZERO : r.duration()));
        return unitOfWork.write(() -> {
            ChatMessage message = chats.findMessage(caller.tenant(), messageId)
                    .orElseThrow(() -> new NotFound(MESSAGE, messageId));
            return chats.addToolCall(new ToolCall(caller.tenant(), id, messageId, message.sessionId(), r.name(),
                    r.arguments(), r.result(), r.success(), r.error(),
                    r.executedAt() == null ? clock.instant() : r.executedAt(),
                    r.duration() == null ? java.time.Duration.ZERO : r.duration()));
        });
    }

    @Override
    public ToolCall toolCall(Caller caller, String id) {
        return unitOfWork.read(() -> chats.findToolCall(caller.tenant(), id))
                .orElseThrow(() -> new NotFound(ToolCall.ENTITY, id));
    }

    @Override
    public ChatStatistics.OfSession sessionStatistics(Caller caller, String sessionId) {
        return unitOfWork.read(() -> chats.sessionStatistics(caller.tenant(), sessionId));
    }

    @Override
    public ChatStatistics.OfUser userStatistics(Caller caller, String userId) {
        requireUserId(userId);
        return unitOfWork.read(() -> chats.userStatistics(caller.tenant(), userId));
    }

    @Override
    public List<ChatHit> search(Caller caller, String userId, String query, String sessionId, int limit) {
        if (userId == null || userId.isBlank()) {
            throw ValidationFailed.of("userId", "must be given: a search is scoped to one user's conversations");
        }
        requireUserId(userId);
        if (query == null || query.isBlank()) {
            throw ValidationFailed.of("q", "must hold at least one word");
        }
        if (query.length() > MAX_QUERY) {
            throw ValidationFailed.of("q", "must be at most " + MAX_QUERY + " characters, not " + query.length());
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ValidationFailed.of("limit", "must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        List<String> words = SearchWords.of(query);
        return unitOfWork.read(() -> chats.search(caller.tenant(), userId, sessionId, words, limit));
    }

    /** A user id as sessions keep it: 1 to 128 characters on one line (any other cannot own a session). */
    private static void requireUserId(String userId) {
        Texts.require("userId", userId, MAX_USER_ID, false);
        if (userId.isBlank()) {
            throw ValidationFailed.of("userId", "must not be blank");
        }
    }

    @Override
    public List<ChatMessage> messages(Caller caller, String sessionId, long afterSequence, int limit) {
        if (afterSequence < 0) {
            throw ValidationFailed.of("afterSequence", "must be 0 or more, not " + afterSequence);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ValidationFailed.of("limit", "must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        return unitOfWork.read(() -> {
            if (chats.findSession(caller.tenant(), sessionId).isEmpty()) {
                throw new NotFound(SESSION, sessionId);
            }
            return chats.messages(caller.tenant(), sessionId, afterSequence, limit);
        });
    }

    @Override
    public ChatMessage updateMessage(Caller caller, String id, Long expectedVersion, MessageUpdate u) {
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            ChatMessage current = chats.findMessage(caller.tenant(), id).orElseThrow(() -> new NotFound(MESSAGE, id));
            VersionRequired.check(MESSAGE, id, expectedVersion, current.version());
            ChatMessage next = constraints.require(current.updated(u.content(), u.status(), u.tokenCount(),
                    u.error()));
            ChatMessage stored = chats.updateMessage(next);
            ChatSession session = chats.findSession(caller.tenant(), current.sessionId())
                    .orElseThrow(() -> new NotFound(SESSION, current.sessionId()));
            chats.updateSession(session.retokened((long) next.tokenCount() - current.tokenCount(), now));
            return stored;
        });
    }
}
