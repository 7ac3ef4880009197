package dev.orchestra.domain.routing;

import dev.orchestra.domain.shared.NonNegativeDuration;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How the routed task went: recorded once per decision, and counted in the agent's statistics. */
public record RoutingOutcome(
        boolean success,
        @NotNull @NonNegativeDuration Duration duration,
        @StorableText @Size(max = RoutingDecision.MAX_ERROR) String error,
        @NotNull Instant at) {
    /** Longer than this is a wrong unit, not a task. */
    public static final Duration MAX_DURATION = Duration.ofDays(30);

    public RoutingOutcome {
        Objects.requireNonNull(at, "at");
        if (duration == null) {
            throw ValidationFailed.of("duration", "must not be null");
        }
        if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
            throw ValidationFailed.of("duration", "must be between PT0S and " + MAX_DURATION + ", not " + duration);
        }
    }
}
