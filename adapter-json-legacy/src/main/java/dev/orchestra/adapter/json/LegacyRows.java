package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.LegacyIds;
import dev.orchestra.domain.repository.AccessLevel;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.repository.RepositoryType;
import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows the old program reads (agents, the task queue, repositories): PascalCase names and integer
 * enums where it looks for them, and an {@code Orchestra} object in each row for what it has no field for.
 */
final class LegacyRows {
    private static final Set<String> AGENT_LEGACY_NAMES = Set.of("id", "name", "type", "repositorypath", "status",
            "lastping", "currenttask", "sessionid", "currenttaskid", "taskscompleted", "orchestra");

    private final ObjectMapper mapper;

    LegacyRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode agent(Agent a) {
        ObjectNode n = mapper.createObjectNode();
        n.put("Id", a.id());
        n.put("Name", a.name());
        n.put("Type", a.type());
        n.put("RepositoryPath", a.repositoryPath());
        n.put("Status", LegacyValues.agentStatus(a.status()));
        n.put("LastPing", LegacyValues.time(a.lastPing()));
        n.put("CurrentTask", a.currentTaskId());
        n.put("SessionId", a.sessionId());
        n.put("CurrentTaskId", a.currentTaskId());
        n.put("TasksCompleted", a.statistics().completed());
        if (a.legacyAttributes() != null) {
            // Fields of the old program this store has no home for go back where they came from.
            mapper.readTree(a.legacyAttributes().json()).properties().forEach(e -> {
                if (!AGENT_LEGACY_NAMES.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    n.set(e.getKey(), e.getValue());
                }
            });
        }
        ObjectNode o = n.putObject(LegacyDocument.SECTION);
        o.put("Status", a.status().name());
        o.put("RepositoryId", a.repositoryId());
        ArrayNode capabilities = o.putArray("Capabilities");
        a.capabilities().forEach(capabilities::add);
        o.set("Configuration", json(a.configuration()));
        o.set("LegacyAttributes", json(a.legacyAttributes()));
        o.put("MaxConcurrentTasks", a.maxConcurrentTasks());
        o.put("HealthCheckInterval", a.healthCheckInterval().toString());
        o.put("TasksFailed", a.statistics().failed());
        o.put("TotalExecutionTime", a.statistics().totalExecutionTime().toString());
        AuditColumns.write(o, a.audit());
        o.put("DeletedAt", LegacyValues.time(a.deletedAt()));
        o.put("DeletedBy", a.deletedBy());
        o.put("Version", a.version());
        return n;
    }

    ObjectNode task(Task t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("Id", t.id());
        n.put("AgentId", t.agentId() == null ? "" : t.agentId());
        n.put("Command", t.command());
        n.put("RepositoryPath", t.repositoryPath());
        n.put("CreatedAt", LegacyValues.time(t.createdAt()));
        n.put("Priority", t.priority().ordinal());
        n.put("Status", t.status().ordinal());
        n.put("StartedAt", LegacyValues.time(t.startedAt()));
        n.put("CompletedAt", LegacyValues.time(t.completedAt()));
        n.put("Result", t.result());
        n.put("ErrorMessage", t.errorMessage());
        n.put("RetryCount", t.retryCount());
        n.put("CorrelationId", t.correlationId());
        n.put("WorkflowId", t.workflowId());
        n.put("WorkflowStep", t.workflowStep());
        ObjectNode o = n.putObject(LegacyDocument.SECTION);
        o.put("RepositoryId", t.repositoryId());
        o.put("AssignedAt", LegacyValues.time(t.assignedAt()));
        o.put("ParentTaskId", t.parentTaskId());
        if (t.container()) {
            o.put("Container", true);
        }
        ObjectNode progress = o.putObject("Progress");
        progress.put("Percentage", t.progress().percentage());
        progress.put("Message", t.progress().message());
        progress.put("UpdatedAt", LegacyValues.time(t.progress().updatedAt()));
        if (t.lease() != null) {
            ObjectNode lease = o.putObject("Lease");
            lease.put("Token", t.lease().token());
            lease.put("ExpiresAt", LegacyValues.time(t.lease().expiresAt()));
        }
        o.put("UpdatedAt", LegacyValues.time(t.updatedAt()));
        o.put("Version", t.version());
        return n;
    }

