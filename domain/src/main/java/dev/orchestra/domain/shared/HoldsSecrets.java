package dev.orchestra.domain.shared;

import java.util.Set;

/**
 * A state some of whose values are secrets: a task's lease token, which proves the right to work on it, or a
 * preference marked sensitive. The audit trail records that such a value was set or changed, never the value:
 * the audit is readable by operators, and its entries outlive the state (backups, exports).
 */
public interface HoldsSecrets {
    /** What the audit trail, and any answer of the API, shows in place of a secret value. */
    String MASK = "******";

    /** The names of this state's secret values as the audit trail names them: nested components dotted. */
    Set<String> secretNames();
}
