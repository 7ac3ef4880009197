package dev.orchestra.domain.maintenance;

import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;

/**
 * Outbound port: removing what has aged out, set-based and in bounded batches, and giving the space back.
 * What {@link RetentionKind} says is never removed is never counted or removed here.
 */
public interface StoreRetention {
    /** Rows of {@code kind} of {@code tenant} older than {@code cutoff} that may go. Call inside a unit of work. */
    long due(TenantId tenant, RetentionKind kind, Instant cutoff);

    /**
     * Removes at most {@code limit} of them (their dependent rows go with them and are not counted); answers how
     * many. Call inside a write unit; call again until it answers fewer than {@code limit}.
     */
    long remove(TenantId tenant, RetentionKind kind, Instant cutoff, int limit);

    /** The store's bytes on disk before and after space was given back. */
    record Reclaimed(long bytesBefore, long bytesAfter) {
    }

    /**
     * Gives freed space back to the file system (the file shrinks) and checkpoints the write-ahead log. Call
     * outside a unit of work; writers wait meanwhile.
     */
    Reclaimed reclaim();
}
