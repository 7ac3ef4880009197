package dev.orchestra.adapter.json;

import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.maintenance.RetentionKind;
import dev.orchestra.domain.maintenance.StoreRetention;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.workflow.ExecutionStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** {@link StoreRetention} of the JSON store: the same rules as the SQLite store's, over the tenant's rows. */
final class JsonRetention implements StoreRetention {
    private static final Set<TaskStatus> FINISHED_TASK = Set.of(TaskStatus.COMPLETED, TaskStatus.FAILED,
            TaskStatus.CANCELLED);
    private static final Set<ExecutionStatus> FINISHED_EXECUTION = Set.of(ExecutionStatus.COMPLETED,
            ExecutionStatus.FAILED, ExecutionStatus.CANCELLED);

    private final JsonUnitOfWork unitOfWork;
    private final JsonChatSessions chats;
    private final JsonToolExecutions toolExecutions;
    private final JsonMessageAttachments attachments;
    private final JsonMaintenance maintenance;
    private final Runnable compact;

    JsonRetention(JsonUnitOfWork unitOfWork, JsonChatSessions chats, JsonToolExecutions toolExecutions,
                  JsonMessageAttachments attachments, JsonMaintenance maintenance, Runnable compact) {
        this.unitOfWork = unitOfWork;
        this.chats = chats;
        this.toolExecutions = toolExecutions;
        this.attachments = attachments;
        this.maintenance = maintenance;
        this.compact = compact;
    }

    @Override
    public long due(TenantId tenant, RetentionKind kind, Instant cutoff) {
        JsonState.TenantData data = unitOfWork.state().of(tenant);
        return switch (kind) {
            case FINISHED_TASKS -> data.tasks.countWhere(finishedTask(data, cutoff));
            case FINISHED_WORKFLOW_EXECUTIONS -> data.workflowExecutions.countWhere(finishedExecution(data, cutoff));
            case ROUTING_DECISIONS -> data.routingDecisions.countWhere(d -> d.routedAt().isBefore(cutoff));
            case CIRCUIT_HISTORY -> oldTransitions(data, cutoff)
                    + data.circuitBreakers.countWhere(idleClosed(cutoff));
            case ARCHIVED_CHAT_SESSIONS -> data.chatSessions.countWhere(archived(data, cutoff));
            case ORCHESTRATION_LOGS -> data.orchestrationLogs.leading(e -> e.timestamp().isBefore(cutoff));
            case RAW_METRICS -> data.metrics.countWhere(rawBefore(cutoff));
            case CLOSED_CLIENT_SESSIONS -> data.clientSessions.countWhere(closedBefore(cutoff));
            case AUDIT_ENTRIES -> data.audit.leading(e -> e.timestamp().isBefore(cutoff));
        };
    }

