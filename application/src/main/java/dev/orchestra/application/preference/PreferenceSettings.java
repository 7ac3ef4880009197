package dev.orchestra.application.preference;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import java.util.List;
import java.util.Optional;

/** Inbound port: user preferences and their effective values. */
public interface PreferenceSettings {
    /** Filters of a listing; null means "any". */
    record PreferenceQuery(String userId, String category, String repositoryId, String agentId) {
    }

    /**
     * Creates the preference (no version needed) or changes its value ({@code expectedVersion} must be the
     * current one: null is {@code VersionRequired}); a read-only one is refused.
     */
    UserPreference upsert(Caller caller, String key, PreferenceScope scope, Long expectedVersion,
                          UserPreference.Setting setting);

    List<UserPreference> list(Caller caller, PreferenceQuery query);

    /** Agent scope first, then repository scope, then the user, then the user {@code default}. */
    Optional<UserPreference> effective(Caller caller, String key, PreferenceScope scope);

    void delete(Caller caller, String key, PreferenceScope scope, Long expectedVersion);

    /** Creates the documented defaults when the store has no preference yet; true when it did. */
    boolean createDefaults(Caller caller);
}
