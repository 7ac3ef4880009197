package dev.orchestra.application.maintenance;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.maintenance.RetentionKind;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.maintenance.StoreRetention;
import dev.orchestra.domain.shared.StoreFull;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Retention by the policy's ages, per tenant and kind, in write units of {@link #BATCH} rows. */
public final class StoreCleanupService implements StoreCleanup {
    /** Rows per write unit: other writers get their turn between batches. */
    static final int BATCH = 500;

    private final Store store;
    private final StoreRetentionPolicy policy;
    private final Auditor auditor;
    private final Clock clock;

    public StoreCleanupService(Store store, StoreRetentionPolicy policy, Auditor auditor, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public Report cleanup(boolean dryRun) {
        Instant now = clock.instant();
        StoreRetention retention = store.retention();
        StoreMaintenance.Space space = store.maintenance().space();
        if (!dryRun && space.freeBytes() < space.storeBytes()) {
            // Giving the space back rewrites the file; with less room than the store takes it could fill the disk.
            throw new StoreFull("retention needs about " + space.storeBytes() + " free bytes to give space back",
                    null).at(space.folder(), space.freeBytes());
        }
        Set<TenantId> tenants = store.unitOfWork().read(() -> store.maintenance().tenants());
        List<KindReport> kinds = new ArrayList<>();
        for (RetentionKind kind : RetentionKind.values()) {
            Duration age = policy.ages().get(kind);
            if (age == null) {
                continue;
            }
            Instant cutoff = now.minus(age);
            Map<String, Long> perTenant = new LinkedHashMap<>();
            for (TenantId tenant : tenants) {
                long removed = dryRun
                        ? store.unitOfWork().read(() -> retention.due(tenant, kind, cutoff))
                        : removeAll(retention, tenant, kind, cutoff, age);
                if (removed > 0) {
                    perTenant.put(tenant.value(), removed);
                }
            }
            kinds.add(new KindReport(kind, age, cutoff, perTenant.values().stream().mapToLong(Long::longValue).sum()));
        }
        if (dryRun) {
            return new Report(true, now, kinds, space.storeBytes(), space.storeBytes());
        }
        StoreRetention.Reclaimed reclaimed = retention.reclaim();
        return new Report(false, now, kinds, reclaimed.bytesBefore(), reclaimed.bytesAfter());
    }

    /** Batch after batch until one comes back short; the tenant's audit entry says how many went. */
    private long removeAll(StoreRetention retention, TenantId tenant, RetentionKind kind, Instant cutoff,
                           Duration age) {
        long total = 0;
        while (true) {
            long removed = store.unitOfWork().write(() -> retention.remove(tenant, kind, cutoff, BATCH));
            total += removed;
            if (removed < BATCH) {
                break;
            }
        }
        if (total > 0) {
            long count = total;
            store.unitOfWork().write(() -> {
                auditor.recorded(new Caller(tenant, "retention"), "Retention", kind.id(), AuditAction.DELETE,
                        Map.of("removed", count, "olderThan", age.toString(), "cutoff", cutoff.toString()));
                return null;
            });
        }
        return total;
    }
}