    @Override
    public long remove(TenantId tenant, RetentionKind kind, Instant cutoff, int limit) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        switch (kind) {
            case FINISHED_TASKS:
                return data.tasks.removeWhere(finishedTask(data, cutoff), limit);
            case FINISHED_WORKFLOW_EXECUTIONS: {
                Set<String> gone = new HashSet<>();
                int removed = data.workflowExecutions.removeWhere(finishedExecution(data, cutoff).and(e -> {
                    gone.add(e.id());
                    return true;
                }), limit);
                data.workflowSteps.removeWhere(step -> gone.contains(step.executionId()), Integer.MAX_VALUE);
                return removed;
            }
            case ROUTING_DECISIONS:
                return data.routingDecisions.removeWhere(d -> d.routedAt().isBefore(cutoff), limit);
            case CIRCUIT_HISTORY: {
                int old = (int) Math.min(limit, oldTransitions(data, cutoff));
                data.circuitTransitions.trim(old);
                return old + data.circuitBreakers.removeWhere(idleClosed(cutoff), limit - old);
            }
            case ARCHIVED_CHAT_SESSIONS: {
                // Through the ports, with everything that belongs to each session (attachment files included).
                java.util.List<String> gone = data.chatSessions.values().stream().filter(archived(data, cutoff))
                        .map(dev.orchestra.domain.chat.ChatSession::id).limit(limit).toList();
                int removed = 0;
                for (String session : gone) {
                    attachments.removeOfSession(tenant, session);
                    toolExecutions.removeOfSession(tenant, session);
                    chats.removeToolCalls(tenant, session);
                    chats.removeMessages(tenant, session);
                    chats.removeSession(tenant, session);
                    removed++;
                }
                return removed;
            }
            case ORCHESTRATION_LOGS: {
                int old = Math.min(limit, data.orchestrationLogs.leading(e -> e.timestamp().isBefore(cutoff)));
                data.orchestrationLogs.trim(old);
                return old;
            }
            case RAW_METRICS:
                return data.metrics.removeWhere(rawBefore(cutoff), limit);
            case CLOSED_CLIENT_SESSIONS:
                return data.clientSessions.removeWhere(closedBefore(cutoff), limit);
            case AUDIT_ENTRIES: {
                int old = Math.min(limit, data.audit.leading(e -> e.timestamp().isBefore(cutoff)));
                data.audit.trim(old);
                return old;
            }
            default:
                throw new IllegalArgumentException("no retention for " + kind);
        }
    }

    /**
     * The leading transitions (the log is in time order) older than the cutoff, stopping at the newest of a
     * circuit: that one stays to explain the circuit's state.
     */
    private static long oldTransitions(JsonState.TenantData data, Instant cutoff) {
        java.util.List<CircuitTransition> rows = data.circuitTransitions.rows();
        Map<String, Integer> newest = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            newest.put(rows.get(i).agentKey(), i);
        }
        int n = 0;
        while (n < rows.size() && rows.get(n).at().isBefore(cutoff) && newest.get(rows.get(n).agentKey()) != n) {
            n++;
        }
        return n;
    }

    private static Predicate<dev.orchestra.domain.task.Task> finishedTask(JsonState.TenantData data, Instant cutoff) {
        Set<String> referenced = new HashSet<>();
        data.tasks.values().forEach(t -> {
            if (t.parentTaskId() != null) {
                referenced.add(t.parentTaskId());
            }
        });
        data.agents.values().forEach(a -> {
            if (a.currentTaskId() != null) {
                referenced.add(a.currentTaskId());
            }
        });
        data.routingDecisions.values().forEach(d -> referenced.add(d.taskId()));
        return t -> FINISHED_TASK.contains(t.status()) && t.completedAt() != null && t.completedAt().isBefore(cutoff)
                && !referenced.contains(t.id());
    }

    private static Predicate<dev.orchestra.domain.workflow.WorkflowExecution> finishedExecution(
            JsonState.TenantData data, Instant cutoff) {
        Set<String> referenced = new HashSet<>();
        data.workflowExecutions.values().forEach(e -> {
            if (e.parentExecutionId() != null) {
                referenced.add(e.parentExecutionId());
            }
            if (e.forkedFrom() != null) {
                referenced.add(e.forkedFrom());
            }
        });
        data.routingDecisions.values().forEach(d -> {
            if (d.workflowExecutionId() != null) {
                referenced.add(d.workflowExecutionId());
            }
        });
        return e -> FINISHED_EXECUTION.contains(e.status()) && e.completedAt() != null
                && e.completedAt().isBefore(cutoff) && !referenced.contains(e.id());
    }

    private static Predicate<dev.orchestra.domain.resilience.CircuitBreaker> idleClosed(Instant cutoff) {
        return b -> b.state() == CircuitState.CLOSED && b.failureCount() == 0 && b.lastUpdated().isBefore(cutoff);
    }

    private static Predicate<dev.orchestra.domain.chat.ChatSession> archived(JsonState.TenantData data,
                                                                          Instant cutoff) {
        Set<String> unfinished = new HashSet<>();
        data.toolExecutions.values().forEach(e -> {
            if (!e.status().isFinal()) {
                unfinished.add(e.sessionId());
            }
        });
        return s -> s.status() == SessionStatus.ARCHIVED && s.lastModifiedAt().isBefore(cutoff)
                && !unfinished.contains(s.id());
    }

    private static Predicate<dev.orchestra.domain.observability.PerformanceMetric> rawBefore(Instant cutoff) {
        return m -> m.period() == dev.orchestra.domain.observability.MetricPeriod.INSTANT
                && m.periodStart().isBefore(cutoff);
    }

    private static Predicate<dev.orchestra.domain.observability.ClientSession> closedBefore(Instant cutoff) {
        return s -> !s.active() && s.closedAt() != null && s.closedAt().isBefore(cutoff);
    }

    /** The document is rewritten without the removed rows, and the journal emptied. */
    @Override
    public Reclaimed reclaim() {
        long before = maintenance.space().storeBytes();
        unitOfWork.exclusively(compact);
        return new Reclaimed(before, maintenance.space().storeBytes());
    }
}
