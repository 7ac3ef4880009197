package dev.orchestra.domain.store;

import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.ClientSessionFields;
import dev.orchestra.domain.observability.LogFields;
import dev.orchestra.domain.observability.MetricFields;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryFields;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitFields;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.resilience.TransitionFields;
import dev.orchestra.domain.routing.DecisionFields;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.routing.StatisticsFields;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Pages;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TemplateFields;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The areas of a store, built on its ports, in the order a copy must fill them (repositories before
 * the agents and tasks that point at them). The one list of every area besides {@link Store} itself: a new
 * area is one entry here, and {@code StoreAreasContractTest} fails for a store or a job that misses it.
 */
public final class StoreAreas {
    private StoreAreas() {
    }

    public static List<Area<?>> of(Store store) {
        return List.of(
                StoreAreas.<CodeRepository>area("repositories", CodeRepository::id,
                        tenant -> total(store.repositories().find(tenant, Specification.all(),
                                first(RepositoryFields.ID))),
                        (tenant, row) -> Pages.each(List.of(RepositoryFields.ID.asc()),
                                (where, page) -> store.repositories().find(tenant, where, page), row),
                        (tenant, r) -> store.repositories().findById(tenant, r.id()).isPresent(),
                        rows -> rows.forEach(store.repositories()::add)),
                StoreAreas.<Agent>area("agents", Agent::id,
                        tenant -> total(store.agents().findWithDeleted(tenant, Specification.all(),
                                first(AgentFields.ID))),
                        (tenant, row) -> Pages.each(List.of(AgentFields.ID.asc()),
                                (where, page) -> store.agents().findWithDeleted(tenant, where, page), row),
                        (tenant, a) -> store.agents().findIncludingDeleted(tenant, a.id()).isPresent(),
                        rows -> rows.forEach(store.agents()::add)),
                StoreAreas.<Task>area("tasks", Task::id,
                        tenant -> store.tasks().count(tenant, Specification.all()),
                        (tenant, row) -> parentsFirst(store, tenant, row),
                        (tenant, t) -> store.tasks().findById(tenant, t.id()).isPresent(),
                        rows -> store.tasks().addAll(rows)),
                StoreAreas.<UserPreference>area("preferences", UserPreference::id,
                        tenant -> store.preferences().count(tenant),
                        (tenant, row) -> store.preferences().find(tenant, Specification.all()).forEach(row),
                        (tenant, p) -> store.preferences().find(tenant, p.scope(), p.key()).isPresent(),
                        rows -> rows.forEach(store.preferences()::add)),
                StoreAreas.<AuditEntry>area("auditEntries", AuditEntry::id,
                        tenant -> total(store.auditTrail().find(tenant, Specification.all(),
                                first(AuditFieldsOfEntry.ID))),
                        (tenant, row) -> Pages.each(
                                List.of(AuditFieldsOfEntry.TIMESTAMP.asc(), AuditFieldsOfEntry.ID.asc()),
                                (where, page) -> store.auditTrail().find(tenant, where, page), row),
                        (tenant, e) -> total(store.auditTrail().find(tenant, AuditFieldsOfEntry.ID.eq(e.id()),
                                first(AuditFieldsOfEntry.ID))) > 0,
                        rows -> rows.forEach(store.auditTrail()::append)),
                StoreAreas.<TaskTemplate>area("templates", TaskTemplate::id,
                        tenant -> total(store.templates().find(tenant, Specification.all(), first(TemplateFields.ID))),
                        (tenant, row) -> Pages.each(List.of(TemplateFields.ID.asc()),
                                (where, page) -> store.templates().find(tenant, where, page), row),
                        (tenant, t) -> store.templates().findById(tenant, t.id()).isPresent(),
                        rows -> rows.forEach(store.templates()::add)),
                StoreAreas.<CircuitBreaker>area("circuitBreakers", CircuitBreaker::agentKey,
                        tenant -> total(store.circuitBreakers().find(tenant, Specification.all(),
                                first(CircuitFields.AGENT_KEY))),
                        (tenant, row) -> Pages.each(List.of(CircuitFields.AGENT_KEY.asc()),
                                (where, page) -> store.circuitBreakers().find(tenant, where, page), row),
                        (tenant, b) -> store.circuitBreakers().findByKey(tenant, b.agentKey()).isPresent(),
                        rows -> rows.forEach(store.circuitBreakers()::add)),
                // After the breakers: each transition names its breaker.
                StoreAreas.<CircuitTransition>area("circuitTransitions", CircuitTransition::id,
                        tenant -> total(store.circuitBreakers().transitions(tenant, Specification.all(),
                                first(TransitionFields.ID))),
                        (tenant, row) -> Pages.each(List.of(TransitionFields.AT.asc(), TransitionFields.ID.asc()),
                                (where, page) -> store.circuitBreakers().transitions(tenant, where, page), row),
                        (tenant, t) -> total(store.circuitBreakers().transitions(tenant,
                                TransitionFields.ID.eq(t.id()), first(TransitionFields.ID))) > 0,
                        rows -> rows.forEach(store.circuitBreakers()::append)),
                StoreAreas.<RoutingDecision>area("routingDecisions", RoutingDecision::id,
                        tenant -> total(store.routingDecisions().find(tenant, Specification.all(),
                                first(DecisionFields.ID))),
                        (tenant, row) -> Pages.each(List.of(DecisionFields.ROUTED_AT.asc(), DecisionFields.ID.asc()),
                                (where, page) -> store.routingDecisions().find(tenant, where, page), row),
                        (tenant, d) -> store.routingDecisions().findById(tenant, d.id()).isPresent(),
                        rows -> rows.forEach(store.routingDecisions()::add)),
                StoreAreas.<RoutingStatistics>area("routingStatistics", RoutingStatistics::agentKey,
                        tenant -> total(store.routingDecisions().statistics(tenant, Specification.all(),
                                first(StatisticsFields.AGENT_KEY))),
                        (tenant, row) -> Pages.each(List.of(StatisticsFields.AGENT_KEY.asc()),
                                (where, page) -> store.routingDecisions().statistics(tenant, where, page), row),
                        (tenant, s) -> store.routingDecisions().statistics(tenant, s.agentKey()).isPresent(),
                        rows -> rows.forEach(store.routingDecisions()::save)),
                StoreAreas.<WorkflowDefinition>area("workflowDefinitions", WorkflowDefinition::id,
                        tenant -> total(store.workflowDefinitions().find(tenant, Specification.all(),
                                first(WorkflowFields.Definition.ID))),
                        (tenant, row) -> Pages.each(List.of(WorkflowFields.Definition.CREATED_AT.asc(),
                                        WorkflowFields.Definition.ID.asc()),
                                (where, page) -> store.workflowDefinitions().find(tenant, where, page), row),
                        (tenant, d) -> store.workflowDefinitions().findById(tenant, d.id()).isPresent(),
                        rows -> rows.forEach(store.workflowDefinitions()::add)),
                StoreAreas.<WorkflowExecution>area("workflowExecutions", WorkflowExecution::id,
                        tenant -> total(store.workflowExecutions().find(tenant, Specification.all(),
                                first(WorkflowFields.Execution.ID))),
                        (tenant, row) -> Pages.each(List.of(WorkflowFields.Execution.CREATED_AT.asc(),
                                        WorkflowFields.Execution.ID.asc()),
                                (where, page) -> store.workflowExecutions().find(tenant, where, page), row),
                        (tenant, e) -> store.workflowExecutions().findById(tenant, e.id()).isPresent(),
                        rows -> rows.forEach(store.workflowExecutions()::add)),
                // After the executions: each attempt belongs to one.
                StoreAreas.<StepExecution>area("workflowSteps", WorkflowFields.Step.KEY::valueOf,
                        tenant -> total(store.workflowExecutions().findSteps(tenant, Specification.all(),
                                first(WorkflowFields.Step.KEY))),
                        (tenant, row) -> Pages.each(List.of(WorkflowFields.Step.EXECUTION_ID.asc(),
                                        WorkflowFields.Step.POSITION.asc()),
                                (where, page) -> store.workflowExecutions().findSteps(tenant, where, page), row),
                        (tenant, s) -> store.workflowExecutions().lastAttempt(tenant, s.executionId(), s.stepId())
                                .filter(last -> last.attempt() >= s.attempt()).isPresent(),
                        rows -> rows.forEach(store.workflowExecutions()::addStep)),
                StoreAreas.<ChatSession>area("chatSessions", ChatSession::id,
                        tenant -> total(store.chatSessions().findSessions(tenant, Specification.all(),
                                first(ChatFields.Session.ID))),
                        (tenant, row) -> Pages.each(List.of(ChatFields.Session.CREATED_AT.asc(),
                                        ChatFields.Session.ID.asc()),
                                (where, page) -> store.chatSessions().findSessions(tenant, where, page), row),
                        (tenant, s) -> store.chatSessions().findSession(tenant, s.id()).isPresent(),
                        rows -> rows.forEach(store.chatSessions()::addSession)),
                StoreAreas.<ChatMessage>area("chatMessages", ChatMessage::id,
                        tenant -> total(store.chatSessions().findMessages(tenant, Specification.all(),
                                first(ChatFields.Message.ID))),
                        (tenant, row) -> Pages.each(List.of(ChatFields.Message.SESSION_ID.asc(),
                                        ChatFields.Message.SEQUENCE_NUMBER.asc()),
                                (where, page) -> store.chatSessions().findMessages(tenant, where, page), row),
                        (tenant, m) -> store.chatSessions().findMessage(tenant, m.id()).isPresent(),
                        rows -> rows.forEach(store.chatSessions()::addMessage)),
                StoreAreas.<ToolCall>area("toolCalls", ToolCall::id,
                        tenant -> total(store.chatSessions().findToolCalls(tenant, Specification.all(),
                                first(ChatFields.Call.ID))),
                        (tenant, row) -> Pages.each(List.of(ChatFields.Call.EXECUTED_AT.asc(), ChatFields.Call.ID.asc()),
                                (where, page) -> store.chatSessions().findToolCalls(tenant, where, page), row),
                        (tenant, c) -> store.chatSessions().findToolCall(tenant, c.id()).isPresent(),
                        rows -> rows.forEach(store.chatSessions()::addToolCall)),
                StoreAreas.<ToolExecution>area("toolExecutions", ToolExecution::id,
                        tenant -> total(store.toolExecutions().find(tenant, Specification.all(),
                                first(ChatFields.Execution.ID))),
                        (tenant, row) -> Pages.each(List.of(ChatFields.Execution.CREATED_AT.asc(),
                                        ChatFields.Execution.ID.asc()),
                                (where, page) -> store.toolExecutions().find(tenant, where, page), row),
                        (tenant, e) -> store.toolExecutions().find(tenant, e.id()).isPresent(),
                        rows -> rows.forEach(store.toolExecutions()::add)),
                attachments(store),
                StoreAreas.<LegacyImport>area("legacyImports", LegacyImport::id,
                        tenant -> store.legacyImports().list(tenant).size(),
                        // The port lists the newest first; a copy adds them in the order they happened.
                        (tenant, row) -> reversed(store.legacyImports().list(tenant)).forEach(row),
                        (tenant, i) -> store.legacyImports().findBySha256(tenant, i.sha256()).isPresent(),
                        rows -> rows.forEach(store.legacyImports()::add)),
                StoreAreas.<OrchestrationLog>area("orchestrationLogs", OrchestrationLog::id,
                        tenant -> total(store.logs().find(tenant, Specification.all(), first(LogFields.ID))),
                        (tenant, row) -> Pages.each(List.of(LogFields.TIMESTAMP.asc(), LogFields.ID.asc()),
                                (where, page) -> store.logs().find(tenant, where, page), row),
                        (tenant, l) -> total(store.logs().find(tenant, LogFields.ID.eq(l.id()),
                                first(LogFields.ID))) > 0,
                        rows -> rows.forEach(store.logs()::append)),
                StoreAreas.<PerformanceMetric>area("performanceMetrics", PerformanceMetric::id,
                        tenant -> total(store.metrics().find(tenant, Specification.all(), first(MetricFields.ID))),
                        (tenant, row) -> Pages.each(List.of(MetricFields.PERIOD_START.asc(), MetricFields.ID.asc()),
                                (where, page) -> store.metrics().find(tenant, where, page), row),
                        (tenant, m) -> store.metrics().findById(tenant, m.id()).isPresent(),
                        rows -> rows.forEach(store.metrics()::add)),
                StoreAreas.<ClientSession>area("clientSessions", ClientSession::id,
                        tenant -> total(store.clientSessions().find(tenant, Specification.all(),
                                first(ClientSessionFields.ID))),
                        (tenant, row) -> Pages.each(List.of(ClientSessionFields.ID.asc()),
                                (where, page) -> store.clientSessions().find(tenant, where, page), row),
                        (tenant, c) -> store.clientSessions().findById(tenant, c.id()).isPresent(),
                        rows -> rows.forEach(store.clientSessions()::add)),
                StoreAreas.<ApiKey>area("apiKeys", ApiKey::id,
                        tenant -> store.apiKeys().list(tenant).size(),
                        (tenant, row) -> store.apiKeys().list(tenant).forEach(row),
                        (tenant, k) -> store.apiKeys().findById(tenant, k.id()).isPresent(),
                        rows -> rows.forEach(store.apiKeys()::add)));
    }

