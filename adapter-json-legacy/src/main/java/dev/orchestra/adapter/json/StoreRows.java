package dev.orchestra.adapter.json;

import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.template.ParameterType;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TemplateParameter;
import dev.orchestra.domain.template.TemplateStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows only this store has (preferences, the audit log, task templates, legacy imports, circuit
 * breakers and their transitions, routing decisions and statistics, workflows, chat), kept in the document's top-level {@code Orchestra} section, which the
 * old program ignores.
 */
final class StoreRows {
    /**
     * One kind of the store's own rows: its array in the {@code Orchestra} section, the area the journal
     * records it under, where a tenant keeps it, and how a row is written and read. The document layout
     * and the journal's codec loop over {@link #sections()}, so a new kind of row is one entry here.
     */
    record Section<T>(String name, String area, Function<JsonState.TenantData, Collection<T>> rows,
                      Function<T, ObjectNode> write, Function<JsonProps, T> read, Function<T, TenantId> tenant,
                      BiConsumer<JsonState.TenantData, T> add) {
        void writeRows(JsonState.TenantData data, ArrayNode into) {
            rows.apply(data).forEach(row -> into.add(write.apply(row)));
        }

        void readRow(JsonState state, JsonProps node) {
            T row = read.apply(node);
            add.accept(state.mutable(tenant.apply(row)), row);
        }

        @SuppressWarnings("unchecked")
        ObjectNode writeRow(Object row) {
            return write.apply((T) row);
        }
    }

    private final ObjectMapper mapper;
    private final List<Section<?>> sections;

