package dev.orchestra.domain.chat;

import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's approval a tool execution waits for: requested on arguments whose SHA-256 it keeps (so the
 * record says what was approved), optionally until a time, and decided once, by someone, at a time.
 */
public record Approval(
        @NotNull Instant requestedAt,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits (SHA-256)")
        String argumentsSha256,
        Instant expiresAt,
        ApprovalDecision decision,
        @SingleLine @Size(max = MAX_BY) String by,
        Instant at,
        @StorableText @Size(max = MAX_REASON) String reason) {
    /** Who decided: the "system" for an expiry. */
    public static final int MAX_BY = 200;
    public static final int MAX_REASON = 2_000;
    public static final String SYSTEM = "system";

    public Approval {
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (expiresAt != null && !expiresAt.isAfter(requestedAt)) {
            throw ValidationFailed.of("approval.expiresAt", "must be after the request (" + requestedAt + ")");
        }
        if ((decision == null) != (by == null) || (decision == null) != (at == null)) {
            throw ValidationFailed.of("approval", "a decision carries who made it and when, and only a decision does");
        }
    }

    public static Approval requested(Instant now, String argumentsSha256, Instant expiresAt) {
        return new Approval(now, argumentsSha256, expiresAt, null, null, null, null);
    }

    public boolean isDecided() {
        return decision != null;
    }

    /** Whether an undecided request has run out of time at {@code now}. */
    public boolean isOverdue(Instant now) {
        return decision == null && expiresAt != null && !now.isBefore(expiresAt);
    }

    public Approval decided(ApprovalDecision what, String who, Instant when, String why) {
        return new Approval(requestedAt, argumentsSha256, expiresAt, what, who, when, why);
    }
}
