package dev.orchestra.domain.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Objects;

/** The right of one agent to work on a claimed task until it expires; the token proves it. */
public record Lease(@NotBlank String token, @NotNull Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
