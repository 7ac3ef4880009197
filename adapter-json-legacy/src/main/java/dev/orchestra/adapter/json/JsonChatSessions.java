package dev.orchestra.adapter.json;

import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.ChatStatistics;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ChatSessions} in the JSON document's {@code Orchestra} section. Messages are keyed by session and
 * number, so a number is unique per session by construction and a page of a conversation is read by key,
 * not by scanning; finding a message by its id scans the tenant's messages.
 */
final class JsonChatSessions implements ChatSessions {
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonChatSessions(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    static String key(ChatMessage m) {
        return key(m.sessionId(), m.sequenceNumber());
    }

    private static String key(String sessionId, long sequence) {
        return sessionId + "#" + sequence;
    }

    @Override
    public Optional<ChatSession> findSession(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).chatSessions.get(id));
    }

    @Override
    public ChatSession addSession(ChatSession session) {
        door.check(ChatSession.ENTITY, session);
        JsonState.TenantData data = unitOfWork.state().mutable(session.tenantId());
        if (data.chatSessions.containsKey(session.id())) {
            throw Conflict.alreadyExists(ChatSession.ENTITY, session.id());
        }
        data.chatSessions.put(session.id(), session);
        return session;
    }

    @Override
    public ChatSession updateSession(ChatSession session) {
        door.check(ChatSession.ENTITY, session);
        JsonState.TenantData data = unitOfWork.state().mutable(session.tenantId());
        ChatSession current = data.chatSessions.get(session.id());
        if (current == null) {
            throw new NotFound(ChatSession.ENTITY, session.id());
        }
        if (current.version() != session.version()) {
            throw Conflict.staleVersion(ChatSession.ENTITY, session.id(), session.version());
        }
        ChatSession stored = session.withVersion(session.version() + 1);
        data.chatSessions.put(session.id(), stored);
        return stored;
    }

    @Override
    public void removeSession(TenantId tenant, String id) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        if (!data.chatSessions.containsKey(id)) {
            throw new NotFound(ChatSession.ENTITY, id);
        }
        data.chatSessions.remove(id);
    }

    @Override
    public int removeMessages(TenantId tenant, String sessionId) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        List<String> keys = data.chatMessages.values().stream().filter(m -> m.sessionId().equals(sessionId))
                .map(JsonChatSessions::key).toList();
        keys.forEach(data.chatMessages::remove);
        return keys.size();
    }

    @Override
    public int removeToolCalls(TenantId tenant, String sessionId) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        List<String> ids = data.toolCalls.values().stream().filter(c -> c.sessionId().equals(sessionId))
                .map(ToolCall::id).toList();
        ids.forEach(data.toolCalls::remove);
        return ids.size();
    }

    @Override
    public Page<ChatSession> findSessions(TenantId tenant, Specification<ChatSession> where,
                                          PageRequest<ChatSession> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).chatSessions.values(), where, page,
                ChatFields.Session.ID);
    }

    @Override
    public Optional<ChatMessage> findMessage(TenantId tenant, String id) {
        return unitOfWork.state().of(tenant).chatMessages.values().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public ChatMessage addMessage(ChatMessage message) {
        door.check(ChatMessage.ENTITY, message);
        JsonState.TenantData data = unitOfWork.state().mutable(message.tenantId());
        if (data.chatMessages.containsKey(key(message))) {
            throw new Conflict("chat session " + message.sessionId() + " already has message number "
                    + message.sequenceNumber());
        }
        if (findMessage(message.tenantId(), message.id()).isPresent()) {
            throw Conflict.alreadyExists(ChatMessage.ENTITY, message.id());
        }
        data.chatMessages.put(key(message), message);
        return message;
    }

    @Override
    public ChatMessage updateMessage(ChatMessage message) {
        door.check(ChatMessage.ENTITY, message);
        JsonState.TenantData data = unitOfWork.state().mutable(message.tenantId());
        ChatMessage current = findMessage(message.tenantId(), message.id())
                .orElseThrow(() -> new NotFound(ChatMessage.ENTITY, message.id()));
        if (current.version() != message.version()) {
            throw Conflict.staleVersion(ChatMessage.ENTITY, message.id(), message.version());
        }
        ChatMessage stored = message.withVersion(message.version() + 1);
        data.chatMessages.put(key(current), stored);
        return stored;
    }

    @Override
    public List<ChatMessage> messages(TenantId tenant, String sessionId, long afterSequence, int limit) {
        JsonTable<ChatMessage> messages = unitOfWork.state().of(tenant).chatMessages;
        List<ChatMessage> page = new ArrayList<>();
        // Numbers have no gaps: the page is the next keys, read one by one.
        for (long n = afterSequence + 1; page.size() < limit; n++) {
            ChatMessage next = messages.get(key(sessionId, n));
            if (next == null) {
                break;
            }
            page.add(next);
        }
        return page;
    }

    @Override
    public List<ChatHit> search(TenantId tenant, String userId, String sessionId, List<String> words, int limit) {
        return JsonChatSearch.search(unitOfWork.state().of(tenant), userId, sessionId, words, limit);
    }

    @Override
    public ChatStatistics.OfSession sessionStatistics(TenantId tenant, String sessionId) {
        ChatSession session = findSession(tenant, sessionId)
                .orElseThrow(() -> new NotFound(ChatSession.ENTITY, sessionId));
        Map<MessageRole, Long> byRole = new EnumMap<>(MessageRole.class);
        long tokens = 0;
        long pairs = 0;
        long nanos = 0;
        ChatMessage previous = null;
        // Messages are keyed by number: read in order without a scan.
        for (ChatMessage m : messages(tenant, sessionId, 0, Integer.MAX_VALUE)) {
            byRole.merge(m.role(), 1L, Long::sum);
            tokens += m.tokenCount();
            if (previous != null && previous.role() == MessageRole.USER && m.role() == MessageRole.ASSISTANT) {
                pairs++;
                nanos += Duration.between(previous.timestamp(), m.timestamp()).toNanos();
            }
            previous = m;
        }
        long messages = byRole.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> tools = new TreeMap<>();
        unitOfWork.state().of(tenant).toolCalls.values().stream().filter(c -> c.sessionId().equals(sessionId))
                .forEach(c -> tools.merge(c.name(), 1L, Long::sum));
        return new ChatStatistics.OfSession(sessionId, messages, byRole, tokens, session.estimatedCost(), pairs,
                pairs == 0 ? Duration.ZERO : Duration.ofNanos(nanos / pairs), tools);
    }

    @Override
    public ChatStatistics.OfUser userStatistics(TenantId tenant, String userId) {
        List<ChatSession> sessions = unitOfWork.state().of(tenant).chatSessions.values().stream()
                .filter(s -> s.userId().equals(userId)).toList();
        Map<String, Long> byModel = new TreeMap<>();
        sessions.forEach(s -> byModel.merge(s.model() == null ? "" : s.model(), 1L, Long::sum));
        java.util.Set<String> ids = new java.util.HashSet<>();
        sessions.forEach(s -> ids.add(s.id()));
        Map<String, Long> calls = new TreeMap<>();
        unitOfWork.state().of(tenant).toolCalls.values().stream().filter(c -> ids.contains(c.sessionId()))
                .forEach(c -> calls.merge(c.name(), 1L, Long::sum));
        Map<String, Long> top = new java.util.LinkedHashMap<>();
        calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(ChatStatistics.TOP_TOOLS)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ChatStatistics.OfUser(userId, sessions.size(),
                sessions.stream().mapToLong(ChatSession::messageCount).sum(),
                sessions.stream().mapToLong(ChatSession::totalTokensUsed).sum(),
                sessions.stream().map(ChatSession::estimatedCost).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(ChatSession.COST_SCALE),
                sessions.stream().map(ChatSession::createdAt).min(Instant::compareTo).orElse(null),
                sessions.stream().map(ChatSession::createdAt).max(Instant::compareTo).orElse(null), byModel, top);
    }

    @Override
    public ToolCall addToolCall(ToolCall call) {
        door.check(ToolCall.ENTITY, call);
        JsonState.TenantData data = unitOfWork.state().mutable(call.tenantId());
        if (data.toolCalls.containsKey(call.id())) {
            throw Conflict.alreadyExists(ToolCall.ENTITY, call.id());
        }
        data.toolCalls.put(call.id(), call);
        return call;
    }

    @Override
    public Optional<ToolCall> findToolCall(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).toolCalls.get(id));
    }

    @Override
    public Page<ToolCall> findToolCalls(TenantId tenant, Specification<ToolCall> where, PageRequest<ToolCall> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).toolCalls.values(), where, page, ChatFields.Call.ID);
    }

    @Override
    public Page<ChatMessage> findMessages(TenantId tenant, Specification<ChatMessage> where,
                                          PageRequest<ChatMessage> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).chatMessages.values(), where, page,
                ChatFields.Message.ID);
    }
}
