package dev.orchestra.domain.preference;

import dev.orchestra.domain.shared.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who a preference applies to: a user, optionally narrowed to a repository and/or an agent. */
public record PreferenceScope(
        @NotBlank @SingleLine @Size(max = 128) String userId,
        @SingleLine @Size(max = 128) String repositoryId,
        @SingleLine @Size(max = 128) String agentId) {

    public static final String DEFAULT_USER = "default";

    public PreferenceScope {
        userId = userId == null || userId.isBlank() ? DEFAULT_USER : userId;
        repositoryId = repositoryId == null || repositoryId.isBlank() ? null : repositoryId;
        agentId = agentId == null || agentId.isBlank() ? null : agentId;
    }

    public static PreferenceScope user(String userId) {
        return new PreferenceScope(userId, null, null);
    }
}
