package dev.orchestra.adapter.rest.chat;

import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Request bodies of the chat endpoints; the domain checks the limits. */
public final class ChatRequests {
    private ChatRequests() {
    }

    /** A new session (title and userId required), or the details to change (null keeps the value). */
    @Schema(name = "ChatSessionRequest")
    public record Session(String id, String title, String description, String userId, String agentId,
                          SessionStatus status, String model, String provider,
                          @Schema(description = "a decimal with at most 8 places, such as 0.0125")
                          BigDecimal estimatedCost,
                          @Schema(type = "string", format = "duration", example = "PT42S") Duration totalDuration,
                          Metadata metadata) {
    }

    @Schema(name = "ChatSessionMetadata")
    public record Metadata(@Size(max = 100) Set<String> tags, String summary,
                           @Schema(description = "a JSON object") JsonNode customData) {
    }

    @Schema(name = "ChatMessageRequest")
    public record Message(String id, @NotNull MessageRole role, @NotNull String content, Integer tokenCount,
                          String parentMessageId, String toolCallId, MessageStatus status) {
    }

    @Schema(name = "ToolCallRequest")
    public record ToolCallReport(String id, @NotNull String name,
                                 @NotNull @Schema(description = "a JSON object of at most 8,000 characters")
                                 JsonNode arguments,
                                 @Schema(description = "a JSON object of at most 8,000 characters") JsonNode result,
                                 @NotNull Boolean success, String error, java.time.Instant executedAt,
                                 @Schema(type = "string", format = "duration", example = "PT0.035S")
                                 Duration duration) {
    }

    @Schema(name = "ChatMessageUpdate")
    public record MessageUpdate(String content, MessageStatus status, Integer tokenCount, String error) {
    }

    @Schema(name = "ToolExecutionRequest", description = "requiresApproval true: the execution waits "
            + "(AWAITING_APPROVAL) for approve or reject, until approvalExpiresAt when given")
    public record ToolExecution(String id, String toolCallId, @NotNull String toolName,
                                @NotNull @Schema(description = "a JSON object of at most 8,000 characters")
                                JsonNode input,
                                String agentId, Boolean requiresApproval, java.time.Instant approvalExpiresAt) {
    }

    @Schema(name = "ToolExecutionUpdate", description = "the next status (RUNNING, COMPLETED, FAILED, "
            + "CANCELLED) and what the tool gave back; null keeps a value")
    public record ToolExecutionUpdate(ToolExecutionStatus status,
                                      @Schema(description = "a JSON object of at most 8,000 characters")
                                      JsonNode output,
                                      String error, String agentId) {
    }

    @Schema(name = "ApprovalDecisionRequest", description = "argumentsSha256, when given, must be the digest the "
            + "request carries: what the person saw is what is approved")
    public record Decision(@NotNull String by, String reason, String argumentsSha256) {
    }
}
