package dev.orchestra.domain.preference;

import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** User preferences. Call inside a {@code UnitOfWork}. */
public interface Preferences {
    Optional<UserPreference> find(TenantId tenant, PreferenceScope scope, String key);

    /** Ordered by userId, key, repositoryId, agentId. */
    List<UserPreference> find(TenantId tenant, Specification<UserPreference> where);

    /** A second preference with the same scope and key is a {@code Conflict}. */
    UserPreference add(UserPreference preference);

    UserPreference update(UserPreference preference);

    void remove(TenantId tenant, String id, long expectedVersion);

    long count(TenantId tenant);
}
