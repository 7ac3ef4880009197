package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.TenantId;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One append-only area of one tenant (audit entries, imports). Readers see the committed rows; the
 * running write unit also sees what it appended (see {@link JsonChanges}).
 */
final class JsonLog<V> implements JsonChanges.Staged {
    private final TenantId tenant;
    private final String area;
    private final JsonChanges changes;
    private final List<V> committed = new ArrayList<>();
    private final List<V> staged = new ArrayList<>();
    /** The oldest committed rows the running unit drops (retention); they go when it is applied. */
    private int trimmed;

    JsonLog(TenantId tenant, String area, JsonChanges changes) {
        this.tenant = tenant;
        this.area = area;
        this.changes = changes;
    }

    String area() {
        return area;
    }

    /** A read-only view in append order; readers must not keep it past their unit. */
    List<V> rows() {
        if (!changes.staging() || staged.isEmpty()) {
            return Collections.unmodifiableList(committed);
        }
        int size = committed.size();
        return new AbstractList<>() {
            @Override
            public V get(int index) {
                return index < size ? committed.get(index) : staged.get(index - size);
            }

            @Override
            public int size() {
                return size + staged.size();
            }
        };
    }

    boolean isEmpty() {
        return rows().isEmpty();
    }

    void add(V value) {
        changes.requireWritable();
        if (changes.loading()) {
            committed.add(value);
            return;
        }
        boolean first = staged.isEmpty();
        staged.add(value);
        changes.record(new JsonChanges.Change(tenant, area, JsonChanges.Kind.APPEND, null, value), this, first);
    }

    /** How many of the oldest committed rows, in a row from the first, {@code due} accepts. */
    int leading(java.util.function.Predicate<V> due) {
        int n = trimmed;
        while (n < committed.size() && due.test(committed.get(n))) {
            n++;
        }
        return n - trimmed;
    }

    /** Drops the {@code count} oldest rows (retention): they go when the unit is applied. */
    void trim(int count) {
        changes.requireWritable();
        if (count <= 0) {
            return;
        }
        if (changes.loading()) {
            committed.subList(0, Math.min(count, committed.size())).clear();
            return;
        }
        boolean first = staged.isEmpty() && trimmed == 0;
        trimmed += count;
        changes.record(new JsonChanges.Change(tenant, area, JsonChanges.Kind.TRIM, String.valueOf(count), null),
                this, first);
    }

    @Override
    public void apply() {
        if (trimmed > 0) {
            committed.subList(0, Math.min(trimmed, committed.size())).clear();
            trimmed = 0;
        }
        committed.addAll(staged);
        staged.clear();
    }

    @Override
    public void discard() {
        staged.clear();
        trimmed = 0;
    }
}
