package dev.orchestra.domain.preference;

import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.HoldsSecrets;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One setting, unique per (userId, key, repositoryId, agentId) within a tenant. */
@ValueMatchesType
public record UserPreference(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotNull @Valid PreferenceScope scope,
        @NotBlank @SingleLine @Size(max = 255) String key,
        @NotNull @StorableText @Size(max = 100_000) String value,
        @NotNull ValueType valueType,
        @SingleLine @Size(max = 100) String category,
        @StorableText @Size(max = 1000) String description,
        boolean readOnly,
        boolean sensitive,
        @NotNull @Valid AuditFields audit,
        long version) implements HoldsSecrets {
    /** The entity type this aggregate is known by in audit entries and messages. */
    public static final String ENTITY = "UserPreference";
    /** The value's name in audit entries. */
    public static final String VALUE = "value";
    private static final Set<String> SECRETS = Set.of(VALUE);


    public UserPreference {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(audit, "audit");
    }

    /** A sensitive preference's value is never shown in clear, in the audit trail either. */
    @Override
    public Set<String> secretNames() {
        return sensitive ? SECRETS : Set.of();
    }

    /** What an upsert says. */
    public record Setting(String value, ValueType valueType, String category, String description, Boolean readOnly,
                          Boolean sensitive) {
    }

    public static UserPreference create(TenantId tenant, String id, PreferenceScope scope, String key, Setting s,
                                        Instant now, String by) {
        return new UserPreference(tenant, id, scope, key, s.value(), s.valueType(), s.category(), s.description(),
                Boolean.TRUE.equals(s.readOnly()), Boolean.TRUE.equals(s.sensitive()),
                AuditFields.createdNow(now, by), 0);
    }

    /** The same state at another version: stores use it to return what they wrote. */
    public UserPreference withVersion(long newVersion) {
        return new UserPreference(tenantId, id, scope, key, value, valueType, category, description, readOnly,
                sensitive, audit, newVersion);
    }

    /** A read-only preference keeps its value; trying to change it is refused. */
    public UserPreference change(Setting s, Instant now, String by) {
        if (readOnly) {
            throw new InvalidTransition("Preference '" + key + "' of user '" + scope.userId()
                    + "' is read-only and cannot be changed");
        }
        return new UserPreference(tenantId, id, scope, key, s.value(), s.valueType(),
                s.category() == null ? category : s.category(),
                s.description() == null ? description : s.description(),
                s.readOnly() == null ? readOnly : s.readOnly(), s.sensitive() == null ? sensitive : s.sensitive(),
                audit.touched(now, by), version);
    }
}
