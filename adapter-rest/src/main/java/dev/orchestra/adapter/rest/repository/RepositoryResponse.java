package dev.orchestra.adapter.rest.repository;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.orchestra.domain.repository.AccessLevel;
import dev.orchestra.domain.repository.RepositoryType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A code repository on the wire. */
public record RepositoryResponse(
        String id,
        String name,
        String path,
        String description,
        RepositoryType type,
        boolean active,
        @Schema(implementation = Map.class, description = "the JSON object given") @JsonRawValue String settings,
        String defaultBranch,
        Set<String> allowedOperations,
        AccessLevel accessLevel,
        String ownerUserId,
        Statistics statistics,
        double performanceRating,
        double reliabilityScore,
        Instant lastAccessedAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    @Schema(name = "RepositoryTaskStatistics")
    public record Statistics(long totalTasks, long successfulTasks, long failedTasks, String totalExecutionTime,
                             String averageTaskDuration, Instant lastTaskExecutedAt) {
    }
}
