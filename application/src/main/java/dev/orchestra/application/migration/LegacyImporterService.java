package dev.orchestra.application.migration;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.store.Store;
import java.util.List;

/** Runs the migration into one known store. */
public final class LegacyImporterService implements LegacyImporter {
    private final LegacyMigration migration;
    private final Store store;

    public LegacyImporterService(LegacyMigration migration, Store store) {
        this.migration = migration;
        this.store = store;
    }

    @Override
    public MigrationReport importFile(Caller caller, LegacyMigration.Options options) {
        return migration.migrate(caller, options, () -> store, MigrationProgress.NONE);
    }

    @Override
    public List<LegacyImport> imports(Caller caller) {
        return migration.imports(caller, store);
    }
}
