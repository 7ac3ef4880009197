package dev.orchestra.application.migration;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;

/** The store a migration writes into: the ports it needs, whichever store it is. */
public record MigrationTarget(UnitOfWork unitOfWork, Agents agents, Tasks tasks, CodeRepositories repositories,
                              LegacyImports legacyImports, StoreMaintenance maintenance, AuditTrail auditTrail) {
}
