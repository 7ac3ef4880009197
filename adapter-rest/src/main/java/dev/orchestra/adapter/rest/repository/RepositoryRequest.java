package dev.orchestra.adapter.rest.repository;

import dev.orchestra.domain.repository.AccessLevel;
import dev.orchestra.domain.repository.RepositoryType;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Body of create and update. */
public record RepositoryRequest(
        String id,
        @NotBlank String name,
        @NotBlank String path,
        String description,
        RepositoryType type,
        Boolean active,
        JsonNode settings,
        String defaultBranch,
        Set<String> allowedOperations,
        AccessLevel accessLevel,
        String ownerUserId) {
}
