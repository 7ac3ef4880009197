package dev.orchestra.application.migration;

import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyDocuments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The migration's report under construction: what it read and found, its backup, archive and duration. */
final class MigrationReportBuilder {
    private final Clock clock;
    private final LegacyMigration.Options options;
    private final LegacyDocuments.SourceFacts facts;
    private final MigrationValidation validation;
    private final LegacyDocuments.ReadSummary summary;
    final Instant started;
    String backup;
    String archivedAs;

    MigrationReportBuilder(Clock clock, LegacyMigration.Options options, LegacyDocuments.SourceFacts facts,
                           MigrationValidation validation, LegacyDocuments.ReadSummary summary, Instant started) {
        this.clock = clock;
        this.options = options;
        this.facts = facts;
        this.validation = validation;
        this.summary = summary;
        this.started = started;
    }

    MigrationReport done(MigrationReport.Outcome outcome, String message) {
        List<Finding> shown = new ArrayList<>(validation.shownErrors);
        for (Finding warning : validation.shownWarnings) {
            if (shown.size() < options.maxFindings()) {
                shown.add(warning);
            }
        }
        return new MigrationReport(outcome, message, facts.name(), facts.sizeBytes(), facts.sha256(),
                validation.repositoryPaths().size(), validation.agents.size(), validation.tasks,
                validation.errors, validation.warnings, shown, summary.timesWithoutZone(), backup, archivedAs,
                Duration.between(started, clock.instant()));
    }
}
