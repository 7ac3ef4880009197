package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.List;

/**
 * The running write unit's changes. Each table the unit touches stages its changes beside its committed
 * rows, where only the writing thread sees them; the same changes are listed in order as the records
 * the journal appends. When the journal holds the unit, the staged changes are applied to the committed
 * rows (readers locked out for that moment only); when the unit fails, they are discarded. So a unit
 * costs what it touches, and readers never wait for a unit's work or its fsync.
 */
final class JsonChanges {
    /** One change of one row: {@code value} is the new row, or null when the row was removed. */
    record Change(TenantId tenant, String area, Kind kind, String id, Object value) {
    }

    /** TRIM drops a log's oldest rows (retention); its id is how many. */
    enum Kind { PUT, REMOVE, APPEND, TRIM }

    /** A table or log holding staged changes of the running unit. */
    interface Staged {
        void apply();

        void discard();
    }

    private enum Mode { IDLE, RECORDING, LOADING }

    private final List<Change> changes = new ArrayList<>();
    private final List<Staged> staged = new ArrayList<>();
    private final List<Runnable> onDiscard = new ArrayList<>();
    private volatile Mode mode = Mode.IDLE;
    private volatile Thread writer;

    /** A write unit starts on this thread: its changes are staged and recorded from now on. */
    void begin() {
        writer = Thread.currentThread();
        mode = Mode.RECORDING;
    }

    /** The document or the journal is being read back: changes go straight to the committed rows. */
    void beginLoading() {
        writer = Thread.currentThread();
        mode = Mode.LOADING;
    }

    /** Whether the calling thread runs the write unit (and so sees its staged changes). */
    boolean staging() {
        return mode == Mode.RECORDING && writer == Thread.currentThread();
    }

    /** Whether the calling thread loads the store (and so writes the committed rows directly). */
    boolean loading() {
        return mode == Mode.LOADING && writer == Thread.currentThread();
    }

    /** Refuses a change outside a write unit, before anything is touched. */
    void requireWritable() {
        if (!staging() && !loading()) {
            throw new IllegalStateException("the JSON store's data is changed only inside a write unit of work");
        }
    }

    /** Records a change of the running unit; {@code table} has staged it (listed once per unit). */
    void record(Change change, Staged table, boolean firstChangeOfTable) {
        if (staging()) {
            changes.add(change);
            if (firstChangeOfTable) {
                staged.add(table);
            }
        }
    }

    /** Runs when the unit is discarded (a tenant the unit created goes again). */
    void onDiscard(Runnable step) {
        if (staging()) {
            onDiscard.add(step);
        }
    }

    List<Change> changes() {
        return changes;
    }

    /** The journal holds the unit: its staged changes become the committed rows. */
    void apply() {
        staged.forEach(Staged::apply);
        clear();
    }

    /** The unit failed: its staged changes are dropped and the committed rows never saw them. */
    void discard() {
        staged.forEach(Staged::discard);
        onDiscard.forEach(Runnable::run);
        clear();
    }

    /** Ends the unit (or the loading). */
    void end() {
        clear();
        mode = Mode.IDLE;
        writer = null;
    }

    private void clear() {
        changes.clear();
        staged.clear();
        onDiscard.clear();
    }
}
