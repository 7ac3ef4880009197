package dev.orchestra.application.preference;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.preference.PreferenceFields;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.VersionRequired;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The preference use cases. */
public final class PreferenceSettingsService implements PreferenceSettings {
    static final String PREFERENCE = UserPreference.ENTITY;

    /** The defaults of a new store (DOMAIN.md). */
    static final List<Map.Entry<String, UserPreference.Setting>> DEFAULTS = List.of(
            Map.entry("ui.theme", new UserPreference.Setting("dark", ValueType.STRING, "ui", null, false, false)),
            Map.entry("ui.pageSize", new UserPreference.Setting("50", ValueType.INTEGER, "ui", null, false, false)),
            Map.entry("system.autoRefresh",
                    new UserPreference.Setting("true", ValueType.BOOLEAN, "system", null, false, false)),
            Map.entry("notifications.enabled",
                    new UserPreference.Setting("true", ValueType.BOOLEAN, "notifications", null, false, false)));

    private final UnitOfWork unitOfWork;
    private final Preferences preferences;
    private final Agents agents;
    private final CodeRepositories repositories;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public PreferenceSettingsService(UnitOfWork unitOfWork, Preferences preferences, Agents agents,
                                     CodeRepositories repositories, ConstraintCheck constraints, Auditor auditor,
                                     Clock clock) {
        this.unitOfWork = unitOfWork;
        this.preferences = preferences;
        this.agents = agents;
        this.repositories = repositories;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public UserPreference upsert(Caller caller, String key, PreferenceScope scope, Long expectedVersion,
                                 UserPreference.Setting setting) {
        return unitOfWork.write(() -> {
            Optional<UserPreference> current = preferences.find(caller.tenant(), scope, key);
            if (current.isEmpty()) {
                // A preference of an agent or repository the tenant does not have would apply to nothing and
                // is an integrity error (preference-target-missing); deleted agents keep their row, so count.
                if (scope.agentId() != null && agents.findIncludingDeleted(caller.tenant(), scope.agentId()).isEmpty()) {
                    throw ValidationFailed.of("agentId", "there is no agent '" + scope.agentId() + "'");
                }
                if (scope.repositoryId() != null
                        && repositories.findById(caller.tenant(), scope.repositoryId()).isEmpty()) {
                    throw ValidationFailed.of("repositoryId", "there is no repository '" + scope.repositoryId() + "'");
                }
                UserPreference created = constraints.require(UserPreference.create(caller.tenant(), Ids.newId(),
                        scope, key, setting, clock.instant(), caller.userId()));
                UserPreference stored = preferences.add(created);
                auditor.created(caller, PREFERENCE, describe(stored), stored);
                return stored;
            }
            UserPreference before = current.get();
            VersionRequired.check(PREFERENCE, describe(before), expectedVersion, before.version());
            UserPreference stored = preferences.update(constraints.require(
                    before.change(setting, clock.instant(), caller.userId())));
            auditor.changed(caller, PREFERENCE, describe(stored), AuditAction.UPDATE, before, stored);
            return stored;
        });
    }

    @Override
    public List<UserPreference> list(Caller caller, PreferenceQuery query) {
        Specification<UserPreference> where = Specification.all();
        where = eqIfPresent(where, PreferenceFields.USER_ID, query.userId());
        where = eqIfPresent(where, PreferenceFields.CATEGORY, query.category());
        where = eqIfPresent(where, PreferenceFields.REPOSITORY_ID, query.repositoryId());
        where = eqIfPresent(where, PreferenceFields.AGENT_ID, query.agentId());
        Specification<UserPreference> filter = where;
        return unitOfWork.read(() -> preferences.find(caller.tenant(), filter));
    }

    @Override
    public Optional<UserPreference> effective(Caller caller, String key, PreferenceScope scope) {
        List<PreferenceScope> candidates = new ArrayList<>();
        if (scope.agentId() != null) {
            if (scope.repositoryId() != null) {
                candidates.add(scope);
            }
            candidates.add(new PreferenceScope(scope.userId(), null, scope.agentId()));
        }
        if (scope.repositoryId() != null) {
            candidates.add(new PreferenceScope(scope.userId(), scope.repositoryId(), null));
        }
        candidates.add(PreferenceScope.user(scope.userId()));
        candidates.add(PreferenceScope.user(PreferenceScope.DEFAULT_USER));
        return unitOfWork.read(() -> candidates.stream()
                .map(candidate -> preferences.find(caller.tenant(), candidate, key))
                .flatMap(Optional::stream)
                .findFirst());
    }

    @Override
    public void delete(Caller caller, String key, PreferenceScope scope, Long expectedVersion) {
        unitOfWork.writeVoid(() -> {
            UserPreference current = preferences.find(caller.tenant(), scope, key)
                    .orElseThrow(() -> new NotFound(PREFERENCE, key));
            VersionRequired.check(PREFERENCE, describe(current), expectedVersion, current.version());
            if (current.readOnly()) {
                throw new InvalidTransition("Preference '" + key + "' of user '" + scope.userId()
                        + "' is read-only and cannot be deleted");
            }
            preferences.remove(caller.tenant(), current.id(), current.version());
            auditor.recorded(caller, PREFERENCE, describe(current), AuditAction.DELETE,
                    Map.of("key", key, "userId", scope.userId()));
        });
    }

    @Override
    public boolean createDefaults(Caller caller) {
        return unitOfWork.write(() -> {
            if (preferences.count(caller.tenant()) > 0) {
                return false;
            }
            for (Map.Entry<String, UserPreference.Setting> entry : DEFAULTS) {
                upsert(caller, entry.getKey(), PreferenceScope.user(PreferenceScope.DEFAULT_USER), null,
                        entry.getValue());
            }
            return true;
        });
    }

    private static String describe(UserPreference p) {
        return p.scope().userId() + "/" + p.key();
    }

    private static Specification<UserPreference> eqIfPresent(
            Specification<UserPreference> where, dev.orchestra.domain.shared.Field<UserPreference, String> field,
            String value) {
        return value == null || value.isBlank() ? where : where.and(field.eq(value));
    }
}
