package dev.orchestra.domain.preference;

import dev.orchestra.domain.shared.Field;
import java.util.List;

/** The queryable properties of a preference. */
public final class PreferenceFields {
    public static final Field<UserPreference, String> ID = new Field<>("id", String.class, UserPreference::id);
    public static final Field<UserPreference, String> USER_ID =
            new Field<>("userId", String.class, p -> p.scope().userId());
    public static final Field<UserPreference, String> KEY = new Field<>("key", String.class, UserPreference::key);
    public static final Field<UserPreference, String> CATEGORY =
            new Field<>("category", String.class, UserPreference::category);
    public static final Field<UserPreference, String> REPOSITORY_ID =
            new Field<>("repositoryId", String.class, p -> p.scope().repositoryId());
    public static final Field<UserPreference, String> AGENT_ID =
            new Field<>("agentId", String.class, p -> p.scope().agentId());

    public static final List<Field<UserPreference, ?>> ALL =
            List.of(ID, USER_ID, KEY, CATEGORY, REPOSITORY_ID, AGENT_ID);

    private PreferenceFields() {
    }
}
