package dev.orchestra.application.migration;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.migration.LegacyImport;
import java.util.List;

/** Inbound port: legacy imports into the store this service runs on (the REST upload). */
public interface LegacyImporter {
    MigrationReport importFile(Caller caller, LegacyMigration.Options options);

    /** Newest first. */
    List<LegacyImport> imports(Caller caller);
}
