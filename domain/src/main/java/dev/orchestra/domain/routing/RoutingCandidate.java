package dev.orchestra.domain.routing;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One agent the router weighed for a task: its score, and why it was left out when it was. */
public record RoutingCandidate(
        @NotBlank @Size(max = 200) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String agentKey,
        double score,
        @StorableText @Size(max = 1000) String excludedReason) {
    public RoutingCandidate {
        RoutingDecision.requireFinite("candidates.score", score);
    }

    public boolean excluded() {
        return excludedReason != null;
    }
}
