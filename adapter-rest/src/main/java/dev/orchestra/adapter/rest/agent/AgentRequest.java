package dev.orchestra.adapter.rest.agent;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Body of register and update; absent optional values take their defaults. */
public record AgentRequest(
        String id,
        @NotBlank String name,
        @NotBlank String type,
        @NotBlank String repositoryPath,
        String repositoryId,
        Set<String> capabilities,
        Integer maxConcurrentTasks,
        Duration healthCheckInterval,
        JsonNode configuration,
        String sessionId) {
}
