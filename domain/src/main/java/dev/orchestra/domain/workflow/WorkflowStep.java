package dev.orchestra.domain.workflow;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One step of a workflow definition: what runs, and the steps it waits for. */
public record WorkflowStep(
        @NotBlank @Size(max = 100) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @SingleLine @Size(max = 100) String type,
        @StorableText @Size(max = 10_000) String command,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 100) String> dependsOn) {
    public WorkflowStep {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
