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

    @Override
    public void apply() {
        committed.addAll(staged);
        staged.clear();
    }

    @Override
    public void discard() {
        staged.clear();
    }
}
