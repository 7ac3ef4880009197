package dev.orchestra.domain.migration;

import java.nio.file.Path;
import java.time.Instant;

/** Outbound port: the legacy state files, read as a stream. */
public interface LegacyDocuments {

    /** What identifies a file: its name, size and SHA-256 (hex). */
    record SourceFacts(String name, long sizeBytes, String sha256) {
    }

    /** What a complete reading saw besides the items. */
    record ReadSummary(long agents, long tasks, long repositories, long timesWithoutZone, Instant lastUpdate) {
    }

    SourceFacts facts(Path file);

    /**
     * Reads the whole document once, handing every repository summary, agent, task and finding to the
     * visitor. Malformed content is reported as findings (a broken document ends the reading with an
     * error finding naming line and column); only I/O failures throw.
     */
    ReadSummary read(Path file, LegacyReadOptions options, LegacyVisitor visitor);

    /** Renames the file to {@code <name>_migrated_<yyyyMMdd_HHmmss>.json} beside itself. */
    Path archive(Path file, Instant at);
}
