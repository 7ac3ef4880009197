package dev.orchestra.application.migration;

import dev.orchestra.domain.migration.Finding;
import java.time.Duration;
import java.util.List;

/**
 * What a migration did or would do. {@code findings} holds at most the configured number, errors
 * first; {@code errors} and {@code warnings} count all of them.
 */
public record MigrationReport(
        Outcome outcome,
        String message,
        String sourceName,
        long sizeBytes,
        String sha256,
        long repositories,
        long agents,
        long tasks,
        long errors,
        long warnings,
        List<Finding> findings,
        long timesWithoutZone,
        String backup,
        String archivedAs,
        Duration took) {

    public enum Outcome {
        /** Everything was written and verified. */
        IMPORTED,
        /** The file is valid; nothing was written because it was a dry run. */
        VALID_DRY_RUN,
        /** The file has errors; nothing was written. */
        INVALID,
        /** This file (by SHA-256) was imported before; nothing was written. */
        ALREADY_IMPORTED,
        /** The target refused the data (for example an agent id it holds already); nothing was written. */
        CONFLICT
    }

    public MigrationReport {
        findings = List.copyOf(findings);
    }
}
