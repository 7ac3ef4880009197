package dev.orchestra.application.integrity;

import dev.orchestra.domain.integrity.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Inbound port: whether the store's data is sound, every tenant at once, each finding naming its rows. */
public interface StoreIntegrity {
    /** Findings of one check; at most {@code limitPerRule} per rule and table are listed. */
    record Report(Instant checkedAt, boolean full, Duration took, long errors, long warnings, int limitPerRule,
                  List<Finding> findings) {
        public boolean clean() {
            return errors == 0;
        }
    }

    /** {@code full}: the engine's full integrity check instead of its quick one. */
    Report check(boolean full);
}
