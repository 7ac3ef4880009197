package dev.orchestra.domain.integrity;

import java.time.Instant;
import java.util.List;

/**
 * Checks the whole store against the rules of {@link IntegrityRule}, set-based (never a query per row).
 * Call inside a read {@code UnitOfWork}.
 */
public interface IntegrityCheck {
    /**
     * The findings, at most {@code limitPerRule} per rule and query (ask for one more to learn that some were
     * left out); {@code full} runs the engine's full check instead of its quick one, where the store has an engine.
     */
    List<Finding> check(Instant now, boolean full, int limitPerRule);
}
