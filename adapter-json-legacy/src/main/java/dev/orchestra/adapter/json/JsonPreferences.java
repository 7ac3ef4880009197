package dev.orchestra.adapter.json;

import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link Preferences} over the JSON document. */
final class JsonPreferences implements Preferences {
    private static final String PREFERENCE = UserPreference.ENTITY;
    /** The SQL store's order: user, key, repository, agent (absent first), id. */
    private static final Comparator<UserPreference> ORDER = Comparator
            .comparing((UserPreference p) -> p.scope().userId())
            .thenComparing(UserPreference::key)
            .thenComparing(p -> p.scope().repositoryId(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.scope().agentId(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(UserPreference::id);

    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonPreferences(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<UserPreference> find(TenantId tenant, PreferenceScope scope, String key) {
        return unitOfWork.state().of(tenant).preferences.values().stream()
                .filter(p -> p.key().equals(key) && p.scope().equals(scope)).findFirst();
    }

    @Override
    public List<UserPreference> find(TenantId tenant, Specification<UserPreference> where) {
        return unitOfWork.state().of(tenant).preferences.values().stream().filter(where::isSatisfiedBy)
                .sorted(ORDER).toList();
    }

    @Override
    public UserPreference add(UserPreference preference) {
        door.check(PREFERENCE, preference);
        JsonState.TenantData data = unitOfWork.state().mutable(preference.tenantId());
        if (data.preferences.containsKey(preference.id())
                || find(preference.tenantId(), preference.scope(), preference.key()).isPresent()) {
            throw new Conflict("add preference " + preference.key()
                    + ": a row with the same key already exists (user, key, repository, agent)");
        }
        UserPreference stored = preference;
        data.preferences.put(preference.id(), stored);
        return stored;
    }

    @Override
    public UserPreference update(UserPreference preference) {
        door.check(PREFERENCE, preference);
        JsonState.TenantData data = unitOfWork.state().mutable(preference.tenantId());
        UserPreference current = data.preferences.get(preference.id());
        if (current == null) {
            throw new NotFound(PREFERENCE, preference.key());
        }
        if (current.version() != preference.version()) {
            throw Conflict.staleVersion(PREFERENCE, preference.key(), preference.version());
        }
        UserPreference stored = preference.withVersion(preference.version() + 1);
        data.preferences.put(preference.id(), stored);
        return stored;
    }

    @Override
    public void remove(TenantId tenant, String id, long expectedVersion) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        UserPreference current = data.preferences.get(id);
        if (current == null) {
            throw new NotFound(PREFERENCE, id);
        }
        if (current.version() != expectedVersion) {
            throw Conflict.staleVersion(PREFERENCE, id, expectedVersion);
        }
        data.preferences.remove(id);
    }

    @Override
    public long count(TenantId tenant) {
        return unitOfWork.state().of(tenant).preferences.size();
    }
}
