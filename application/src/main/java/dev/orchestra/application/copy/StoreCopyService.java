package dev.orchestra.application.copy;

import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import dev.orchestra.domain.store.Area;
import dev.orchestra.domain.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a whole store, area by area ({@link Store#areas()}): a read unit on the source inside one write
 * unit on the target. Every row read is checked against the domain's constraints before it is written,
 * so a value the target would refuse (a hand-edited legacy file, say) stops the copy with its place
 * named and nothing written.
 */
public final class StoreCopyService implements StoreCopy {
    private static final int BATCH = 1000;
    /** Rows with large content (attachments) are flushed before their bytes fill the memory. */
    private static final long BATCH_BYTES = 64L * 1024 * 1024;
    private final ConstraintCheck constraints;

    public StoreCopyService(ConstraintCheck constraints) {
        this.constraints = constraints;
    }

    @Override
    public CopyReport copy(Store from, Store to, boolean merge) {
        Map<String, Long> copied = new LinkedHashMap<>();
        Map<String, Long> kept = new LinkedHashMap<>();
        List<Area<?>> sources = from.areas();
        List<Area<?>> targets = to.areas();
        to.unitOfWork().writeVoid(() -> from.unitOfWork().read(() -> {
            if (!merge && !to.maintenance().isEmpty()) {
                throw new Conflict("the target store holds data already; copy into an empty store, or merge");
            }
            for (TenantId tenant : from.maintenance().tenants()) {
                for (int i = 0; i < sources.size(); i++) {
                    copyArea(tenant, sources.get(i), targets.get(i), merge, copied, kept);
                }
            }
            return null;
        }));
        return new CopyReport(copied, kept);
    }

    /** Both stores list the same areas in the same order: the same code builds them. */
    @SuppressWarnings("unchecked")
    private <T> void copyArea(TenantId tenant, Area<T> source, Area<?> target, boolean merge,
                              Map<String, Long> copied, Map<String, Long> kept) {
        Area<T> into = (Area<T>) target;
        List<T> batch = new ArrayList<>(BATCH);
        long[] bytes = {0};
        source.each(tenant, row -> {
            if (merge && into.has(tenant, row)) {
                kept.merge(source.name(), 1L, Long::sum);
                return;
            }
            batch.add(valid(source, tenant, row));
            bytes[0] += source.bytesOf(row);
            if (batch.size() == BATCH || bytes[0] >= BATCH_BYTES) {
                flush(into, batch, copied);
                bytes[0] = 0;
            }
        });
        flush(into, batch, copied);
    }

    private static <T> void flush(Area<T> into, List<T> batch, Map<String, Long> copied) {
        if (!batch.isEmpty()) {
            into.addAll(List.copyOf(batch));
            copied.merge(into.name(), (long) batch.size(), Long::sum);
            batch.clear();
        }
    }

    private <T> T valid(Area<T> area, TenantId tenant, T row) {
        List<Violation> violations = constraints.violationsOf(row,
                area.name() + "[" + tenant + "/" + area.idOf(row) + "].");
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return row;
    }
}
