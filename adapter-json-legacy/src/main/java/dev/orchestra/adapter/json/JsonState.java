package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Everything the JSON store holds, per tenant, changed by write units as {@link JsonChanges} says and
 * counted in journal units: {@link #sequence()} is the last unit the committed rows include.
 */
final class JsonState {
    // The areas' names (as in StoreAreas); the journal records each change under one of them.
    static final String AGENTS = "agents";
    static final String TASKS = "tasks";
    static final String REPOSITORIES = "repositories";
    static final String PREFERENCES = "preferences";
    static final String AUDIT = "auditEntries";
    static final String IMPORTS = "legacyImports";
    static final String TEMPLATES = "templates";
    static final String CIRCUIT_BREAKERS = "circuitBreakers";
    static final String CIRCUIT_TRANSITIONS = "circuitTransitions";
    static final String ROUTING_DECISIONS = "routingDecisions";
    static final String ROUTING_STATISTICS = "routingStatistics";
    static final String WORKFLOW_DEFINITIONS = "workflowDefinitions";
    static final String WORKFLOW_EXECUTIONS = "workflowExecutions";
    static final String WORKFLOW_STEPS = "workflowSteps";
    static final String CHAT_SESSIONS = "chatSessions";
    static final String CHAT_MESSAGES = "chatMessages";
    static final String TOOL_CALLS = "toolCalls";
    static final String TOOL_EXECUTIONS = "toolExecutions";
    static final String ATTACHMENTS = "attachments";
    static final String LOGS = "orchestrationLogs";
    static final String METRICS = "performanceMetrics";
    static final String CLIENT_SESSIONS = "clientSessions";
    static final String API_KEYS = "apiKeys";

    /** One tenant's data; tables keep insertion order, which is the queue's order. */
    static final class TenantData {
        final JsonTable<Agent> agents;
        final JsonTable<Task> tasks;
        final JsonTable<CodeRepository> repositories;
        final JsonTable<UserPreference> preferences;
        final JsonLog<AuditEntry> audit;
        final JsonLog<LegacyImport> imports;
        final JsonTable<TaskTemplate> templates;
        /** Keyed by agent key. */
        final JsonTable<CircuitBreaker> circuitBreakers;
        final JsonLog<CircuitTransition> circuitTransitions;
        /** A table, not a log: a decision's outcome is set once after it was appended. */
        final JsonTable<RoutingDecision> routingDecisions;
        /** Keyed by agent key. */
        final JsonTable<RoutingStatistics> routingStatistics;
        final JsonTable<WorkflowDefinition> workflowDefinitions;
        final JsonTable<WorkflowExecution> workflowExecutions;
        /** Keyed by execution id, step id and attempt. */
        final JsonTable<StepExecution> workflowSteps;
        final JsonTable<ChatSession> chatSessions;
        /** Keyed by session id and sequence number. */
        final JsonTable<ChatMessage> chatMessages;
        final JsonTable<ToolCall> toolCalls;
        final JsonTable<ToolExecution> toolExecutions;
        /** The rows; the bytes are files named by their digest (see {@link JsonMessageAttachments}). */
        final JsonTable<MessageAttachment> attachments;
        final JsonLog<dev.orchestra.domain.observability.OrchestrationLog> orchestrationLogs;
        final JsonTable<dev.orchestra.domain.observability.PerformanceMetric> metrics;
        final JsonTable<dev.orchestra.domain.observability.ClientSession> clientSessions;
        final JsonTable<dev.orchestra.domain.access.ApiKey> apiKeys;

        /** Every table and log by area, in the order made: what emptiness and the journal's replay go over. */
        private final Map<String, JsonTable<?>> tables = new LinkedHashMap<>();
        private final Map<String, JsonLog<?>> logs = new LinkedHashMap<>();
        private final TenantId tenant;
        private final JsonChanges changes;

        private TenantData(TenantId tenant, JsonChanges changes) {
            this.tenant = tenant;
            this.changes = changes;
            this.agents = newTable(AGENTS);
            this.tasks = newTable(TASKS);
            this.repositories = newTable(REPOSITORIES);
            this.preferences = newTable(PREFERENCES);
            this.audit = newLog(AUDIT);
            this.imports = newLog(IMPORTS);
            this.templates = newTable(TEMPLATES);
            this.circuitBreakers = newTable(CIRCUIT_BREAKERS);
            this.circuitTransitions = newLog(CIRCUIT_TRANSITIONS);
            this.routingDecisions = newTable(ROUTING_DECISIONS);
            this.routingStatistics = newTable(ROUTING_STATISTICS);
            this.workflowDefinitions = newTable(WORKFLOW_DEFINITIONS);
            this.workflowExecutions = newTable(WORKFLOW_EXECUTIONS);
            this.workflowSteps = newTable(WORKFLOW_STEPS);
            this.chatSessions = newTable(CHAT_SESSIONS);
            this.chatMessages = newTable(CHAT_MESSAGES);
            this.toolCalls = newTable(TOOL_CALLS);
            this.toolExecutions = newTable(TOOL_EXECUTIONS);
            this.attachments = newTable(ATTACHMENTS);
            this.orchestrationLogs = newLog(LOGS);
            this.metrics = newTable(METRICS);
            this.clientSessions = newTable(CLIENT_SESSIONS);
            this.apiKeys = newTable(API_KEYS);
        }

        private <V> JsonTable<V> newTable(String area) {
            JsonTable<V> table = new JsonTable<>(tenant, area, changes);
            tables.put(area, table);
            return table;
        }

        private <V> JsonLog<V> newLog(String area) {
            JsonLog<V> log = new JsonLog<>(tenant, area, changes);
            logs.put(area, log);
            return log;
        }

        /** Rows per area, for a backup's manifest. */
        void countInto(Map<String, Long> counts) {
            tables.forEach((area, table) -> counts.merge(area, (long) table.size(), Long::sum));
            logs.forEach((area, log) -> counts.merge(area, (long) log.rows().size(), Long::sum));
        }

        boolean isEmpty() {
            return tables.values().stream().allMatch(JsonTable::isEmpty)
                    && logs.values().stream().allMatch(JsonLog::isEmpty);
        }

        @SuppressWarnings("unchecked")
        <V> JsonTable<V> table(String area) {
            JsonTable<?> table = tables.get(area);
            if (table == null) {
                throw new IllegalArgumentException("no keyed area '" + area + "' in the JSON store");
            }
            return (JsonTable<V>) table;
        }

        @SuppressWarnings("unchecked")
        <V> JsonLog<V> log(String area) {
            JsonLog<?> log = logs.get(area);
            if (log == null) {
                throw new IllegalArgumentException("no append-only area '" + area + "' in the JSON store");
            }
            return (JsonLog<V>) log;
        }
    }

    private final JsonChanges changes = new JsonChanges();
    /** Concurrent: a write unit may add a tenant (empty until it commits) while readers list them. */
    private final Map<TenantId, TenantData> tenants =
            new ConcurrentSkipListMap<>(Comparator.comparing(TenantId::value));
    /** What an unknown tenant reads as; its changes object never records, so writing to it fails. */
    private final TenantData empty = new TenantData(TenantId.DEFAULT, new JsonChanges());
    private long sequence;

    JsonChanges changes() {
        return changes;
    }

    /** Read access; an unknown tenant reads as empty. */
    TenantData of(TenantId tenant) {
        return tenants.getOrDefault(tenant, empty);
    }

    /** Write access: only inside a write unit (or while loading); creates the tenant on first use. */
    TenantData mutable(TenantId tenant) {
        changes.requireWritable();
        TenantData data = tenants.get(tenant);
        if (data == null) {
            data = new TenantData(tenant, changes);
            tenants.put(tenant, data);
            changes.onDiscard(() -> tenants.remove(tenant));
        }
        return data;
    }

    /**
     * Rows per area over every tenant, each area named even when it is empty (a store without tenants counts
     * the same as one whose tenants hold nothing): what a backup's manifest records and its check compares.
     */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        empty.countInto(counts);
        tenants.values().forEach(data -> data.countInto(counts));
        return counts;
    }

    Map<TenantId, TenantData> tenants() {
        return tenants;
    }

    long sequence() {
        return sequence;
    }

    void sequence(long sequence) {
        this.sequence = sequence;
    }

    /** Applies one journalled change while the journal is replayed. */
    void apply(JsonChanges.Change change) {
        TenantData data = mutable(change.tenant());
        switch (change.kind()) {
            case PUT -> data.table(change.area()).put(change.id(), change.value());
            case REMOVE -> data.table(change.area()).remove(change.id());
            case APPEND -> data.log(change.area()).add(change.value());
            case TRIM -> data.log(change.area()).trim(Integer.parseInt(change.id()));
        }
    }
}
