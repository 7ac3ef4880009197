package dev.orchestra.domain.chat;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/** One message of a session, numbered 1, 2, 3… in its session without gaps. */
public record ChatMessage(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @Size(max = 128) String sessionId,
        @NotNull MessageRole role,
        @NotNull @StorableText @Size(max = MAX_CONTENT) String content,
        @NotNull Instant timestamp,
        @Min(0) @Max(MAX_TOKENS) int tokenCount,
        @Min(1) long sequenceNumber,
        @Size(max = 128) String parentMessageId,
        @SingleLine @Size(max = 128) String toolCallId,
        @NotNull MessageStatus status,
        @StorableText @Size(max = 10_000) String error,
        long version) {
    public static final String ENTITY = "ChatMessage";
    /** 1 MiB of text. */
    public static final int MAX_CONTENT = 1_048_576;
    public static final int MAX_TOKENS = 10_000_000;

    public ChatMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        if (id != null && id.equals(parentMessageId)) {
            throw ValidationFailed.of("parentMessageId", "a message is not its own parent");
        }
    }

    /** What a client sends; the store numbers it. */
    public record NewMessage(String id, MessageRole role, String content, Integer tokenCount, String parentMessageId,
                             String toolCallId, MessageStatus status) {
    }

    public static ChatMessage numbered(TenantId tenant, String id, String sessionId, NewMessage m, long sequence,
                                       Instant now) {
        return new ChatMessage(tenant, id, sessionId, m.role(), m.content(), now,
                m.tokenCount() == null ? 0 : m.tokenCount(), sequence, m.parentMessageId(), m.toolCallId(),
                m.status() == null ? MessageStatus.COMPLETED : m.status(), null, 0);
    }

    /** A streamed answer's progress: new content, status, tokens or error; its place stays. */
    public ChatMessage updated(String newContent, MessageStatus newStatus, Integer newTokens, String newError) {
        return new ChatMessage(tenantId, id, sessionId, role, newContent == null ? content : newContent, timestamp,
                newTokens == null ? tokenCount : newTokens, sequenceNumber, parentMessageId, toolCallId,
                newStatus == null ? status : newStatus, newError == null ? error : newError, version);
    }

    public ChatMessage withVersion(long newVersion) {
        return new ChatMessage(tenantId, id, sessionId, role, content, timestamp, tokenCount, sequenceNumber,
                parentMessageId, toolCallId, status, error, newVersion);
    }
}
