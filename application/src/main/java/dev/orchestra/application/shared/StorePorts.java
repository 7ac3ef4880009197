package dev.orchestra.application.shared;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;
import dev.orchestra.domain.template.TaskTemplates;

/** Every port of one store, for use cases that work on a whole store (migration, copy). */
public record StorePorts(UnitOfWork unitOfWork, Agents agents, Tasks tasks, CodeRepositories repositories,
                         Preferences preferences, AuditTrail auditTrail, LegacyImports legacyImports,
                         StoreMaintenance maintenance, TaskTemplates templates) {
}
