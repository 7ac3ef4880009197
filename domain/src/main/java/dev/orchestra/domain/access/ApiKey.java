package dev.orchestra.domain.access;

import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A key that lets a caller use the service: its tenant, role and, for an AGENT key, the one agent it acts for.
 * The secret itself is never kept, only its SHA-256 ({@link ApiKeySecret}); a revoked key stays, so its
 * audit entries keep naming it.
 */
public record ApiKey(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotNull ApiKeyRole role,
        @NotBlank @SingleLine @Size(max = 200) String name,
        @SingleLine @Size(min = 1, max = 128) String agentId,
        @NotNull @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lower-case hex digits")
        String secretSha256,
        @NotNull Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        @PositiveOrZero long version) {
    public static final String ENTITY = "ApiKey";

    public ApiKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        if (role == ApiKeyRole.AGENT && (agentId == null || agentId.isBlank())) {
            throw ValidationFailed.of("agentId", "an AGENT key must name the agent it acts for");
        }
        if (role != ApiKeyRole.AGENT && agentId != null) {
            throw ValidationFailed.of("agentId", "only an AGENT key acts for an agent; a " + role
                    + " key must not name one");
        }
    }

    /** A new key for the secret's digest; the secret is the caller's to show once. */
    public static ApiKey issue(TenantId tenant, String id, ApiKeyRole role, String name, String agentId,
                               String secretSha256, Instant now) {
        return new ApiKey(tenant, id, role, name, agentId, secretSha256, now, null, null, 0);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Revoked from now on; revoking a revoked key keeps the first time. */
    public ApiKey revoke(Instant now) {
        return revoked() ? this : new ApiKey(tenantId, id, role, name, agentId, secretSha256, createdAt, lastUsedAt,
                now.isBefore(createdAt) ? createdAt : now, version);
    }

    /** Used at {@code now} (never earlier than a use already recorded). */
    public ApiKey usedAt(Instant now) {
        Instant at = lastUsedAt != null && now.isBefore(lastUsedAt) ? lastUsedAt : now;
        return new ApiKey(tenantId, id, role, name, agentId, secretSha256, createdAt, at, revokedAt, version);
    }

    public ApiKey withVersion(long newVersion) {
        return new ApiKey(tenantId, id, role, name, agentId, secretSha256, createdAt, lastUsedAt, revokedAt,
                newVersion);
    }

    /** Names the key in audit entries and logs: its id and name, never its secret or digest. */
    public String label() {
        return id + " (" + name + ")";
    }
}