    ObjectNode repository(CodeRepository r, Collection<Agent> agentsOfTenant) {
        ObjectNode n = mapper.createObjectNode();
        n.put("Name", r.name());
        n.put("Path", r.path());
        if (agentsOfTenant == null) {
            // In the journal: the Agents list and counts are derived from the agents, not part of the row.
            return repositoryOwn(n, r);
        }
        ArrayNode agents = n.putArray("Agents");
        Map<AgentStatus, Integer> counts = new HashMap<>();
        agentsOfTenant.stream().filter(a -> !a.isDeleted() && a.repositoryPath().equals(r.path()))
                .forEach(a -> {
                    agents.add(agent(a));
                    counts.merge(a.status(), 1, Integer::sum);
                });
        n.put("IdleCount", counts.getOrDefault(AgentStatus.IDLE, 0));
        n.put("WorkingCount", counts.getOrDefault(AgentStatus.BUSY, 0));
        n.put("ErrorCount", counts.getOrDefault(AgentStatus.ERROR, 0));
        n.put("OfflineCount", counts.getOrDefault(AgentStatus.OFFLINE, 0));
        return repositoryOwn(n, r);
    }

    private ObjectNode repositoryOwn(ObjectNode n, CodeRepository r) {
        n.put("LastUpdate", LegacyValues.time(r.audit().updatedAt()));
        ObjectNode o = n.putObject(LegacyDocument.SECTION);
        o.put("Id", r.id());
        o.put("Description", r.description());
        o.put("Type", r.type().name());
        o.put("Active", r.active());
        o.set("Settings", json(r.settings()));
        o.put("DefaultBranch", r.defaultBranch());
        ArrayNode operations = o.putArray("AllowedOperations");
        r.allowedOperations().forEach(operations::add);
        o.put("AccessLevel", r.accessLevel().name());
        o.put("OwnerUserId", r.ownerUserId());
        ObjectNode s = o.putObject("Statistics");
        s.put("TotalTasks", r.statistics().totalTasks());
        s.put("SuccessfulTasks", r.statistics().successfulTasks());
        s.put("FailedTasks", r.statistics().failedTasks());
        s.put("TotalExecutionTime", r.statistics().totalExecutionTime().toString());
        s.put("LastTaskExecutedAt", LegacyValues.time(r.statistics().lastTaskExecutedAt()));
        o.put("PerformanceRating", r.performanceRating());
        o.put("ReliabilityScore", r.reliabilityScore());
        o.put("LastAccessedAt", LegacyValues.time(r.lastAccessedAt()));
        AuditColumns.write(o, r.audit());
        o.put("Version", r.version());
        return n;
    }

    private JsonNode json(JsonDocument document) {
        return document == null ? mapper.nullNode() : mapper.readTree(document.json());
    }

    Agent agent(TenantId tenant, String key, JsonProps n) {
        JsonProps o = n.object(LegacyDocument.SECTION);
        String id = n.text("Id", key);
        Instant lastPing = LegacyValues.parseTime(n.text("LastPing", null));
        AuditFields audit = AuditColumns.read(o, lastPing == null ? Instant.EPOCH : lastPing);
        AgentStatus status = o.has("Status") ? AgentStatus.valueOf(o.text("Status", null))
                : LegacyValues.agentStatus(n.text("Status", "0"));
        return new Agent(tenant, id, n.text("Name", id), n.text("Type", "unknown"), n.text("RepositoryPath", ""),
                o.text("RepositoryId", null), status,
                lastPing == null ? audit.createdAt() : lastPing,
                n.text("CurrentTaskId", n.text("CurrentTask", null)), n.text("SessionId", null),
                new LinkedHashSet<>(o.strings("Capabilities")), o.document("Configuration"),
                o.has("LegacyAttributes") ? o.document("LegacyAttributes") : legacyAttributes(n),
                (int) o.number("MaxConcurrentTasks", Agent.DEFAULT_MAX_CONCURRENT_TASKS),
                o.duration("HealthCheckInterval", Agent.DEFAULT_HEALTH_CHECK_INTERVAL),
                new AgentStatistics(n.number("TasksCompleted", 0), o.number("TasksFailed", 0),
                        o.duration("TotalExecutionTime", Duration.ZERO)),
                audit, o.time("DeletedAt"), o.text("DeletedBy", null), o.number("Version", 0));
    }

