package dev.orchestra.domain.store;

import dev.orchestra.domain.shared.TenantId;
import java.util.List;
import java.util.function.Consumer;

/**
 * One kind of data a store keeps (agents, tasks, …), as the jobs that go over a whole store see it:
 * copy between stores, and later retention, integrity counts and backup manifests. Use cases keep their
 * typed ports; this is not a generic repository.
 *
 * @param <T> the aggregate of the area
 */
public interface Area<T> {
    /** The area's name in reports: {@code tasks}, {@code auditEntries}. */
    String name();

    /** The row's id, to name it in a report or an error. */
    String idOf(T row);

    /** How many rows the tenant has here (deleted agents included: their history stays). */
    long count(TenantId tenant);

    /** Every row of the tenant, in an order another store can take them in (a parent before its children). */
    void each(TenantId tenant, Consumer<T> row);

    /** Whether this store holds a row with the same key as {@code row} (a merging copy keeps that one). */
    boolean has(TenantId tenant, T row);

    /** The bytes a row holds beyond its fields (an attachment's content), so a copy can flush before memory runs out. */
    default long bytesOf(T row) {
        return 0;
    }

    /** Stores the rows as given, versions and history included. */
    void addAll(List<T> rows);
}
