package dev.orchestra.domain.audit;

import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One append-only record of a state change: what, who, when, and the values before and after. */
public record AuditEntry(
        @NotNull TenantId tenantId,
        @NotBlank String id,
        @NotBlank @Size(max = 100) String entityType,
        @NotBlank @Size(max = 255) String entityId,
        @NotNull AuditAction action,
        String oldValues,
        String newValues,
        @NotNull List<String> changedProperties,
        @Size(max = 128) String userId,
        @Size(max = 128) String correlationId,
        @NotNull Instant timestamp,
        boolean success,
        String error,
        @Min(0) @Max(3) int riskLevel) {

    public AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timestamp, "timestamp");
        changedProperties = changedProperties == null ? List.of() : List.copyOf(changedProperties);
    }
}