    /** Attachments with their bytes, read one at a time (each up to 10 MiB), weighed so a copy flushes in time. */
    private static Area<MessageAttachment.WithContent> attachments(Store store) {
        return StoreAreas.<MessageAttachment.WithContent>area("attachments", a -> a.attachment().id(),
                tenant -> total(store.attachments().find(tenant, Specification.all(),
                        first(ChatFields.Attachment.ID))),
                (tenant, row) -> Pages.each(List.of(ChatFields.Attachment.UPLOADED_AT.asc(),
                                ChatFields.Attachment.ID.asc()),
                        (where, page) -> store.attachments().find(tenant, where, page),
                        a -> row.accept(new MessageAttachment.WithContent(a,
                                store.attachments().content(tenant, a.sha256()).orElseThrow(() ->
                                        new IllegalStateException("the bytes of attachment '" + a.id()
                                                + "' (SHA-256 " + a.sha256() + ") are missing"))))),
                (tenant, a) -> store.attachments().find(tenant, a.attachment().id()).isPresent(),
                list -> list.forEach(a -> store.attachments().add(a.attachment(), a.content())),
                a -> a.content().length);
    }

    private static <T> Area<T> area(String name, Function<T, String> id, ToLongFunction<TenantId> count,
                                    BiConsumer<TenantId, Consumer<T>> each, BiPredicate<TenantId, T> has,
                                    Consumer<List<T>> addAll) {
        return area(name, id, count, each, has, addAll, row -> 0);
    }

