package dev.orchestra.domain.maintenance;

import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.Set;

/** Outbound port: store-wide facts and operations that no single aggregate owns. */
public interface StoreMaintenance {

    /** A consistent copy of the whole store, taken while no write runs. */
    record Backup(String location, Instant createdAt, long sizeBytes) {
    }

    /** Every tenant with any data. Call inside a unit of work. */
    Set<TenantId> tenants();

    /** True when no tenant has an agent, task, repository, preference or audit entry. Call inside a unit of work. */
    boolean isEmpty();

    /** Copies the store beside itself (a {@code backups} folder); call outside a unit of work. */
    Backup backup(String reason, Instant at);
}
