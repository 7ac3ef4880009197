package dev.orchestra.application.maintenance;

import dev.orchestra.domain.maintenance.RetentionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Inbound port: retention. Each kind the policy names loses its rows older than its age (never unfinished
 * work, an OPEN circuit or anything still referenced), in bounded batches; each kind's removal is audited;
 * then the space is given back and the write-ahead log checkpointed. A dry run counts and changes nothing.
 */
public interface StoreCleanup {
    /** One kind: its age, the cutoff it gave, and the rows removed (or that a dry run would remove). */
    record KindReport(RetentionKind kind, Duration olderThan, Instant cutoff, long removed) {
    }

    record Report(boolean dryRun, Instant at, List<KindReport> kinds, long bytesBefore, long bytesAfter) {
        public long bytesGivenBack() {
            return Math.max(0, bytesBefore - bytesAfter);
        }
    }

    Report cleanup(boolean dryRun);
}
