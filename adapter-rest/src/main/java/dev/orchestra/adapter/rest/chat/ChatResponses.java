package dev.orchestra.adapter.rest.chat;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Chat sessions and messages on the wire. */
public final class ChatResponses {
    private ChatResponses() {
    }

    @Schema(name = "ChatSessionResponse")
    public record Session(String id, String title, String description, String userId, String agentId,
                          SessionStatus status, String model, String provider, Instant createdAt,
                          Instant lastModifiedAt, long totalTokensUsed, BigDecimal estimatedCost,
                          @Schema(type = "string", format = "duration") Duration totalDuration, Metadata metadata,
                          long messageCount, long version) {
    }

    @Schema(name = "ChatSessionMetadataResponse")
    public record Metadata(Set<String> tags, String summary,
                           @Schema(implementation = Map.class) @JsonRawValue String customData) {
    }

    @Schema(name = "ChatSearchHit", description = "a session (title or description matched; no message) or one of "
            + "its messages; the snippet marks the matched words [like this]; a lower rank is a better match")
    public record Hit(String sessionId, String messageId, Long sequenceNumber, String snippet, double rank) {
    }

    @Schema(name = "ChatSessionStatistics", description = "averageResponseTime: from a user message to the "
            + "assistant message right after it, over the responses such pairs")
    public record SessionStatistics(String sessionId, long messages, Map<MessageRole, Long> messagesByRole,
                                    long tokens, BigDecimal estimatedCost, long responses,
                                    @Schema(type = "string", format = "duration") Duration averageResponseTime,
                                    @Schema(description = "tool calls by tool name") Map<String, Long> toolUsage) {
    }

    @Schema(name = "ChatUserStatistics", description = "sessionsByModel: sessions per model (\"\" for none given)")
    public record UserStatistics(String userId, long sessions, long messages, long tokens, BigDecimal estimatedCost,
                                 Instant firstSessionAt, Instant lastSessionAt, Map<String, Long> sessionsByModel,
                                 @Schema(description = "the 10 tools called most, calls per tool") Map<String, Long> topTools) {
    }

    @Schema(name = "ToolCallResponse")
    public record ToolCall(String id, String messageId, String sessionId, String name,
                           @Schema(implementation = Map.class) @JsonRawValue String arguments,
                           @Schema(implementation = Map.class) @JsonRawValue String result, boolean success,
                           String error, Instant executedAt,
                           @Schema(type = "string", format = "duration") Duration duration) {
    }

    @Schema(name = "ChatMessageResponse")
    public record Message(String id, String sessionId, MessageRole role, String content, Instant timestamp,
                          int tokenCount, long sequenceNumber, String parentMessageId, String toolCallId,
                          MessageStatus status, String error, long version) {
    }

    @Schema(name = "ToolExecutionResponse")
    public record ToolExecution(String id, String sessionId, String toolCallId, String toolName,
                                @Schema(implementation = Map.class) @JsonRawValue String input,
                                @Schema(implementation = Map.class) @JsonRawValue String output, String agentId,
                                ToolExecutionStatus status, String error, Instant createdAt, Instant startedAt,
                                Instant completedAt, @Schema(type = "string", format = "duration") Duration duration,
                                Approval approval, long version) {
    }

    @Schema(name = "ToolApproval", description = "required false: the execution needs no approval (no other "
            + "field is set); argumentsSha256 is the SHA-256 of the input's JSON text as stored")
    public record Approval(boolean required, Instant requestedAt, String argumentsSha256, Instant expiresAt,
                           ApprovalDecision decision, String by, Instant at, String reason) {
    }

    @Schema(name = "MessageAttachmentResponse")
    public record Attachment(String id, String messageId, String sessionId, String fileName, String contentType,
                             long size, String sha256, Instant uploadedAt) {
    }
}
