package dev.orchestra.adapter.rest.preference;

import dev.orchestra.domain.preference.ValueType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of an upsert. */
public record PreferenceRequest(@Size(min = 1, max = 128) String userId,
                                @NotNull @Size(max = 100_000) String value, @NotNull ValueType valueType,
                                @Size(max = 100) String category, @Size(max = 1000) String description,
                                @Size(max = 128) String repositoryId, @Size(max = 128) String agentId,
                                Boolean readOnly, Boolean sensitive) {
}
