package dev.orchestra.domain.chat;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.NonNegativeDuration;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A tool the model called while writing a message: its arguments, and what came back. */
public record ToolCall(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @Size(max = 128) String messageId,
        @NotBlank @Size(max = 128) String sessionId,
        @NotBlank @SingleLine @Size(max = 200) String name,
        @NotNull @JsonSize(max = MAX_JSON) JsonDocument arguments,
        @JsonSize(max = MAX_JSON) JsonDocument result,
        boolean success,
        @StorableText @Size(max = 10_000) String error,
        @NotNull Instant executedAt,
        @NotNull @NonNegativeDuration Duration duration) {
    public static final String ENTITY = "ToolCall";
    /** Arguments and result: 8,000 characters of JSON each. */
    public static final int MAX_JSON = 8_000;

    public ToolCall {
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /** What a client reports. */
    public record Report(String id, String name, JsonDocument arguments, JsonDocument result, Boolean success,
                         String error, Instant executedAt, Duration duration) {
    }
}