    StoreRows(ObjectMapper mapper) {
        this.mapper = mapper;
        RoutingRows routing = new RoutingRows(mapper);
        WorkflowRows workflows = new WorkflowRows(mapper);
        ChatRows chat = new ChatRows(mapper);
        ObservabilityRows observed = new ObservabilityRows(mapper);
        // In the order the document lists them.
        this.sections = List.of(
                new Section<UserPreference>("Preferences", JsonState.PREFERENCES, d -> d.preferences.values(),
                        this::preference, this::preference, UserPreference::tenantId,
                        (d, p) -> d.preferences.put(p.id(), p)),
                new Section<AuditEntry>("AuditLog", JsonState.AUDIT, d -> d.audit.rows(), this::auditEntry,
                        this::auditEntry, AuditEntry::tenantId, (d, e) -> d.audit.add(e)),
                new Section<LegacyImport>("LegacyImports", JsonState.IMPORTS, d -> d.imports.rows(),
                        this::legacyImport, this::legacyImport, LegacyImport::tenantId, (d, i) -> d.imports.add(i)),
                new Section<TaskTemplate>("TaskTemplates", JsonState.TEMPLATES, d -> d.templates.values(),
                        this::template, this::template, TaskTemplate::tenantId,
                        (d, t) -> d.templates.put(t.id(), t)),
                new Section<CircuitBreaker>("CircuitBreakers", JsonState.CIRCUIT_BREAKERS,
                        d -> d.circuitBreakers.values(), this::circuitBreaker, this::circuitBreaker,
                        CircuitBreaker::tenantId, (d, b) -> d.circuitBreakers.put(b.agentKey(), b)),
                new Section<CircuitTransition>("CircuitTransitions", JsonState.CIRCUIT_TRANSITIONS,
                        d -> d.circuitTransitions.rows(), this::circuitTransition, this::circuitTransition,
                        CircuitTransition::tenantId, (d, t) -> d.circuitTransitions.add(t)),
                new Section<RoutingDecision>("RoutingDecisions", JsonState.ROUTING_DECISIONS,
                        d -> d.routingDecisions.values(), routing::decision, routing::decision,
                        RoutingDecision::tenantId, (d, r) -> d.routingDecisions.put(r.id(), r)),
                new Section<RoutingStatistics>("RoutingStatistics", JsonState.ROUTING_STATISTICS,
                        d -> d.routingStatistics.values(), routing::statistics, routing::statistics,
                        RoutingStatistics::tenantId, (d, r) -> d.routingStatistics.put(r.agentKey(), r)),
                new Section<WorkflowDefinition>("WorkflowDefinitions", JsonState.WORKFLOW_DEFINITIONS,
                        d -> d.workflowDefinitions.values(), workflows::definition, workflows::definition,
                        WorkflowDefinition::tenantId, (d, w) -> d.workflowDefinitions.put(w.id(), w)),
                new Section<WorkflowExecution>("WorkflowExecutions", JsonState.WORKFLOW_EXECUTIONS,
                        d -> d.workflowExecutions.values(), workflows::execution, workflows::execution,
                        WorkflowExecution::tenantId, (d, w) -> d.workflowExecutions.put(w.id(), w)),
                new Section<StepExecution>("WorkflowStepExecutions", JsonState.WORKFLOW_STEPS,
                        d -> d.workflowSteps.values(), workflows::step, workflows::step, StepExecution::tenantId,
                        (d, s) -> d.workflowSteps.put(JsonWorkflowExecutions.key(s), s)),
                new Section<ChatSession>("ChatSessions", JsonState.CHAT_SESSIONS, d -> d.chatSessions.values(),
                        chat::session, chat::session, ChatSession::tenantId, (d, s) -> d.chatSessions.put(s.id(), s)),
                new Section<ChatMessage>("ChatMessages", JsonState.CHAT_MESSAGES, d -> d.chatMessages.values(),
                        chat::message, chat::message, ChatMessage::tenantId,
                        (d, m) -> d.chatMessages.put(JsonChatSessions.key(m), m)),
                new Section<ToolCall>("ToolCalls", JsonState.TOOL_CALLS, d -> d.toolCalls.values(), chat::toolCall,
                        chat::toolCall, ToolCall::tenantId, (d, c) -> d.toolCalls.put(c.id(), c)),
                new Section<ToolExecution>("ToolExecutions", JsonState.TOOL_EXECUTIONS,
                        d -> d.toolExecutions.values(), chat::execution, chat::execution, ToolExecution::tenantId,
                        (d, e) -> d.toolExecutions.put(e.id(), e)),
                new Section<MessageAttachment>("MessageAttachments", JsonState.ATTACHMENTS,
                        d -> d.attachments.values(), chat::attachment, chat::attachment, MessageAttachment::tenantId,
                        (d, a) -> d.attachments.put(a.id(), a)),
                new Section<dev.orchestra.domain.observability.OrchestrationLog>("OrchestrationLogs", JsonState.LOGS,
                        d -> d.orchestrationLogs.rows(), observed::log, observed::log,
                        dev.orchestra.domain.observability.OrchestrationLog::tenantId, (d, l) -> d.orchestrationLogs.add(l)),
                new Section<dev.orchestra.domain.observability.PerformanceMetric>("PerformanceMetrics",
                        JsonState.METRICS, d -> d.metrics.values(), observed::metric, observed::metric,
                        dev.orchestra.domain.observability.PerformanceMetric::tenantId,
                        (d, m) -> d.metrics.put(m.id(), m)),
                new Section<dev.orchestra.domain.observability.ClientSession>("ClientSessions",
                        JsonState.CLIENT_SESSIONS, d -> d.clientSessions.values(), observed::clientSession,
                        observed::clientSession, dev.orchestra.domain.observability.ClientSession::tenantId,
                        (d, s) -> d.clientSessions.put(s.id(), s)),
                new Section<ApiKey>("ApiKeys", JsonState.API_KEYS, d -> d.apiKeys.values(), this::apiKey,
                        this::apiKey, ApiKey::tenantId, (d, k) -> d.apiKeys.put(k.id(), k)));
    }

    List<Section<?>> sections() {
        return sections;
    }

    /** The section of an area, or null when the area is not one of the store's own rows. */
    Section<?> section(String area) {
        return sections.stream().filter(s -> s.area().equals(area)).findFirst().orElse(null);
    }

