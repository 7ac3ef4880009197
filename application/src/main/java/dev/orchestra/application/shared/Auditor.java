package dev.orchestra.application.shared;

import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.shared.HoldsSecrets;
import dev.orchestra.domain.shared.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Appends the audit entry of a state change; called inside the use case's unit of work. */
public final class Auditor {
    private final AuditTrail trail;
    private final Clock clock;

    public Auditor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    public void created(Caller caller, String entityType, String entityId, Record state) {
        Map<String, Object> values = AuditValues.of(state);
        values.replaceAll((name, value) -> shown(state, name, value));
        append(caller, entityType, entityId, AuditAction.CREATE, null, AuditValues.json(values),
                new ArrayList<>(values.keySet()), 0);
    }

    public void changed(Caller caller, String entityType, String entityId, AuditAction action, Record before,
                        Record after) {
        Map<String, Object[]> changes = AuditValues.changes(before, after);
        Map<String, Object> old = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        // Compared in clear (a new lease token is a change), written masked.
        changes.forEach((name, pair) -> {
            old.put(name, shown(before, name, pair[0]));
            now.put(name, shown(after, name, pair[1]));
        });
        append(caller, entityType, entityId, action, AuditValues.json(old), AuditValues.json(now),
                new ArrayList<>(changes.keySet()), action == AuditAction.DELETE ? 2 : 0);
    }

    public void recorded(Caller caller, String entityType, String entityId, AuditAction action,
                         Map<String, ?> details) {
        append(caller, entityType, entityId, action, null, AuditValues.json(details),
                new ArrayList<>(details.keySet()), 0);
    }

    /** A secret value of the state as the audit trail writes it: masked; nothing else is changed. */
    private static Object shown(Record state, String name, Object value) {
        return value != null && state instanceof HoldsSecrets secrets && secrets.secretNames().contains(name)
                ? HoldsSecrets.MASK : value;
    }

    private void append(Caller caller, String entityType, String entityId, AuditAction action, String old,
                        String now, List<String> changed, int risk) {
        trail.append(new AuditEntry(caller.tenant(), Ids.newId(), entityType, entityId, action, old, now, changed,
                caller.userId(), null, clock.instant(), true, null, risk));
    }
}
