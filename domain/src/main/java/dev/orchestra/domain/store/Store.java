package dev.orchestra.domain.store;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.MessageAttachments;
import dev.orchestra.domain.chat.ToolExecutions;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.integrity.IntegrityCheck;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.resilience.CircuitBreakers;
import dev.orchestra.domain.routing.RoutingDecisions;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;
import dev.orchestra.domain.template.TaskTemplates;
import dev.orchestra.domain.workflow.WorkflowDefinitions;
import dev.orchestra.domain.workflow.WorkflowExecutions;
import java.util.List;

/**
 * One store: every outbound port, one accessor each, and its unit of work. Bootstrap, the command line,
 * the contract suites, the use-case tests and the benchmark all hold one; a new port is one new method
 * here, and the compiler then names every store that lacks it. (Its own package, since it names every
 * area and no area may name it back.)
 */
public interface Store extends AutoCloseable {
    /** What and where it is, for logs and reports: "SQLite 3.53.4 database /srv/orchestra.db". */
    String description();

    UnitOfWork unitOfWork();

    Agents agents();

    Tasks tasks();

    CodeRepositories repositories();

    Preferences preferences();

    AuditTrail auditTrail();

    LegacyImports legacyImports();

    StoreMaintenance maintenance();

    TaskTemplates templates();

    CircuitBreakers circuitBreakers();

    RoutingDecisions routingDecisions();

    WorkflowDefinitions workflowDefinitions();

    WorkflowExecutions workflowExecutions();

    ChatSessions chatSessions();

    ToolExecutions toolExecutions();

    MessageAttachments attachments();

    IntegrityCheck integrity();

    dev.orchestra.domain.maintenance.StoreRetention retention();

    dev.orchestra.domain.observability.OrchestrationLogs logs();

    dev.orchestra.domain.observability.PerformanceMetrics metrics();

    dev.orchestra.domain.observability.ClientSessions clientSessions();

    dev.orchestra.domain.access.ApiKeys apiKeys();

    /** Its areas, for the jobs that go over the whole store (copy, later retention and backups). */
    default List<Area<?>> areas() {
        return StoreAreas.of(this);
    }

    /** Closes the store; what was committed stays. */
    @Override
    void close();
}
