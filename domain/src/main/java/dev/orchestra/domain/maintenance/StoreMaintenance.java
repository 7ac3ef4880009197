package dev.orchestra.domain.maintenance;

import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.Set;

/** Outbound port: store-wide facts and operations that no single aggregate owns. */
public interface StoreMaintenance {

    /**
     * A consistent copy of the whole store, taken while no write runs, with the schema version and the rows
     * per table (or area) counted at that same moment.
     */
    record Backup(String location, Instant createdAt, long sizeBytes, String schemaVersion,
                  java.util.Map<String, Long> rowCounts) {
    }

    /**
     * What opening a backup file read-only found: its SHA-256, schema version and rows per table, and the
     * problems of the engine's integrity check (empty when it passed).
     */
    record Inspection(String sha256, long sizeBytes, String schemaVersion, java.util.Map<String, Long> rowCounts,
                      java.util.List<String> problems) {
    }

    /** Every tenant with any data. Call inside a unit of work. */
    Set<TenantId> tenants();

    /** True when no tenant has an agent, task, repository, preference or audit entry. Call inside a unit of work. */
    boolean isEmpty();

    /** Copies the store beside itself (a {@code backups} folder); call outside a unit of work. */
    Backup backup(String reason, Instant at);

    /** Opens a backup this kind of store wrote, read-only, and inspects it; never changes it. */
    Inspection inspect(java.nio.file.Path backup);

    /** The store's bytes on disk (with its journal or write-ahead log) and the free space of its folder. */
    record Space(String folder, long storeBytes, long freeBytes) {
    }

    Space space();

    /** What a restore did: the copy of the store as it was just before, and the store as it is now. */
    record Restored(Backup safety, Inspection now) {
    }

    /**
     * Replaces the whole store with a backup this kind of store wrote, while no unit runs: first a safety
     * copy of the store as it is (as {@link #backup} takes it, named for {@code safetyReason}), which
     * {@code safetyAccepted} must accept (it is called with no unit running), then the backup's rows in one
     * atomic step, then the store as it now is (engine check, schema version, rows). When anything before the
     * replacement fails or the safety copy is not accepted, the store is left as it was. A backup whose schema
     * is older is brought up to date; a newer one is refused. Call outside a unit of work.
     */
    Restored restore(java.nio.file.Path backup, String safetyReason, Instant at,
                     java.util.function.Predicate<Backup> safetyAccepted);
}
