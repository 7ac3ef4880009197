package dev.orchestra.adapter.rest.agent;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.orchestra.adapter.rest.openapi.OpenApiDocument;
import dev.orchestra.domain.agent.AgentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** An agent on the wire. Durations are ISO-8601 text, configuration is the stored JSON object. */
public record AgentResponse(
        String id,
        String name,
        String type,
        String repositoryPath,
        String repositoryId,
        AgentStatus status,
        Instant lastPing,
        String currentTaskId,
        String sessionId,
        Set<String> capabilities,
        @Schema(implementation = Map.class, description = "the JSON object given at registration") @JsonRawValue String configuration,
        @Schema(implementation = Map.class, description = "fields of the legacy file kept verbatim") @JsonRawValue String legacyAttributes,
        int maxConcurrentTasks,
        @Schema(pattern = OpenApiDocument.DURATION, example = "PT1M") String healthCheckInterval,
        Statistics statistics,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    /** Lifetime counters; rates and averages derived. */
    @Schema(name = "AgentStatistics")
    public record Statistics(long completed, long failed, double successRate, String averageExecutionTime,
                             String totalExecutionTime) {
    }

    /** Lifetime counters and what the agent finished in a period. */
    @Schema(name = "AgentPeriodStatistics")
    public record PeriodStatistics(String agentId, Statistics lifetime, Instant from, Instant to, long completed,
                                   long failed, long cancelled, double successRate, String averageExecutionTime) {
    }

    /** How loaded an agent is. */
    @Schema(name = "AgentLoad")
    public record Load(String agentId, AgentStatus status, long activeTasks, int maxConcurrentTasks,
                       double utilisation) {
    }
}
