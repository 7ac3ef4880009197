package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.migration.LegacyIds;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
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
import dev.orchestra.domain.template.ParameterType;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TemplateParameter;
import dev.orchestra.domain.template.TemplateStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's document in the legacy shape: the default tenant's agents, task queue and repositories
 * stand where the old program reads them (PascalCase, integer enums), each with an {@code Orchestra}
 * object for what the old program has no field for; deleted agents, other tenants, preferences and
 * the audit log live in the top-level {@code Orchestra} section, which the old program ignores.
 */
final class LegacyDocument {
    static final String SECTION = "Orchestra";
    static final int FORMAT_VERSION = 1;
    private static final Set<String> AGENT_LEGACY_NAMES = Set.of("id", "name", "type", "repositorypath", "status",
            "lastping", "currenttask", "sessionid", "currenttaskid", "taskscompleted", "orchestra");

    private final ObjectMapper mapper;

    LegacyDocument(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    // ---------------------------------------------------------------- writing

    ObjectNode write(JsonState state, Instant now) {
        ObjectNode root = mapper.createObjectNode();
        JsonState.TenantData main = state.of(TenantId.DEFAULT);
        writeTenant(root, main);
        root.put("LastUpdate", LegacyValues.time(now));
        ObjectNode section = root.putObject(SECTION);
        section.put("FormatVersion", FORMAT_VERSION);
        // The last journal unit this document includes: a replay after a crash skips what it already holds.
        section.put("JournalSequence", state.sequence());
        section.set("DeletedAgents", deletedAgents(main));
        ObjectNode others = section.putObject("Tenants");
        ArrayNode preferences = section.putArray("Preferences");
        ArrayNode audit = section.putArray("AuditLog");
        ArrayNode imports = section.putArray("LegacyImports");
        ArrayNode templates = section.putArray("TaskTemplates");
        state.tenants().forEach((tenant, data) -> {
            if (!tenant.equals(TenantId.DEFAULT)) {
                ObjectNode node = others.putObject(tenant.value());
                writeTenant(node, data);
                node.set("DeletedAgents", deletedAgents(data));
            }
            data.preferences.values().forEach(p -> preferences.add(preference(p)));
            data.audit.rows().forEach(e -> audit.add(auditEntry(e)));
            data.imports.rows().forEach(i -> imports.add(legacyImport(i)));
            data.templates.values().forEach(t -> templates.add(template(t)));
        });
        return root;
    }

    private void writeTenant(ObjectNode into, JsonState.TenantData data) {
        ObjectNode agents = into.putObject("Agents");
        data.agents.values().stream().filter(a -> !a.isDeleted()).forEach(a -> agents.set(a.id(), agent(a)));
        ArrayNode queue = into.putArray("TaskQueue");
        data.tasks.values().forEach(t -> queue.add(task(t)));
        ObjectNode repositories = into.putObject("Repositories");
        for (CodeRepository r : data.repositories.values()) {
            // Keyed by name as the old program does; a second repository of the same name is keyed by path.
            String key = repositories.has(r.name()) ? r.path() : r.name();
            repositories.set(key, repository(r, data));
        }
    }

    private ArrayNode deletedAgents(JsonState.TenantData data) {
        ArrayNode deleted = mapper.createArrayNode();
        data.agents.values().stream().filter(Agent::isDeleted).forEach(a -> deleted.add(agent(a)));
        return deleted;
    }

    private ObjectNode agent(Agent a) {
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
        ObjectNode o = n.putObject(SECTION);
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
        audit(o, a.audit());
        o.put("DeletedAt", LegacyValues.time(a.deletedAt()));
        o.put("DeletedBy", a.deletedBy());
        o.put("Version", a.version());
        return n;
    }

    private ObjectNode task(Task t) {
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
        ObjectNode o = n.putObject(SECTION);
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

    private ObjectNode repository(CodeRepository r, JsonState.TenantData data) {
        ObjectNode n = mapper.createObjectNode();
        n.put("Name", r.name());
        n.put("Path", r.path());
        if (data == null) {
            // In the journal: the Agents list and counts are derived from the agents, not part of the row.
            return repositoryOwn(n, r);
        }
        ArrayNode agents = n.putArray("Agents");
        Map<AgentStatus, Integer> counts = new HashMap<>();
        data.agents.values().stream().filter(a -> !a.isDeleted() && a.repositoryPath().equals(r.path()))
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
        ObjectNode o = n.putObject(SECTION);
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
        audit(o, r.audit());
        o.put("Version", r.version());
        return n;
    }

    private ObjectNode preference(UserPreference p) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", p.tenantId().value());
        n.put("Id", p.id());
        n.put("UserId", p.scope().userId());
        n.put("RepositoryId", p.scope().repositoryId());
        n.put("AgentId", p.scope().agentId());
        n.put("Key", p.key());
        n.put("Value", p.value());
        n.put("ValueType", p.valueType().name());
        n.put("Category", p.category());
        n.put("Description", p.description());
        n.put("ReadOnly", p.readOnly());
        n.put("Sensitive", p.sensitive());
        audit(n, p.audit());
        n.put("Version", p.version());
        return n;
    }

    private ObjectNode auditEntry(AuditEntry e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", e.tenantId().value());
        n.put("Id", e.id());
        n.put("EntityType", e.entityType());
        n.put("EntityId", e.entityId());
        n.put("Action", e.action().name());
        n.put("OldValues", e.oldValues());
        n.put("NewValues", e.newValues());
        ArrayNode changed = n.putArray("ChangedProperties");
        e.changedProperties().forEach(changed::add);
        n.put("UserId", e.userId());
        n.put("CorrelationId", e.correlationId());
        n.put("Timestamp", LegacyValues.time(e.timestamp()));
        n.put("Success", e.success());
        n.put("Error", e.error());
        n.put("RiskLevel", e.riskLevel());
        return n;
    }

    private ObjectNode template(TaskTemplate t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", t.tenantId().value());
        n.put("Id", t.id());
        n.put("Name", t.name());
        n.put("Description", t.description());
        n.put("Category", t.category());
        n.put("TemplateVersion", t.templateVersion());
        n.put("Public", t.publicTemplate());
        ArrayNode steps = n.putArray("Steps");
        t.steps().forEach(step -> {
            ObjectNode s = steps.addObject();
            s.put("Command", step.command());
            s.put("Description", step.description());
        });
        ObjectNode parameters = n.putObject("Parameters");
        t.parameters().forEach((name, p) -> {
            ObjectNode o = parameters.putObject(name);
            o.put("Type", p.type().name());
            o.put("Default", p.defaultValue());
            o.put("Required", p.required());
        });
        ArrayNode tags = n.putArray("Tags");
        t.tags().forEach(tags::add);
        audit(n, t.audit());
        n.put("Version", t.version());
        return n;
    }

    private ObjectNode legacyImport(LegacyImport i) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", i.tenantId().value());
        n.put("Id", i.id());
        n.put("SourceName", i.sourceName());
        n.put("SizeBytes", i.sizeBytes());
        n.put("Sha256", i.sha256());
        n.put("Repositories", i.repositories());
        n.put("Agents", i.agents());
        n.put("Tasks", i.tasks());
        n.put("Warnings", i.warnings());
        n.put("ImportedAt", LegacyValues.time(i.importedAt()));
        n.put("Took", i.took().toString());
        n.put("ImportedBy", i.importedBy());
        return n;
    }

