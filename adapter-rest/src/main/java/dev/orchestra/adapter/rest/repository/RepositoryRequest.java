package dev.orchestra.adapter.rest.repository;

import dev.orchestra.domain.repository.AccessLevel;
import dev.orchestra.domain.repository.RepositoryType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Body of create and update. */
public record RepositoryRequest(
        @Size(min = 1, max = 128) String id,
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 500) String path,
        @Size(max = 2000) String description,
        RepositoryType type,
        Boolean active,
        @Schema(description = "any JSON object, at most 65,536 characters and 64 levels deep") JsonNode settings,
        @Size(max = 255) String defaultBranch,
        @Size(max = 100) Set<@NotBlank @Size(max = 100) String> allowedOperations,
        AccessLevel accessLevel,
        @Size(max = 128) String ownerUserId) {
}
