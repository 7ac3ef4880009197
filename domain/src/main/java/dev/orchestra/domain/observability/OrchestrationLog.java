package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the orchestration log (append-only): what a client posted, or a warning or error the service
 * itself logged (category {@code service.<logger>}).
 */
public record OrchestrationLog(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotNull LogLevel level,
        @NotBlank @SingleLine @Size(max = 200) String category,
        @NotBlank @StorableText @Size(max = MAX_MESSAGE) String message,
        @NotNull @JsonSize(max = JsonSize.SETTINGS) JsonDocument properties,
        @NotNull Instant timestamp) {
    public static final String ENTITY = "OrchestrationLog";
    public static final int MAX_MESSAGE = 10_000;

    public OrchestrationLog {
        Objects.requireNonNull(tenantId, "tenantId");
        properties = properties == null ? JsonDocument.EMPTY : properties;
    }
}
