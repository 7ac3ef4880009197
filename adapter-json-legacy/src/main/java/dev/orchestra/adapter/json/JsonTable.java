package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One area's rows of one tenant, keyed by id in insertion order (the queue's order). Readers see the
 * committed rows; the running write unit also sees what it staged (see {@link JsonChanges}).
 */
final class JsonTable<V> implements JsonChanges.Staged {
    /** A staged row: its new value, or removed; {@code atEnd} when applying it appends the row. */
    private static final class Slot<V> {
        V value;
        boolean present;
        final boolean atEnd;

        Slot(V value, boolean present, boolean atEnd) {
            this.value = value;
            this.present = present;
            this.atEnd = atEnd;
        }
    }

    private final TenantId tenant;
    private final String area;
    private final JsonChanges changes;
    private final LinkedHashMap<String, V> committed = new LinkedHashMap<>();
    /** The running unit's changes, in the order applying them keeps the rows' order. */
    private final LinkedHashMap<String, Slot<V>> staged = new LinkedHashMap<>();

    JsonTable(TenantId tenant, String area, JsonChanges changes) {
        this.tenant = tenant;
        this.area = area;
        this.changes = changes;
    }

    String area() {
        return area;
    }

    V get(String id) {
        if (changes.staging() && !staged.isEmpty()) {
            Slot<V> slot = staged.get(id);
            if (slot != null) {
                return slot.present ? slot.value : null;
            }
        }
        return committed.get(id);
    }

    boolean containsKey(String id) {
        return get(id) != null;
    }

    /** A read-only view in order; readers must not keep it past their unit. */
    Collection<V> values() {
        if (!changes.staging() || staged.isEmpty()) {
            return Collections.unmodifiableCollection(committed.values());
        }
        List<V> merged = new ArrayList<>(committed.size() + staged.size());
        for (Map.Entry<String, V> row : committed.entrySet()) {
            Slot<V> slot = staged.get(row.getKey());
            if (slot == null) {
                merged.add(row.getValue());
            } else if (slot.present && !slot.atEnd) {
                merged.add(slot.value);
            }
        }
        staged.values().stream().filter(s -> s.present && s.atEnd).forEach(s -> merged.add(s.value));
        return Collections.unmodifiableList(merged);
    }

    /** Committed rows {@code due} accepts. */
    long countWhere(java.util.function.Predicate<V> due) {
        return committed.values().stream().filter(due).count();
    }

    /** Removes at most {@code limit} committed rows {@code due} accepts; answers how many. */
    int removeWhere(java.util.function.Predicate<V> due, int limit) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, V> row : committed.entrySet()) {
            if (ids.size() >= limit) {
                break;
            }
            Slot<V> slot = staged.get(row.getKey());
            if (slot == null && due.test(row.getValue())) {
                ids.add(row.getKey());
            }
        }
        ids.forEach(this::remove);
        return ids.size();
    }

    int size() {
        return values().size();
    }

    boolean isEmpty() {
        return values().isEmpty();
    }

    void put(String id, V value) {
        changes.requireWritable();
        if (changes.loading()) {
            committed.put(id, value);
            return;
        }
        boolean first = staged.isEmpty();
        Slot<V> slot = staged.get(id);
        if (slot == null) {
            staged.put(id, new Slot<>(value, true, !committed.containsKey(id)));
        } else if (slot.present) {
            slot.value = value;
        } else {
            // Removed, then added again in the same unit: it goes to the end, as it would have in two units.
            staged.remove(id);
            staged.put(id, new Slot<>(value, true, true));
        }
        changes.record(new JsonChanges.Change(tenant, area, JsonChanges.Kind.PUT, id, value), this, first);
    }

    void remove(String id) {
        changes.requireWritable();
        if (changes.loading()) {
            committed.remove(id);
            return;
        }
        if (!containsKey(id)) {
            return;
        }
        boolean first = staged.isEmpty();
        Slot<V> slot = staged.get(id);
        if (slot == null) {
            staged.put(id, new Slot<>(null, false, false));
        } else {
            slot.present = false;
            slot.value = null;
        }
        changes.record(new JsonChanges.Change(tenant, area, JsonChanges.Kind.REMOVE, id, null), this, first);
    }

    @Override
    public void apply() {
        staged.forEach((id, slot) -> {
            if (!slot.present || slot.atEnd) {
                committed.remove(id);
            }
            if (slot.present) {
                committed.put(id, slot.value);
            }
        });
        staged.clear();
    }

    @Override
    public void discard() {
        staged.clear();
    }
}
