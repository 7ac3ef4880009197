package dev.orchestra.domain.integrity;

import dev.orchestra.domain.shared.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * One thing the integrity check found: the rule, the kind of row and the ids of the rows (a cycle names all
 * of its tasks), in which tenant (null for the engine's own checks), and what is wrong in words.
 */
public record Finding(IntegrityRule rule, String entityType, TenantId tenant, List<String> ids, String message) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(entityType, "entityType");
        ids = ids == null ? List.of() : List.copyOf(ids);
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return rule.severity();
    }
}
