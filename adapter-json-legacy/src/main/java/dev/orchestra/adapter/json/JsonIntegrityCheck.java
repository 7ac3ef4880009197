package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.IntegrityCheck;
import dev.orchestra.domain.integrity.IntegrityRule;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The integrity check of the JSON store: the same rules as the SQLite store's, over the rows in memory, one
 * pass per rule. Enum and range rules hold by construction here (a row breaking one does not load), and the
 * document has no engine to ask; an attachment's bytes are looked for in their file.
 */
final class JsonIntegrityCheck implements IntegrityCheck {
    private final JsonUnitOfWork unitOfWork;
    private final Path attachments;

    JsonIntegrityCheck(JsonUnitOfWork unitOfWork, Path attachments) {
        this.unitOfWork = unitOfWork;
        this.attachments = attachments;
    }

    @Override
    public List<Finding> check(Instant now, boolean full, int limitPerRule) {
        Map<IntegrityRule, Integer> counts = new EnumMap<>(IntegrityRule.class);
        List<Finding> findings = new ArrayList<>();
        JsonState state = unitOfWork.state();
        for (TenantId tenant : state.tenants().keySet()) {
            JsonState.TenantData d = state.of(tenant);
            Found found = (rule, entityType, ids, message) -> {
                if (counts.merge(rule, 1, Integer::sum) <= limitPerRule) {
                    findings.add(new Finding(rule, entityType, tenant, ids, message));
                }
            };
            tasks(d, now, found);
            agents(d, now, found);
            preferences(d, found);
            for (CodeRepository r : d.repositories.values()) {
                if (r.statistics().successfulTasks() + r.statistics().failedTasks() > r.statistics().totalTasks()) {
                    found.add(IntegrityRule.REPOSITORY_STATISTICS, "CodeRepository", List.of(r.id()), "successful "
                            + r.statistics().successfulTasks() + " + failed " + r.statistics().failedTasks()
                            + " exceed the total " + r.statistics().totalTasks());
                }
            }
            chat(d, now, found);
            workflows(d, now, found);
            routing(d, found);
            for (CircuitBreaker b : d.circuitBreakers.values()) {
                if (b.state() == CircuitState.OPEN && b.resetAt() != null && !b.resetAt().isAfter(now)) {
                    found.add(IntegrityRule.CIRCUIT_PAST_RESET, "CircuitBreaker", List.of(b.agentKey()),
                            "OPEN, to reset at " + b.resetAt());
                }
            }
        }
        return findings;
    }

    private interface Found {
        void add(IntegrityRule rule, String entityType, List<String> ids, String message);
    }

