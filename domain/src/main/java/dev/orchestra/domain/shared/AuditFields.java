package dev.orchestra.domain.shared;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/** Who made and last changed an aggregate, and when. */
public record AuditFields(
        @NotNull Instant createdAt,
        @SingleLine @Size(max = 128) String createdBy,
        @NotNull Instant updatedAt,
        @SingleLine @Size(max = 128) String updatedBy) {

    public AuditFields {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static AuditFields createdNow(Instant now, String by) {
        return new AuditFields(now, by, now, by);
    }

    public AuditFields touched(Instant now, String by) {
        return new AuditFields(createdAt, createdBy, now, by);
    }
}
