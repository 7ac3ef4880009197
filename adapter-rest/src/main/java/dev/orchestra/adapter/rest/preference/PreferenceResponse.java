package dev.orchestra.adapter.rest.preference;

import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.shared.HoldsSecrets;
import java.time.Instant;

/** A preference on the wire; a sensitive value is never sent in clear. */
public record PreferenceResponse(String id, String userId, String key, String value, ValueType valueType,
                                 String category, String description, String repositoryId, String agentId,
                                 boolean readOnly, boolean sensitive, Instant createdAt, Instant updatedAt,
                                 long version) {
    public static PreferenceResponse of(UserPreference p) {
        return new PreferenceResponse(p.id(), p.scope().userId(), p.key(), p.sensitive() ? HoldsSecrets.MASK : p.value(),
                p.valueType(), p.category(), p.description(), p.scope().repositoryId(), p.scope().agentId(),
                p.readOnly(), p.sensitive(), p.audit().createdAt(), p.audit().updatedAt(), p.version());
    }
}