    private static void audit(ObjectNode o, AuditFields audit) {
        o.put("CreatedAt", LegacyValues.time(audit.createdAt()));
        o.put("CreatedBy", audit.createdBy());
        o.put("UpdatedAt", LegacyValues.time(audit.updatedAt()));
        o.put("UpdatedBy", audit.updatedBy());
    }

    private JsonNode json(JsonDocument document) {
        return document == null ? mapper.nullNode() : mapper.readTree(document.json());
    }

    // ---------------------------------------------------------------- journal rows

    /** One row as the journal records it: the shape the document gives it (derived fields left out). */
    JsonNode row(String area, Object row) {
        return switch (area) {
            case JsonState.AGENTS -> agent((Agent) row);
            case JsonState.TASKS -> task((Task) row);
            case JsonState.REPOSITORIES -> repository((CodeRepository) row, null);
            case JsonState.PREFERENCES -> preference((UserPreference) row);
            case JsonState.AUDIT -> auditEntry((AuditEntry) row);
            case JsonState.IMPORTS -> legacyImport((LegacyImport) row);
            case JsonState.TEMPLATES -> template((TaskTemplate) row);
            default -> throw new IllegalArgumentException("no area '" + area + "' in the JSON store");
        };
    }

    /** A row of the journal read back, in its tenant. */
    Object row(String area, TenantId tenant, JsonNode node) {
        JsonProps n = new JsonProps(mapper, node);
        return switch (area) {
            case JsonState.AGENTS -> agent(tenant, null, n);
            case JsonState.TASKS -> task(tenant, n);
            case JsonState.REPOSITORIES -> repository(tenant, null, n);
            case JsonState.PREFERENCES -> preference(n);
            case JsonState.AUDIT -> auditEntry(n);
            case JsonState.IMPORTS -> legacyImport(n);
            case JsonState.TEMPLATES -> template(n);
            default -> throw new IllegalArgumentException("no area '" + area + "' in the JSON store");
        };
    }

