package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A connected UI client: active while it sends heartbeats; closed by cleanup once it has been silent too long
 * ({@code closedAt}), never deleted except by retention.
 */
public record ClientSession(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotBlank @SingleLine @Size(max = 200) String clientId,
        boolean active,
        @NotNull Instant connectedAt,
        @NotNull Instant lastHeartbeat,
        Instant closedAt,
        @NotNull @JsonSize(max = JsonSize.SETTINGS) JsonDocument metadata,
        @PositiveOrZero long version) {
    public static final String ENTITY = "ClientSession";

    public ClientSession {
        Objects.requireNonNull(tenantId, "tenantId");
        metadata = metadata == null ? JsonDocument.EMPTY : metadata;
    }

    public static ClientSession open(TenantId tenant, String id, String clientId, JsonDocument metadata,
                                     Instant now) {
        return new ClientSession(tenant, id, clientId, true, now, now, null, metadata, 0);
    }

    /** A heartbeat: active again if it had been closed, with the metadata given (or kept). */
    public ClientSession heartbeat(JsonDocument newMetadata, Instant now) {
        Instant at = now.isBefore(lastHeartbeat) ? lastHeartbeat : now;
        return new ClientSession(tenantId, id, clientId, true, connectedAt, at, null,
                newMetadata == null ? metadata : newMetadata, version);
    }

    /** Closed by cleanup: silent since {@code lastHeartbeat}. */
    public ClientSession closed(Instant now) {
        return new ClientSession(tenantId, id, clientId, false, connectedAt, lastHeartbeat, now, metadata, version);
    }

    public ClientSession withVersion(long newVersion) {
        return new ClientSession(tenantId, id, clientId, active, connectedAt, lastHeartbeat, closedAt, metadata,
                newVersion);
    }
}
