package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.ChatStatistics;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SessionMetadata;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ChatSessions} in {@code chat_sessions} and {@code chat_messages}. The statements an append runs
 * use positional parameters (named ones are rewritten on every call, on the single writer's time).
 */
final class SqliteChatSessions implements ChatSessions {
    private static final SqlFilter<ChatSession> SESSION_FILTER = new SqlFilter<>(Map.of(
            ChatFields.Session.ID, "id",
            ChatFields.Session.USER_ID, "user_id",
            ChatFields.Session.STATUS, "status",
            ChatFields.Session.CREATED_AT, "created_at",
            ChatFields.Session.LAST_MODIFIED_AT, "last_modified_at"));
    private static final SqlFilter<ChatMessage> MESSAGE_FILTER = new SqlFilter<>(Map.of(
            ChatFields.Message.ID, "id",
            ChatFields.Message.SESSION_ID, "session_id",
            ChatFields.Message.SEQUENCE_NUMBER, "sequence_number"));

    private static final RowMapper<ChatSession> SESSION = (rows, n) -> new ChatSession(Rows.tenant(rows),
            rows.getString("id"), rows.getString("title"), rows.getString("description"), rows.getString("user_id"),
            rows.getString("agent_id"), Rows.enumOf(SessionStatus.class, rows, "status"), rows.getString("model"),
            rows.getString("provider"), Rows.instant(rows, "created_at"), Rows.instant(rows, "last_modified_at"),
            rows.getLong("total_tokens_used"),
            BigDecimal.valueOf(rows.getLong("estimated_cost_units"), ChatSession.COST_SCALE),
            Duration.ofNanos(rows.getLong("total_duration_nanos")), new SessionMetadata(Rows.stringSet(rows, "tags"),
            rows.getString("summary"), Rows.json(rows, "custom_data")), rows.getLong("message_count"),
            rows.getLong("version"));
    private static final RowMapper<ChatMessage> MESSAGE = (rows, n) -> new ChatMessage(Rows.tenant(rows),
            rows.getString("id"), rows.getString("session_id"), Rows.enumOf(MessageRole.class, rows, "role"),
            rows.getString("content"), Rows.instant(rows, "timestamp"), rows.getInt("token_count"),
            rows.getLong("sequence_number"), rows.getString("parent_message_id"), rows.getString("tool_call_id"),
            Rows.enumOf(MessageStatus.class, rows, "status"), rows.getString("error"), rows.getLong("version"));

    private static final SqlFilter<ToolCall> CALL_FILTER = new SqlFilter<>(Map.of(
            ChatFields.Call.ID, "id",
            ChatFields.Call.SESSION_ID, "session_id",
            ChatFields.Call.EXECUTED_AT, "executed_at"));
    private static final RowMapper<ToolCall> CALL = (rows, n) -> new ToolCall(Rows.tenant(rows), rows.getString("id"),
            rows.getString("message_id"), rows.getString("session_id"), rows.getString("name"),
            Rows.json(rows, "arguments"), Rows.json(rows, "result"), rows.getInt("success") == 1,
            rows.getString("error"), Rows.instant(rows, "executed_at"),
            Duration.ofNanos(rows.getLong("duration_nanos")));

    private final SqliteUnitOfWork unitOfWork;

    SqliteChatSessions(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<ChatSession> findSession(TenantId tenant, String id) {
        return SqlErrors.translate("find chat session " + id, () -> template().query(
                "SELECT * FROM chat_sessions WHERE tenant_id = ? AND id = ?", SESSION, tenant.value(), id)
                .stream().findFirst());
    }

    @Override
    public ChatSession addSession(ChatSession s) {
        return SqlErrors.translate("add chat session " + s.id(), () -> {
            template().update("""
                    INSERT INTO chat_sessions (title, description, agent_id, status, model, provider,
                        last_modified_at, total_tokens_used, estimated_cost_units, total_duration_nanos, tags, summary,
                        custom_data, message_count, version, tenant_id, id, user_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values(s, s.version(), s.userId(), Times.format(s.createdAt())));
            return s;
        });
    }

    @Override
    public ChatSession updateSession(ChatSession s) {
        return SqlErrors.translate("update chat session " + s.id(), () -> {
            int updated = template().update("""
                    UPDATE chat_sessions SET title = ?, description = ?, agent_id = ?, status = ?, model = ?,
                        provider = ?, last_modified_at = ?, total_tokens_used = ?, estimated_cost_units = ?,
                        total_duration_nanos = ?, tags = ?, summary = ?, custom_data = ?, message_count = ?,
                        version = ? + 1
                    WHERE tenant_id = ? AND id = ? AND version = ?
                    """, values(s, s.version(), s.version()));
            if (updated != 1) {
                throw findSession(s.tenantId(), s.id()).isPresent()
                        ? Conflict.staleVersion(ChatSession.ENTITY, s.id(), s.version())
                        : new NotFound(ChatSession.ENTITY, s.id());
            }
            return s.withVersion(s.version() + 1);
        });
    }

    /** The session's changeable columns, then the version, the key, and whatever else the statement needs. */
    private static Object[] values(ChatSession s, long version, Object... tail) {
        Object[] head = {s.title(), s.description(), s.agentId(), s.status().name(), s.model(), s.provider(),
                Times.format(s.lastModifiedAt()), s.totalTokensUsed(),
                s.estimatedCost().movePointRight(ChatSession.COST_SCALE).longValueExact(),
                s.totalDuration().toNanos(), Rows.json(s.metadata().tags()), s.metadata().summary(),
                Rows.text(s.metadata().customData()), s.messageCount(), version, s.tenantId().value(), s.id()};
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Override
    public void removeSession(TenantId tenant, String id) {
        SqlErrors.translate("remove chat session " + id, () -> {
            if (template().update("DELETE FROM chat_sessions WHERE tenant_id = ? AND id = ?", tenant.value(), id) != 1) {
                throw new NotFound(ChatSession.ENTITY, id);
            }
            return null;
        });
    }

    @Override
    public int removeMessages(TenantId tenant, String sessionId) {
        return SqlErrors.translate("remove the messages of chat session " + sessionId, () -> template().update(
                "DELETE FROM chat_messages WHERE tenant_id = ? AND session_id = ?", tenant.value(), sessionId));
    }

    @Override
    public int removeToolCalls(TenantId tenant, String sessionId) {
        return SqlErrors.translate("remove the tool calls of chat session " + sessionId, () -> template().update(
                "DELETE FROM tool_calls WHERE tenant_id = ? AND session_id = ?", tenant.value(), sessionId));
    }

    @Override
    public Page<ChatSession> findSessions(TenantId tenant, Specification<ChatSession> where,
                                          PageRequest<ChatSession> page) {
        return SqlErrors.translate("find chat sessions", () -> Rows.page(jdbc(), "chat_sessions", SESSION_FILTER,
                tenant, where, "1 = 1", page, SESSION));
    }

    @Override
    public Optional<ChatMessage> findMessage(TenantId tenant, String id) {
        return SqlErrors.translate("find chat message " + id, () -> template().query(
                "SELECT * FROM chat_messages WHERE tenant_id = ? AND id = ?", MESSAGE, tenant.value(), id)
                .stream().findFirst());
    }

    @Override
    public ChatMessage addMessage(ChatMessage m) {
        return SqlErrors.translate("add message " + m.sequenceNumber() + " to chat session " + m.sessionId(), () -> {
            template().update("""
                    INSERT INTO chat_messages (content, token_count, status, error, version, tenant_id, id, session_id,
                        role, timestamp, sequence_number, parent_message_id, tool_call_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, m.content(), m.tokenCount(), m.status().name(), m.error(), m.version(),
                    m.tenantId().value(), m.id(), m.sessionId(), m.role().name(), Times.format(m.timestamp()),
                    m.sequenceNumber(), m.parentMessageId(), m.toolCallId());
            return m;
        });
    }

    @Override
    public ChatMessage updateMessage(ChatMessage m) {
        return SqlErrors.translate("update chat message " + m.id(), () -> {
            int updated = template().update("""
                    UPDATE chat_messages SET content = ?, token_count = ?, status = ?, error = ?, version = version + 1
                    WHERE tenant_id = ? AND id = ? AND version = ?
                    """, m.content(), m.tokenCount(), m.status().name(), m.error(), m.tenantId().value(), m.id(),
                    m.version());
            if (updated != 1) {
                throw findMessage(m.tenantId(), m.id()).isPresent()
                        ? Conflict.staleVersion(ChatMessage.ENTITY, m.id(), m.version())
                        : new NotFound(ChatMessage.ENTITY, m.id());
            }
            return m.withVersion(m.version() + 1);
        });
    }

    @Override
    public List<ChatMessage> messages(TenantId tenant, String sessionId, long afterSequence, int limit) {
        return SqlErrors.translate("read the messages of chat session " + sessionId, () -> template().query("""
                SELECT * FROM chat_messages WHERE tenant_id = ? AND session_id = ? AND sequence_number > ?
                ORDER BY sequence_number LIMIT ?
                """, MESSAGE, tenant.value(), sessionId, afterSequence, limit));
    }

    @Override
    public List<ChatHit> search(TenantId tenant, String userId, String sessionId, List<String> words, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        String match = match(tenant, userId, words);
        String sql = """
                SELECT session_id, message_id, sequence_number,
                    snippet(chat_search, 5, '[', ']', '…', 16) AS snippet,
                    bm25(chat_search, 0, 0, 0, 0, 0, 1, 0) AS rank
                FROM chat_search WHERE chat_search MATCH ? AND tenant_id = ? AND user_id = ?
                """ + (sessionId == null ? "" : " AND session_id = ?") + " ORDER BY rank, rowid LIMIT ?";
        Object[] args = sessionId == null ? new Object[] {match, tenant.value(), userId, limit}
                : new Object[] {match, tenant.value(), userId, sessionId, limit};
        return SqlErrors.translate("search chat", () -> template().query(sql, (rows, n) -> new ChatHit(
                rows.getString("session_id"), rows.getString("message_id"),
                rows.getObject("sequence_number") == null ? null : rows.getLong("sequence_number"),
                rows.getString("snippet"), rows.getDouble("rank")), args));
    }

    /**
     * The FTS5 query: the user's owner token (V13) and every word, each a quoted string (words hold only
     * letters and digits, the token only hex digits), so nothing a user typed is ever read as FTS5 syntax.
     */
    static String match(TenantId tenant, String userId, List<String> words) {
        String owner = "u" + java.util.HexFormat.of().formatHex((tenant.value() + '\u001f' + userId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "owner : \"" + owner + "\" AND text : (" + words.stream().map(w -> "\"" + w + "\"")
                .collect(java.util.stream.Collectors.joining(" ")) + ")";
    }

    @Override
    public ChatStatistics.OfSession sessionStatistics(TenantId tenant, String sessionId) {
        return SqlErrors.translate("compute the statistics of chat session " + sessionId, () -> {
            ChatSession session = findSession(tenant, sessionId)
                    .orElseThrow(() -> new NotFound(ChatSession.ENTITY, sessionId));
            Map<MessageRole, Long> byRole = new java.util.EnumMap<>(MessageRole.class);
            long[] totals = new long[2];
            template().query("""
                    SELECT role, count(*) AS messages, coalesce(sum(token_count), 0) AS tokens FROM chat_messages
                    WHERE tenant_id = ? AND session_id = ? GROUP BY role
                    """, rows -> {
                byRole.put(MessageRole.valueOf(rows.getString("role")), rows.getLong("messages"));
                totals[0] += rows.getLong("messages");
                totals[1] += rows.getLong("tokens");
            }, tenant.value(), sessionId);
            // A user message and the message right after it, when that one is the assistant's: the time between
            // them in nanoseconds, from the fixed-width time text (seconds by unixepoch, then the nine digits).
            long[] responses = template().queryForObject("""
                    WITH ordered AS (
                        SELECT role, timestamp AS at, lead(role) OVER w AS next_role, lead(timestamp) OVER w AS next_at
                        FROM chat_messages WHERE tenant_id = ? AND session_id = ?
                        WINDOW w AS (ORDER BY sequence_number))
                    SELECT count(*) AS pairs, coalesce(sum(
                        (unixepoch(substr(next_at, 1, 19)) - unixepoch(substr(at, 1, 19))) * 1000000000
                        + cast(substr(next_at, 21, 9) AS INTEGER) - cast(substr(at, 21, 9) AS INTEGER)), 0) AS nanos
                    FROM ordered WHERE role = 'USER' AND next_role = 'ASSISTANT'
                    """, (rows, n) -> new long[] {rows.getLong("pairs"), rows.getLong("nanos")}, tenant.value(),
                    sessionId);
            Map<String, Long> tools = new java.util.TreeMap<>();
            template().query("SELECT name, count(*) AS calls FROM tool_calls WHERE tenant_id = ? AND session_id = ?"
                    + " GROUP BY name", rows -> {
                tools.put(rows.getString("name"), rows.getLong("calls"));
            }, tenant.value(), sessionId);
            return new ChatStatistics.OfSession(sessionId, totals[0], byRole, totals[1], session.estimatedCost(),
                    responses[0], responses[0] == 0 ? Duration.ZERO
                    : Duration.ofNanos(responses[1] / responses[0]), tools);
        });
    }

    @Override
    public ChatStatistics.OfUser userStatistics(TenantId tenant, String userId) {
        return SqlErrors.translate("compute the chat statistics of user " + userId, () -> {
            Map<String, Long> byModel = new java.util.TreeMap<>();
            template().query("""
                    SELECT coalesce(model, '') AS model, count(*) AS sessions FROM chat_sessions
                    WHERE tenant_id = ? AND user_id = ? GROUP BY model
                    """, rows -> {
                byModel.put(rows.getString("model"), rows.getLong("sessions"));
            }, tenant.value(), userId);
            Map<String, Long> tools = new java.util.LinkedHashMap<>();
            template().query("""
                    SELECT c.name, count(*) AS calls FROM tool_calls c
                    JOIN chat_sessions s ON s.tenant_id = c.tenant_id AND s.id = c.session_id
                    WHERE s.tenant_id = ? AND s.user_id = ? GROUP BY c.name ORDER BY calls DESC, c.name LIMIT ?
                    """, rows -> {
                tools.put(rows.getString("name"), rows.getLong("calls"));
            }, tenant.value(), userId, ChatStatistics.TOP_TOOLS);
            return template().queryForObject("""
                    SELECT count(*) AS sessions, coalesce(sum(message_count), 0) AS messages,
                        coalesce(sum(total_tokens_used), 0) AS tokens, coalesce(sum(estimated_cost_units), 0) AS cost,
                        min(created_at) AS first_at, max(created_at) AS last_at
                    FROM chat_sessions WHERE tenant_id = ? AND user_id = ?
                    """, (rows, n) -> new ChatStatistics.OfUser(userId, rows.getLong("sessions"),
                    rows.getLong("messages"), rows.getLong("tokens"),
                    BigDecimal.valueOf(rows.getLong("cost"), ChatSession.COST_SCALE), Rows.instant(rows, "first_at"),
                    Rows.instant(rows, "last_at"), byModel, tools), tenant.value(), userId);
        });
    }

    @Override
    public ToolCall addToolCall(ToolCall c) {
        return SqlErrors.translate("add tool call " + c.id(), () -> {
            template().update("""
                    INSERT INTO tool_calls (tenant_id, id, message_id, session_id, name, arguments, result, success,
                        error, executed_at, duration_nanos)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, c.tenantId().value(), c.id(), c.messageId(), c.sessionId(), c.name(), Rows.text(c.arguments()),
                    Rows.text(c.result()), c.success() ? 1 : 0, c.error(), Times.format(c.executedAt()),
                    c.duration().toNanos());
            return c;
        });
    }

    @Override
    public Optional<ToolCall> findToolCall(TenantId tenant, String id) {
        return SqlErrors.translate("find tool call " + id, () -> template().query(
                "SELECT * FROM tool_calls WHERE tenant_id = ? AND id = ?", CALL, tenant.value(), id)
                .stream().findFirst());
    }

    @Override
    public Page<ToolCall> findToolCalls(TenantId tenant, Specification<ToolCall> where, PageRequest<ToolCall> page) {
        return SqlErrors.translate("find tool calls", () -> Rows.page(jdbc(), "tool_calls", CALL_FILTER, tenant, where,
                "1 = 1", page, CALL));
    }

    @Override
    public Page<ChatMessage> findMessages(TenantId tenant, Specification<ChatMessage> where,
                                          PageRequest<ChatMessage> page) {
        return SqlErrors.translate("find chat messages", () -> Rows.page(jdbc(), "chat_messages", MESSAGE_FILTER,
                tenant, where, "1 = 1", page, MESSAGE));
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private JdbcTemplate template() {
        return unitOfWork.batch().getJdbcTemplate();
    }
}
