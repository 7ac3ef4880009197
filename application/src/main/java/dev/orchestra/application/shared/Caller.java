package dev.orchestra.application.shared;

import dev.orchestra.domain.shared.Forbidden;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Texts;
import dev.orchestra.domain.shared.ValidationFailed;
import java.util.Objects;

/**
 * Who is asking: the tenant whose data is touched, the user recorded in audit fields and, for an agent's own key,
 * the one agent it may act for ({@code actingAgent}; null when the caller may act for any agent of the tenant).
 */
public record Caller(TenantId tenant, String userId, String actingAgent) {
    public static final String SYSTEM = "system";

    /** Audit fields keep at most this many characters of a user id. */
    public static final int MAX_USER_ID = 128;

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        userId = userId == null || userId.isBlank() ? SYSTEM : userId;
        // Checked here, once, rather than by each audit entry a use case writes (a store may not check them).
        if (userId.length() > MAX_USER_ID) {
            throw ValidationFailed.of("userId", "must be at most " + MAX_USER_ID + " characters");
        }
        String problem = Texts.problemWith(userId, false);
        if (problem != null) {
            throw ValidationFailed.of("userId", "must not contain " + problem);
        }
    }

    public Caller(TenantId tenant, String userId) {
        this(tenant, userId, null);
    }

    /** Refuses ({@code Forbidden}) a caller bound to one agent acting for another, or for a task of none. */
    public void requireMayActFor(String agentId) {
        if (actingAgent != null && !actingAgent.equals(agentId)) {
            throw new Forbidden(agentId == null ? "this key acts for agent '" + actingAgent
                    + "' only, and this task is not assigned to it"
                    : "this key acts for agent '" + actingAgent + "' only, not for '" + agentId + "'");
        }
    }

    public static Caller system(TenantId tenant) {
        return new Caller(tenant, SYSTEM);
    }
}
