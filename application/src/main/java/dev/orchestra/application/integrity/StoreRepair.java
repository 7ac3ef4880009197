package dev.orchestra.application.integrity;

import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.IntegrityRule;
import java.util.List;

/**
 * Inbound port: mends what the integrity check finds, never deleting history. A dry run only lists the
 * changes; a repair first takes a backup (it must verify), then makes every change in one unit of work, each
 * audited, and checks again.
 */
public interface StoreRepair {
    /** One change: what it mends, on which row, and what it does. */
    record Change(IntegrityRule rule, String entityType, String tenant, String id, String action) {
    }

    /**
     * @param backupId   the backup taken before (null for a dry run)
     * @param changes    made (or, in a dry run, that would be made)
     * @param unrepaired errors no repair mends (a sequence gap is reported, never hidden)
     * @param after      the check after the repair (the check before it, for a dry run)
     */
    record Report(boolean dryRun, String backupId, List<Change> changes, List<Finding> unrepaired,
                  StoreIntegrity.Report after) {
    }

    Report repair(boolean dryRun);
}
