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
}
