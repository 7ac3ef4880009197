package dev.orchestra.domain.shared;

import java.util.regex.Pattern;

/** Every aggregate belongs to one tenant; a tenant never sees another's data. */
public record TenantId(String value) {
    public static final String PATTERN = "^[A-Za-z0-9._-]{1,64}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw ValidationFailed.of("tenantId", "must be 1..64 characters of [A-Za-z0-9._-]");
        }
    }

    public static TenantId of(String value) {
        return value == null || value.isBlank() ? DEFAULT : new TenantId(value.trim());
    }

    @Override
    public String toString() {
        return value;
    }
}
