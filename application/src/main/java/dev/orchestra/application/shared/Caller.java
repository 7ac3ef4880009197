package dev.orchestra.application.shared;

import dev.orchestra.domain.shared.TenantId;
import java.util.Objects;

/** Who is asking: the tenant whose data is touched, and the user recorded in audit fields. */
public record Caller(TenantId tenant, String userId) {
    public static final String SYSTEM = "system";

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        userId = userId == null || userId.isBlank() ? SYSTEM : userId;
    }

    public static Caller system(TenantId tenant) {
        return new Caller(tenant, SYSTEM);
    }
}