    // ---------------------------------------------------------------- reading

    /** The state a document holds; its rows are put in place without being journalled. */
    JsonState read(JsonNode root) {
        JsonState state = new JsonState();
        state.changes().beginLoading();
        try {
            readInto(state, root);
        } finally {
            state.changes().end();
        }
        return state;
    }

    private void readInto(JsonState state, JsonNode root) {
        JsonProps top = new JsonProps(mapper, root);
        readTenant(state.mutable(TenantId.DEFAULT), TenantId.DEFAULT, top);
        JsonProps section = top.object(SECTION);
        state.sequence(section.number("JournalSequence", 0));
        for (JsonNode deleted : section.array("DeletedAgents")) {
            Agent agent = agent(TenantId.DEFAULT, null, new JsonProps(mapper, deleted));
            state.mutable(TenantId.DEFAULT).agents.put(agent.id(), agent);
        }
        for (Map.Entry<String, JsonNode> tenant : section.entries("Tenants")) {
            TenantId id = new TenantId(tenant.getKey());
            JsonProps props = new JsonProps(mapper, tenant.getValue());
            readTenant(state.mutable(id), id, props);
            for (JsonNode deleted : props.array("DeletedAgents")) {
                Agent agent = agent(id, null, new JsonProps(mapper, deleted));
                state.mutable(id).agents.put(agent.id(), agent);
            }
        }
        for (JsonNode node : section.array("Preferences")) {
            UserPreference p = preference(new JsonProps(mapper, node));
            state.mutable(p.tenantId()).preferences.put(p.id(), p);
        }
        for (JsonNode node : section.array("AuditLog")) {
            AuditEntry e = auditEntry(new JsonProps(mapper, node));
            state.mutable(e.tenantId()).audit.add(e);
        }
        for (JsonNode node : section.array("TaskTemplates")) {
            TaskTemplate t = template(new JsonProps(mapper, node));
            state.mutable(t.tenantId()).templates.put(t.id(), t);
        }
        for (JsonNode node : section.array("LegacyImports")) {
            LegacyImport i = legacyImport(new JsonProps(mapper, node));
            state.mutable(i.tenantId()).imports.add(i);
        }
    }