    /** As above, for rows that carry bytes beyond their fields ({@link Area#bytesOf}). */
    private static <T> Area<T> area(String name, Function<T, String> id, ToLongFunction<TenantId> count,
                                    BiConsumer<TenantId, Consumer<T>> each, BiPredicate<TenantId, T> has,
                                    Consumer<List<T>> addAll, ToLongFunction<T> bytes) {
        return new Area<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String idOf(T row) {
                return id.apply(row);
            }

            @Override
            public long count(TenantId tenant) {
                return count.applyAsLong(tenant);
            }

            @Override
            public void each(TenantId tenant, Consumer<T> row) {
                each.accept(tenant, row);
            }

            @Override
            public boolean has(TenantId tenant, T row) {
                return has.test(tenant, row);
            }

            @Override
            public void addAll(List<T> rows) {
                addAll.accept(rows);
            }

            @Override
            public long bytesOf(T row) {
                return bytes.applyAsLong(row);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Oldest first, but a child only after its parent; children of a parent the source lacks come last. */
    private static void parentsFirst(Store store, TenantId tenant, Consumer<Task> row) {
        Set<String> given = new HashSet<>();
        Map<String, List<Task>> waiting = new LinkedHashMap<>();
        Consumer<Task> place = new Consumer<>() {
            @Override
            public void accept(Task task) {
                if (task.parentTaskId() != null && !given.contains(task.parentTaskId())
                        && store.tasks().findById(tenant, task.parentTaskId()).isPresent()) {
                    waiting.computeIfAbsent(task.parentTaskId(), k -> new ArrayList<>()).add(task);
                    return;
                }
                row.accept(task);
                given.add(task.id());
                List<Task> children = waiting.remove(task.id());
                if (children != null) {
                    children.forEach(this);
                }
            }
        };
        Pages.each(List.of(TaskFields.CREATED_AT.asc(), TaskFields.ID.asc()),
                (where, page) -> store.tasks().find(tenant, where, page), place);
        waiting.values().forEach(children -> children.forEach(row));
    }

    private static <T> PageRequest<T> first(dev.orchestra.domain.shared.Field<T, String> id) {
        return new PageRequest<>(0, 1, List.of(id.asc()));
    }

    private static long total(Page<?> page) {
        return page.totalItems();
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
