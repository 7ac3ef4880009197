package dev.orchestra.bootstrap;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.application.shared.StorePorts;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;
import dev.orchestra.domain.template.TaskTemplates;
import org.slf4j.LoggerFactory;

/** The ports of whichever store was configured, and how to close it. */
public record Storage(String description, UnitOfWork unitOfWork, Agents agents, Tasks tasks,
                      CodeRepositories repositories, Preferences preferences, AuditTrail auditTrail,
                      LegacyImports legacyImports, StoreMaintenance maintenance, TaskTemplates templates,
                      AutoCloseable store) implements AutoCloseable {

    public static Storage of(SqliteStore store) {
        return new Storage("SQLite " + store.engineVersion() + " database " + store.path().toAbsolutePath(),
                store.unitOfWork(), store.agents(), store.tasks(), store.repositories(), store.preferences(),
                store.auditTrail(), store.legacyImports(), store.maintenance(), store.templates(), store);
    }

    public static Storage of(JsonStore store) {
        return new Storage("JSON document " + store.path(), store.unitOfWork(), store.agents(), store.tasks(),
                store.repositories(), store.preferences(), store.auditTrail(), store.legacyImports(),
                store.maintenance(), store.templates(), store);
    }

    /** The same ports, for the use cases that work on a whole store. */
    public StorePorts ports() {
        return new StorePorts(unitOfWork, agents, tasks, repositories, preferences, auditTrail, legacyImports,
                maintenance, templates);
    }

    @Override
    public void close() {
        try {
            store.close();
            LoggerFactory.getLogger(Storage.class).info("Orchestra Store closed {}", description);
        } catch (Exception e) {
            throw new IllegalStateException("closing " + description + " failed", e);
        }
    }
}
