package dev.orchestra.adapter.rest.preference;

import dev.orchestra.domain.preference.ValueType;
import jakarta.validation.constraints.NotNull;

/** Body of an upsert. */
public record PreferenceRequest(String userId, @NotNull String value, @NotNull ValueType valueType,
                                String category, String description, String repositoryId, String agentId,
                                Boolean readOnly, Boolean sensitive) {
}
