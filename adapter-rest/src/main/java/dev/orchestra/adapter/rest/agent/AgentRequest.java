package dev.orchestra.adapter.rest.agent;

import dev.orchestra.domain.agent.Agent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Body of register and update; absent optional values take their defaults. The limits repeat the
 * domain's, so the OpenAPI document states them and a client learns them before it sends.
 */
public record AgentRequest(
        @Size(min = 1, max = 128) @Pattern(regexp = "^" + Agent.ID_PATTERN + "$") String id,
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 100) String type,
        @NotBlank @Size(max = 500) String repositoryPath,
        @Size(max = 128) String repositoryId,
        @Size(max = Agent.MAX_CAPABILITIES) Set<@NotBlank @Size(max = 100) String> capabilities,
        @Min(1) @Max(10) Integer maxConcurrentTasks,
        Duration healthCheckInterval,
        @Schema(description = "any JSON object, at most 65,536 characters and 64 levels deep") JsonNode configuration,
        @Size(max = 128) String sessionId) {
}