    private static void tasks(JsonState.TenantData d, Instant now, Found found) {
        Map<String, String> parentOf = new HashMap<>();
        for (Task t : d.tasks.values()) {
            Agent agent = t.agentId() == null ? null : d.agents.get(t.agentId());
            boolean active = t.status() == TaskStatus.ASSIGNED || t.status() == TaskStatus.IN_PROGRESS;
            if (t.agentId() != null && (agent == null || (agent.deletedAt() != null && active))) {
                found.add(IntegrityRule.TASK_AGENT_MISSING, "Task", List.of(t.id()), agent == null
                        ? "agent " + t.agentId() + " does not exist" : t.status() + " task of deleted agent "
                        + t.agentId());
            }
            before(found, "Task", t.id(), "created_at", t.createdAt(), "assigned_at", t.assignedAt());
            before(found, "Task", t.id(), "created_at", t.createdAt(), "started_at", t.startedAt());
            before(found, "Task", t.id(), "coalesce(started_at, created_at)",
                    t.startedAt() != null ? t.startedAt() : t.createdAt(), "completed_at", t.completedAt());
            if (t.status() == TaskStatus.IN_PROGRESS && t.startedAt() != null
                    && t.startedAt().isBefore(now.minus(Duration.ofDays(1)))) {
                found.add(IntegrityRule.TASK_RUNNING_LONG, "Task", List.of(t.id()), "IN_PROGRESS since "
                        + t.startedAt());
            }
            if (t.parentTaskId() != null) {
                parentOf.put(t.id(), t.parentTaskId());
            }
        }
        Set<String> seen = new HashSet<>();
        for (String start : new TreeSet<>(parentOf.keySet())) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            String at = start;
            while (at != null && !seen.contains(at) && onPath.add(at)) {
                path.add(at);
                at = parentOf.get(at);
            }
            if (at != null && onPath.contains(at)) {
                TreeSet<String> cycle = new TreeSet<>(path.subList(path.indexOf(at), path.size()));
                found.add(IntegrityRule.TASK_PARENT_CYCLE, "Task", List.copyOf(cycle), "the parent tasks of "
                        + String.join(", ", cycle) + " form a cycle");
            }
            seen.addAll(path);
        }
    }

    private static void agents(JsonState.TenantData d, Instant now, Found found) {
        Map<String, Long> completed = new HashMap<>();
        Map<String, Long> active = new HashMap<>();
        for (Task t : d.tasks.values()) {
            if (t.agentId() != null && t.status() == TaskStatus.COMPLETED) {
                completed.merge(t.agentId(), 1L, Long::sum);
            }
            if (t.agentId() != null && (t.status() == TaskStatus.ASSIGNED || t.status() == TaskStatus.IN_PROGRESS)) {
                active.merge(t.agentId(), 1L, Long::sum);
            }
        }
        for (Agent a : d.agents.values()) {
            before(found, "Agent", a.id(), "created_at", a.audit().createdAt(), "updated_at", a.audit().updatedAt());
            long done = completed.getOrDefault(a.id(), 0L);
            if (a.statistics().completed() != done) {
                found.add(IntegrityRule.AGENT_COUNTERS, "Agent", List.of(a.id()), "counts "
                        + a.statistics().completed() + " completed tasks; its COMPLETED tasks are " + done);
            }
            long holding = active.getOrDefault(a.id(), 0L);
            if (holding > a.maxConcurrentTasks()) {
                found.add(IntegrityRule.AGENT_OVER_CAPACITY, "Agent", List.of(a.id()), "holds " + holding
                        + " active tasks; at most " + a.maxConcurrentTasks());
            }
            if (a.deletedAt() == null && a.status() != AgentStatus.OFFLINE && a.lastPing() != null
                    && Duration.between(a.lastPing(), now).compareTo(a.healthCheckInterval().multipliedBy(3)) > 0) {
                found.add(IntegrityRule.AGENT_STALE, "Agent", List.of(a.id()), a.status() + ", last ping "
                        + a.lastPing());
            }
        }
    }

    private static void preferences(JsonState.TenantData d, Found found) {
        for (UserPreference p : d.preferences.values()) {
            String repository = p.scope().repositoryId();
            String agent = p.scope().agentId();
            if (repository != null && d.repositories.get(repository) == null) {
                found.add(IntegrityRule.PREFERENCE_TARGET_MISSING, "UserPreference", List.of(p.id()),
                        "repository " + repository + " does not exist");
            } else if (agent != null && d.agents.get(agent) == null) {
                found.add(IntegrityRule.PREFERENCE_TARGET_MISSING, "UserPreference", List.of(p.id()),
                        "agent " + agent + " does not exist");
            }
        }
    }

    private void chat(JsonState.TenantData d, Instant now, Found found) {
        Map<String, List<Long>> numbers = new HashMap<>();
        Set<String> messageIds = new HashSet<>();
        for (ChatMessage m : d.chatMessages.values()) {
            numbers.computeIfAbsent(m.sessionId(), k -> new ArrayList<>()).add(m.sequenceNumber());
            messageIds.add(m.id());
            if (d.chatSessions.get(m.sessionId()) == null) {
                found.add(IntegrityRule.CHAT_ORPHAN, "ChatMessage", List.of(m.id()), "session " + m.sessionId()
                        + " does not exist");
            }
        }
        for (ChatSession s : d.chatSessions.values()) {
            before(found, "ChatSession", s.id(), "created_at", s.createdAt(), "last_modified_at", s.lastModifiedAt());
            List<Long> of = numbers.getOrDefault(s.id(), List.of());
            long distinct = of.stream().distinct().count();
            long low = of.stream().mapToLong(Long::longValue).min().orElse(1);
            long high = of.stream().mapToLong(Long::longValue).max().orElse(0);
            if (distinct != of.size() || high != of.size() || low != 1 || high != s.messageCount()) {
                found.add(IntegrityRule.CHAT_SEQUENCE, "ChatSession", List.of(s.id()), "messages numbered "
                        + (of.isEmpty() ? 0 : low) + ".." + high + ": " + of.size() + " messages, " + distinct
                        + " distinct numbers; the session counts " + s.messageCount());
            }
        }
        for (ToolCall c : d.toolCalls.values()) {
            if (!messageIds.contains(c.messageId())) {
                found.add(IntegrityRule.CHAT_ORPHAN, "ToolCall", List.of(c.id()), "message " + c.messageId()
                        + " does not exist");
            }
        }
        for (ToolExecution e : d.toolExecutions.values()) {
            if (d.chatSessions.get(e.sessionId()) == null) {
                found.add(IntegrityRule.CHAT_ORPHAN, "ToolExecution", List.of(e.id()), "session " + e.sessionId()
                        + " does not exist");
            }
            before(found, "ToolExecution", e.id(), "coalesce(started_at, created_at)",
                    e.startedAt() != null ? e.startedAt() : e.createdAt(), "completed_at", e.completedAt());
            if (e.isOverdue(now)) {
                found.add(IntegrityRule.APPROVAL_OVERDUE, "ToolExecution", List.of(e.id()),
                        "awaiting approval; expired at " + e.approval().expiresAt());
            }
        }
        for (MessageAttachment a : d.attachments.values()) {
            if (!Files.isRegularFile(attachments.resolve(a.sha256()))) {
                found.add(IntegrityRule.CHAT_ORPHAN, "MessageAttachment", List.of(a.id()), "its bytes (SHA-256 "
                        + a.sha256() + ") are missing");
            } else if (!messageIds.contains(a.messageId())) {
                found.add(IntegrityRule.CHAT_ORPHAN, "MessageAttachment", List.of(a.id()), "message "
                        + a.messageId() + " does not exist");
            }
        }
    }

    private static void workflows(JsonState.TenantData d, Instant now, Found found) {
        Set<String> hashes = d.workflowDefinitions.values().stream().map(WorkflowDefinition::contentHash)
                .collect(Collectors.toSet());
        for (WorkflowExecution e : d.workflowExecutions.values()) {
            if (!hashes.contains(e.contentHash())) {
                found.add(IntegrityRule.EXECUTION_HASH_UNKNOWN, "WorkflowExecution", List.of(e.id()),
                        "pinned to definition hash " + e.contentHash() + ", which no stored version has");
            }
            before(found, "WorkflowExecution", e.id(), "created_at", e.createdAt(), "started_at", e.startedAt());
            before(found, "WorkflowExecution", e.id(), "coalesce(started_at, created_at)",
                    e.startedAt() != null ? e.startedAt() : e.createdAt(), "completed_at", e.completedAt());
            if (e.status().incomplete() && e.leaseExpiresAt() != null
                    && e.leaseExpiresAt().isBefore(now.minus(Duration.ofHours(1)))) {
                found.add(IntegrityRule.EXECUTION_LEASE_EXPIRED, "WorkflowExecution", List.of(e.id()), e.status()
                        + ", leased to " + e.executorId() + " until " + e.leaseExpiresAt());
            }
        }
        for (StepExecution s : d.workflowSteps.values()) {
            if (d.workflowExecutions.get(s.executionId()) == null) {
                found.add(IntegrityRule.STEP_ORPHAN, "StepExecution", List.of(s.executionId(), s.stepId(),
                        String.valueOf(s.attempt())), "execution " + s.executionId() + " does not exist");
            }
        }
    }

    private static void routing(JsonState.TenantData d, Found found) {
        Map<String, long[]> counted = new HashMap<>();
        for (RoutingDecision r : d.routingDecisions.values()) {
            if (r.outcome() != null) {
                long[] c = counted.computeIfAbsent(r.selectedAgent(), k -> new long[2]);
                c[0]++;
                c[1] += r.outcome().success() ? 1 : 0;
            }
        }
        for (RoutingStatistics s : d.routingStatistics.values()) {
            long[] c = counted.getOrDefault(s.agentKey(), new long[2]);
            if (s.total() != c[0] || s.successful() != c[1]) {
                found.add(IntegrityRule.ROUTING_DRIFT, "RoutingStatistics", List.of(s.agentKey()), "counts "
                        + s.total() + " outcomes, " + s.successful() + " successful; the decisions hold " + c[0]
                        + ", " + c[1]);
            }
        }
    }

    /** A TIMESTAMPS_OUT_OF_ORDER finding when both are known and the later one is before the earlier. */
    private static void before(Found found, String entityType, String id, String earlierName, Instant earlier,
                               String laterName, Instant later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            found.add(IntegrityRule.TIMESTAMPS_OUT_OF_ORDER, entityType, List.of(id), laterName + " " + later
                    + " is before " + earlierName + " " + earlier);
        }
    }
}