    private TaskTemplate template(JsonProps n) {
        List<TemplateStep> steps = new ArrayList<>();
        for (JsonNode step : n.array("Steps")) {
            JsonProps s = new JsonProps(mapper, step);
            steps.add(new TemplateStep(s.text("Command", null), s.text("Description", null)));
        }
        Map<String, TemplateParameter> parameters = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : n.entries("Parameters")) {
            JsonProps p = new JsonProps(mapper, entry.getValue());
            parameters.put(entry.getKey(), new TemplateParameter(ParameterType.valueOf(p.text("Type", "STRING")),
                    p.text("Default", null), p.bool("Required", false)));
        }
        return new TaskTemplate(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())),
                n.text("Id", null), n.text("Name", null), n.text("Description", null), n.text("Category", null),
                n.text("TemplateVersion", null), n.bool("Public", false), steps, parameters,
                new LinkedHashSet<>(n.strings("Tags")), audit(n, Instant.EPOCH), n.number("Version", 0));
    }

    private LegacyImport legacyImport(JsonProps n) {
        return new LegacyImport(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())),
                n.text("Id", null), n.text("SourceName", null), n.number("SizeBytes", 0), n.text("Sha256", null),
                n.number("Repositories", 0), n.number("Agents", 0), n.number("Tasks", 0),
                n.number("Warnings", 0), n.time("ImportedAt"), n.duration("Took", Duration.ZERO),
                n.text("ImportedBy", null));
    }

    private void readTenant(JsonState.TenantData data, TenantId tenant, JsonProps props) {
        for (Map.Entry<String, JsonNode> entry : props.entries("Repositories")) {
            CodeRepository repository = repository(tenant, entry.getKey(), new JsonProps(mapper, entry.getValue()));
            data.repositories.put(repository.id(), repository);
        }
        for (Map.Entry<String, JsonNode> entry : props.entries("Agents")) {
            Agent agent = agent(tenant, entry.getKey(), new JsonProps(mapper, entry.getValue()));
            data.agents.put(agent.id(), agent);
        }
        for (JsonNode node : props.array("TaskQueue")) {
            Task task = task(tenant, new JsonProps(mapper, node));
            data.tasks.put(task.id(), task);
        }
    }

    private Agent agent(TenantId tenant, String key, JsonProps n) {
        JsonProps o = n.object(SECTION);
        String id = n.text("Id", key);
        Instant lastPing = LegacyValues.parseTime(n.text("LastPing", null));
        AuditFields audit = audit(o, lastPing == null ? Instant.EPOCH : lastPing);
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

    private Task task(TenantId tenant, JsonProps n) {
        JsonProps o = n.object(SECTION);
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

    private CodeRepository repository(TenantId tenant, String key, JsonProps n) {
        JsonProps o = n.object(SECTION);
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
                audit(o, lastUpdate == null ? Instant.EPOCH : lastUpdate), o.number("Version", 0));
    }

    private UserPreference preference(JsonProps n) {
        return new UserPreference(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                new PreferenceScope(n.text("UserId", null), n.text("RepositoryId", null), n.text("AgentId", null)),
                n.text("Key", null), n.text("Value", null), ValueType.valueOf(n.text("ValueType", "STRING")),
                n.text("Category", null), n.text("Description", null), n.bool("ReadOnly", false),
                n.bool("Sensitive", false), audit(n, Instant.EPOCH), n.number("Version", 0));
    }

    private AuditEntry auditEntry(JsonProps n) {
        return new AuditEntry(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("EntityType", null), n.text("EntityId", null), AuditAction.valueOf(n.text("Action", null)),
                n.text("OldValues", null), n.text("NewValues", null), n.strings("ChangedProperties"),
                n.text("UserId", null), n.text("CorrelationId", null), n.time("Timestamp"), n.bool("Success", true),
                n.text("Error", null), (int) n.number("RiskLevel", 0));
    }

    private static AuditFields audit(JsonProps o, Instant fallback) {
        Instant created = o.has("CreatedAt") ? o.time("CreatedAt") : fallback;
        Instant updated = o.has("UpdatedAt") ? o.time("UpdatedAt") : created;
        return new AuditFields(created, o.text("CreatedBy", null), updated, o.text("UpdatedBy", null));
    }
}