    /** Fields of an old file this store has no home for, kept verbatim. */
    private JsonDocument legacyAttributes(JsonProps n) {
        ObjectNode extra = mapper.createObjectNode();
        n.node.properties().forEach(e -> {
            if (!AGENT_LEGACY_NAMES.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        return extra.isEmpty() ? null : new JsonDocument(mapper.writeValueAsString(extra));
    }

    Task task(TenantId tenant, JsonProps n) {
        JsonProps o = n.object(LegacyDocument.SECTION);
        JsonProps progress = o.object("Progress");
        JsonProps lease = o.object("Lease");
        Instant createdAt = n.time("CreatedAt");
        String agentId = n.text("AgentId", null);
        return new Task(tenant, n.text("Id", null), n.text("Command", null), n.text("RepositoryPath", null),
                o.text("RepositoryId", null), agentId == null || agentId.isEmpty() ? null : agentId,
                LegacyValues.priority(n.text("Priority", "1")), LegacyValues.taskStatus(n.text("Status", "0")),
                createdAt, o.time("AssignedAt"), n.time("StartedAt"), n.time("CompletedAt"), n.text("Result", null),
                n.text("ErrorMessage", null), (int) n.number("RetryCount", 0), n.text("CorrelationId", null),
                n.text("WorkflowId", null), (int) n.number("WorkflowStep", 0), o.text("ParentTaskId", null),
                o.bool("Container", false),
                new TaskProgress((int) progress.number("Percentage", 0), progress.text("Message", null),
                        progress.time("UpdatedAt")),
                lease.has("Token") ? new Lease(lease.text("Token", null), lease.time("ExpiresAt")) : null,
                o.has("UpdatedAt") ? o.time("UpdatedAt") : createdAt, o.number("Version", 0));
    }

    CodeRepository repository(TenantId tenant, String key, JsonProps n) {
        JsonProps o = n.object(LegacyDocument.SECTION);
        JsonProps s = o.object("Statistics");
        // Older writers keyed repositories by path and left Path out.
        String path = n.text("Path", key);
        Instant lastUpdate = LegacyValues.parseTime(n.text("LastUpdate", null));
        return new CodeRepository(tenant, o.text("Id", LegacyIds.repositoryId(path)), n.text("Name", key), path,
                o.text("Description", null), RepositoryType.valueOf(o.text("Type", "LOCAL")),
                o.bool("Active", true), o.document("Settings"), o.text("DefaultBranch", null),
                new LinkedHashSet<>(o.strings("AllowedOperations")),
                AccessLevel.valueOf(o.text("AccessLevel", AccessLevel.READ_WRITE.name())),
                o.text("OwnerUserId", null),
                new RepositoryStatistics(s.number("TotalTasks", 0), s.number("SuccessfulTasks", 0),
                        s.number("FailedTasks", 0), s.duration("TotalExecutionTime", Duration.ZERO),
                        s.time("LastTaskExecutedAt")),
                o.decimal("PerformanceRating"), o.decimal("ReliabilityScore"), o.time("LastAccessedAt"),
                AuditColumns.read(o, lastUpdate == null ? Instant.EPOCH : lastUpdate), o.number("Version", 0));
    }
}
