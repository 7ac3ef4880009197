package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.preference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.preference.PreferenceFields;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.ValidationFailed;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code Preferences} must have. */
public abstract class PreferencesContractTest extends StoreContract {
    private static final PreferenceScope USER = PreferenceScope.user("alice");
    private static final PreferenceScope USER_IN_REPO = new PreferenceScope("alice", "repo-1", null);
    private static final PreferenceScope USER_FOR_AGENT = new PreferenceScope("alice", null, "agent-1");

    @Test
    void givenPreferencesInSeveralScopes_find_matchesTheExactScopeOnly() {
        writeVoid(() -> {
            store.preferences().add(preference("p1", USER, "ui.theme", "light"));
            store.preferences().add(preference("p2", USER_IN_REPO, "ui.theme", "solarized"));
            store.preferences().add(preference("p3", USER_FOR_AGENT, "ui.theme", "mono"));
        });
        reopen();

        assertThat(read(() -> store.preferences().find(TENANT, USER, "ui.theme")).orElseThrow().value())
                .isEqualTo("light");
        assertThat(read(() -> store.preferences().find(TENANT, USER_IN_REPO, "ui.theme")).orElseThrow().value())
                .isEqualTo("solarized");
        assertThat(read(() -> store.preferences().find(TENANT, USER_FOR_AGENT, "ui.theme")).orElseThrow().value())
                .isEqualTo("mono");
        assertThat(read(() -> store.preferences().find(TENANT, PreferenceScope.user("bob"), "ui.theme")))
                .isEmpty();
    }

    @Test
    void givenSameScopeAndKey_add_isConflict() {
        write(() -> store.preferences().add(preference("p1", USER, "k", "v")));

        assertThatThrownBy(() -> write(() -> store.preferences().add(preference("p2", USER, "k", "w"))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void givenStoredPreference_updateAndRemove_areVersionChecked() {
        UserPreference stored = write(() -> store.preferences().add(preference("p1", USER, "k", "v")));
        UserPreference changed = write(() -> store.preferences().update(stored.change(
                new UserPreference.Setting("w", ValueType.STRING, null, null, null, null), stored.audit().createdAt(),
                "bob")));

        assertThat(changed.version()).isEqualTo(1);
        assertThatThrownBy(() -> write(() -> store.preferences().update(stored))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> {
            store.preferences().remove(TENANT, "p1", 0);
            return null;
        })).isInstanceOf(Conflict.class);

        writeVoid(() -> store.preferences().remove(TENANT, "p1", 1));

        assertThat(read(() -> store.preferences().count(TENANT))).isZero();
        assertThatThrownBy(() -> write(() -> {
            store.preferences().remove(TENANT, "p1", 1);
            return null;
        })).isInstanceOf(NotFound.class);
    }

    @Test
    void givenPreferences_findBySpecification_ordersByUserKeyAndScope() {
        writeVoid(() -> {
            store.preferences().add(preference("p1", PreferenceScope.user("bob"), "b", "1"));
            store.preferences().add(preference("p2", USER, "z", "2"));
            store.preferences().add(preference("p3", USER, "a", "3"));
        });

        assertThat(read(() -> store.preferences().find(TENANT, PreferenceFields.USER_ID.eq("alice"))))
                .extracting(UserPreference::key).containsExactly("a", "z");
        assertThat(read(() -> store.preferences().find(TENANT, Specification.all())))
                .extracting(UserPreference::id).containsExactly("p3", "p2", "p1");
    }

    @Test
    void givenValueNotOfItsType_add_isRefusedAtTheSchemaDoor() {
        UserPreference p = preference("p1", USER, "k", "v");
        UserPreference notABoolean = new UserPreference(TENANT, "p1", USER, "k", "yes", ValueType.BOOLEAN, null,
                null, false, false, p.audit(), 0);

        assertThatThrownBy(() -> write(() -> store.preferences().add(notABoolean)))
                .isInstanceOf(ValidationFailed.class);
        assertThat(read(() -> store.preferences().count(TENANT))).isZero();
    }
}