    ObjectNode apiKey(ApiKey k) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", k.tenantId().value());
        n.put("Id", k.id());
        n.put("Role", k.role().name());
        n.put("Name", k.name());
        n.put("AgentId", k.agentId());
        n.put("SecretSha256", k.secretSha256());
        n.put("CreatedAt", LegacyValues.time(k.createdAt()));
        n.put("LastUsedAt", k.lastUsedAt() == null ? null : LegacyValues.time(k.lastUsedAt()));
        n.put("RevokedAt", k.revokedAt() == null ? null : LegacyValues.time(k.revokedAt()));
        n.put("Version", k.version());
        return n;
    }

    ApiKey apiKey(JsonProps n) {
        return new ApiKey(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                ApiKeyRole.valueOf(n.text("Role", null)), n.text("Name", null), n.text("AgentId", null),
                n.text("SecretSha256", null), n.time("CreatedAt"), n.time("LastUsedAt"), n.time("RevokedAt"),
                n.number("Version", 0));
    }

    ObjectNode preference(UserPreference p) {
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
        AuditColumns.write(n, p.audit());
        n.put("Version", p.version());
        return n;
    }

    ObjectNode auditEntry(AuditEntry e) {
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

    ObjectNode template(TaskTemplate t) {
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
        AuditColumns.write(n, t.audit());
        n.put("Version", t.version());
        return n;
    }

    ObjectNode legacyImport(LegacyImport i) {
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

    TaskTemplate template(JsonProps n) {
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
                new LinkedHashSet<>(n.strings("Tags")), AuditColumns.read(n, Instant.EPOCH), n.number("Version", 0));
    }

    LegacyImport legacyImport(JsonProps n) {
        return new LegacyImport(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())),
                n.text("Id", null), n.text("SourceName", null), n.number("SizeBytes", 0), n.text("Sha256", null),
                n.number("Repositories", 0), n.number("Agents", 0), n.number("Tasks", 0),
                n.number("Warnings", 0), n.time("ImportedAt"), n.duration("Took", Duration.ZERO),
                n.text("ImportedBy", null));
    }

    UserPreference preference(JsonProps n) {
        return new UserPreference(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                new PreferenceScope(n.text("UserId", null), n.text("RepositoryId", null), n.text("AgentId", null)),
                n.text("Key", null), n.text("Value", null), ValueType.valueOf(n.text("ValueType", "STRING")),
                n.text("Category", null), n.text("Description", null), n.bool("ReadOnly", false),
                n.bool("Sensitive", false), AuditColumns.read(n, Instant.EPOCH), n.number("Version", 0));
    }

    AuditEntry auditEntry(JsonProps n) {
        return new AuditEntry(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("EntityType", null), n.text("EntityId", null), AuditAction.valueOf(n.text("Action", null)),
                n.text("OldValues", null), n.text("NewValues", null), n.strings("ChangedProperties"),
                n.text("UserId", null), n.text("CorrelationId", null), n.time("Timestamp"), n.bool("Success", true),
                n.text("Error", null), (int) n.number("RiskLevel", 0));
    }

    ObjectNode circuitBreaker(CircuitBreaker b) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", b.tenantId().value());
        n.put("AgentKey", b.agentKey());
        n.put("State", b.state().name());
        n.put("FailureCount", b.failureCount());
        n.put("SuccessCount", b.successCount());
        n.put("FailureThreshold", b.failureThreshold());
        n.put("CoolDown", b.coolDown().toString());
        n.put("OpenedAt", LegacyValues.time(b.openedAt()));
        n.put("ResetAt", LegacyValues.time(b.resetAt()));
        n.put("LastUpdated", LegacyValues.time(b.lastUpdated()));
        n.put("Version", b.version());
        return n;
    }

    CircuitBreaker circuitBreaker(JsonProps n) {
        return new CircuitBreaker(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("AgentKey", null),
                CircuitState.valueOf(n.text("State", CircuitState.CLOSED.name())), n.number("FailureCount", 0),
                n.number("SuccessCount", 0), (int) n.number("FailureThreshold",
                CircuitBreaker.DEFAULT_FAILURE_THRESHOLD), n.duration("CoolDown", CircuitBreaker.DEFAULT_COOL_DOWN),
                n.time("OpenedAt"), n.time("ResetAt"), n.time("LastUpdated"), n.number("Version", 0));
    }

    ObjectNode circuitTransition(CircuitTransition t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", t.tenantId().value());
        n.put("Id", t.id());
        n.put("AgentKey", t.agentKey());
        n.put("From", t.from().name());
        n.put("To", t.to().name());
        n.put("Reason", t.reason());
        n.put("FailureCount", t.failureCount());
        n.put("SuccessCount", t.successCount());
        n.put("At", LegacyValues.time(t.at()));
        n.put("By", t.by());
        return n;
    }

    CircuitTransition circuitTransition(JsonProps n) {
        return new CircuitTransition(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("AgentKey", null), CircuitState.valueOf(n.text("From", null)),
                CircuitState.valueOf(n.text("To", null)), n.text("Reason", null), n.number("FailureCount", 0),
                n.number("SuccessCount", 0), n.time("At"), n.text("By", null));
    }
}
