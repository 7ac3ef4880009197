package dev.orchestra.application.copy;

import dev.orchestra.domain.store.Store;
import java.util.Map;

/** Inbound port: copying one store into another, whichever kinds they are (SQLite to JSON and back). */
public interface StoreCopy {

    /** How many of each kind were copied, and how many a merge left as the target had them. */
    record CopyReport(Map<String, Long> copied, Map<String, Long> keptFromTarget) {
        public CopyReport {
            copied = Map.copyOf(copied);
            keptFromTarget = Map.copyOf(keptFromTarget);
        }
    }

    /**
     * Copies every tenant's repositories, agents (deleted ones too), tasks, preferences, audit entries
     * and import records, keeping ids and versions, in one unit of work on the target. A target that
     * holds data is refused unless {@code merge}; a merge keeps what the target has under the same id.
     */
    CopyReport copy(Store from, Store to, boolean merge);
}
