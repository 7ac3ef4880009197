package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.contract.Store;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;
import dev.orchestra.domain.template.TaskTemplates;
import java.nio.file.Path;

/** The SQLite store as the contract suites see it. */
record SqliteTestStore(SqliteStore sqlite) implements Store {
    static SqliteTestStore in(Path directory) {
        return new SqliteTestStore(SqliteStore.open(SqliteSettings.defaults(directory.resolve("orchestra.db"))));
    }

    @Override
    public UnitOfWork unitOfWork() {
        return sqlite.unitOfWork();
    }

    @Override
    public Agents agents() {
        return sqlite.agents();
    }

    @Override
    public Tasks tasks() {
        return sqlite.tasks();
    }

    @Override
    public CodeRepositories repositories() {
        return sqlite.repositories();
    }

    @Override
    public Preferences preferences() {
        return sqlite.preferences();
    }

    @Override
    public AuditTrail auditTrail() {
        return sqlite.auditTrail();
    }

    @Override
    public LegacyImports legacyImports() {
        return sqlite.legacyImports();
    }

    @Override
    public StoreMaintenance maintenance() {
        return sqlite.maintenance();
    }

    @Override
    public TaskTemplates templates() {
        return sqlite.templates();
    }

    @Override
    public void close() {
        sqlite.close();
    }
}
