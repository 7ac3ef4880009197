package dev.orchestra.domain.testing;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
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
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Object mothers: valid aggregates with every field set, to vary one thing at a time. */
public final class TestData {
    public static final TenantId TENANT = TenantId.DEFAULT;
    public static final TenantId OTHER_TENANT = new TenantId("acme");
    /** Nanosecond precision on purpose: stores must keep every digit. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private TestData() {
    }

    public static Agent agent(String id, String path) {
        return new Agent(TENANT, id, "Agent " + id, "claude-code", path, null, AgentStatus.IDLE, T0, null,
                "session-" + id, Set.of("git", "java"), new JsonDocument("{\"model\":\"opus\",\"temperature\":0.2}"),
                null, 2, Duration.ofSeconds(90), new AgentStatistics(3, 1, Duration.ofMillis(4500)),
                AuditFields.createdNow(T0, "tester"), null, null, 0);
    }

    public static Agent agent(String id, String path, AgentStatus status, Instant lastPing) {
        Agent a = agent(id, path);
        return new Agent(a.tenantId(), a.id(), a.name(), a.type(), a.repositoryPath(), a.repositoryId(), status,
                lastPing, a.currentTaskId(), a.sessionId(), a.capabilities(), a.configuration(),
                a.legacyAttributes(), a.maxConcurrentTasks(), a.healthCheckInterval(), a.statistics(), a.audit(),
                a.deletedAt(), a.deletedBy(), a.version());
    }

    public static Agent inTenant(Agent a, TenantId tenant) {
        return new Agent(tenant, a.id(), a.name(), a.type(), a.repositoryPath(), a.repositoryId(), a.status(),
                a.lastPing(), a.currentTaskId(), a.sessionId(), a.capabilities(), a.configuration(),
                a.legacyAttributes(), a.maxConcurrentTasks(), a.healthCheckInterval(), a.statistics(), a.audit(),
                a.deletedAt(), a.deletedBy(), a.version());
    }

    public static Task task(String id, String path) {
        return task(id, path, TaskPriority.NORMAL, T0);
    }

    public static Task task(String id, String path, TaskPriority priority, Instant createdAt) {
        return Task.enqueue(TENANT, id, new Task.NewTask(id, "run " + id, path, priority, "corr-" + id, null,
                null, null), null, createdAt);
    }

    public static Task child(String id, String parentId, Instant createdAt) {
        return Task.enqueue(TENANT, id, new Task.NewTask(id, "run " + id, "/repo", TaskPriority.NORMAL, null,
                parentId, "wf-1", 1), null, createdAt);
    }

    /** A finished task with every optional field set. */
    public static Task completedTask(String id, String agentId) {
        return new Task(TENANT, id, "mvn -q verify \"quoted\" \\ back", "C:\\Sources\\Demo", null, agentId,
                TaskPriority.CRITICAL, TaskStatus.COMPLETED, T0, T0.plusMillis(1), T0.plusSeconds(2),
                T0.plusSeconds(62).plusNanos(7), "ok: ünïcødé ✓", null, 2, "corr-" + id, "wf-9", 3, null,
                new TaskProgress(100, "done", T0.plusSeconds(62)), null, T0.plusSeconds(62), 0);
    }

    public static CodeRepository repository(String id, String path) {
        return new CodeRepository(TENANT, id, "repo " + id, path, "a repository", RepositoryType.GIT, true,
                new JsonDocument("{\"lfs\":true}"), "main", Set.of("build", "test"), AccessLevel.READ_WRITE,
                "owner", new RepositoryStatistics(10, 7, 2, Duration.ofSeconds(70), T0), 7.5, 0.77, T0,
                AuditFields.createdNow(T0, "tester"), 0);
    }

    public static dev.orchestra.domain.template.TaskTemplate template(String id) {
        return new dev.orchestra.domain.template.TaskTemplate(TENANT, id, "Build and Test", "compile, then test",
                "build", "1.2.0", true,
                java.util.List.of(new dev.orchestra.domain.template.TemplateStep("git checkout {{branch}}", "checkout"),
                        new dev.orchestra.domain.template.TemplateStep("mvn -q verify -T {{threads}}", "build")),
                java.util.Map.of("branch", new dev.orchestra.domain.template.TemplateParameter(
                                dev.orchestra.domain.template.ParameterType.STRING, "main", false),
                        "threads", new dev.orchestra.domain.template.TemplateParameter(
                                dev.orchestra.domain.template.ParameterType.INTEGER, null, true)),
                Set.of("ci", "java"), AuditFields.createdNow(T0, "tester"), 0);
    }

    public static UserPreference preference(String id, PreferenceScope scope, String key, String value) {
        return new UserPreference(TENANT, id, scope, key, value, ValueType.STRING, "ui", "a setting", false,
                false, AuditFields.createdNow(T0, "tester"), 0);
    }

    /** An OPEN breaker (opened at T0, reset one minute later) with a threshold of 3 and counts set. */
    public static dev.orchestra.domain.resilience.CircuitBreaker openBreaker(String agentKey) {
        return new dev.orchestra.domain.resilience.CircuitBreaker(TENANT, agentKey,
                dev.orchestra.domain.resilience.CircuitState.OPEN, 3, 7, 3, Duration.ofMinutes(1), T0,
                T0.plusSeconds(60), T0, 0);
    }

    public static dev.orchestra.domain.resilience.CircuitTransition transition(String id, String agentKey,
                                                                               Instant at) {
        return new dev.orchestra.domain.resilience.CircuitTransition(TENANT, id, agentKey,
                dev.orchestra.domain.resilience.CircuitState.CLOSED, dev.orchestra.domain.resilience.CircuitState.OPEN,
                "failure threshold reached (3 consecutive failures, threshold 3)", 3, 7, at, "router");
    }

    /** A decision for {@code agent} among two candidates (one excluded), without its outcome. */
    public static dev.orchestra.domain.routing.RoutingDecision decision(String id, String agent, Instant at) {
        return new dev.orchestra.domain.routing.RoutingDecision(TENANT, id, "task-" + id, "build", "java", agent,
                TaskPriority.HIGH, 0.875, "capability-match", List.of(
                        new dev.orchestra.domain.routing.RoutingCandidate(agent, 0.875, null),
                        new dev.orchestra.domain.routing.RoutingCandidate("other-agent", 0.25, "circuit OPEN")),
                true, null, 0, Duration.ofMillis(3), at, null, null, null);
    }

    public static dev.orchestra.domain.routing.RoutingOutcome outcome(boolean success, long millis, Instant at) {
        return new dev.orchestra.domain.routing.RoutingOutcome(success, Duration.ofMillis(millis),
                success ? null : "exit code 1", at);
    }

    /** Version {@code version} of workflow {@code name}: build, then test and lint after it. */
    public static dev.orchestra.domain.workflow.WorkflowDefinition definition(String id, String name,
                                                                             String version) {
        return dev.orchestra.domain.workflow.WorkflowDefinition.create(TENANT, id,
                new dev.orchestra.domain.workflow.WorkflowDefinition.Content(name, version, List.of(
                        new dev.orchestra.domain.workflow.WorkflowStep("build", "shell", "mvn package", List.of()),
                        new dev.orchestra.domain.workflow.WorkflowStep("test", "shell", "mvn test", List.of("build")),
                        new dev.orchestra.domain.workflow.WorkflowStep("lint", "agent", null, List.of("build"))),
                        new JsonDocument("{\"type\":\"object\"}"), null, "ci", Set.of("java"), "alice", true),
                null, T0, "alice");
    }

    public static dev.orchestra.domain.workflow.WorkflowExecution execution(String id,
            dev.orchestra.domain.workflow.WorkflowDefinition definition, Instant at) {
        return dev.orchestra.domain.workflow.WorkflowExecution.start(TENANT, id, definition,
                new JsonDocument("{\"branch\":\"main\"}"), JsonDocument.EMPTY, "alice", Set.of("nightly"), null, at);
    }

    public static dev.orchestra.domain.workflow.StepExecution step(String executionId, String stepId, int attempt,
                                                                   long position,
                                                                   dev.orchestra.domain.workflow.StepStatus status,
                                                                   Instant at) {
        return new dev.orchestra.domain.workflow.StepExecution(TENANT, executionId, stepId, attempt, position, status,
                null, status == dev.orchestra.domain.workflow.StepStatus.COMPLETED
                ? new JsonDocument("{\"ok\":true}") : null,
                status == dev.orchestra.domain.workflow.StepStatus.FAILED ? "exit 1" : null, at,
                status.ended() ? at.plusSeconds(1) : null, at.plusSeconds(1));
    }

    public static dev.orchestra.domain.chat.ChatSession chatSession(String id, String userId) {
        return dev.orchestra.domain.chat.ChatSession.open(TENANT, id, new dev.orchestra.domain.chat.ChatSession.Details(
                "Refactor the parser", "why the tokenizer is slow", userId, "agent-1", null, "claude-opus", "anthropic",
                new java.math.BigDecimal("0.0125"), Duration.ofSeconds(42), new dev.orchestra.domain.chat.SessionMetadata(
                        Set.of("parser"), "a summary", new JsonDocument("{\"priority\":1}"))), T0);
    }

    public static dev.orchestra.domain.chat.ChatMessage chatMessage(String id, String sessionId, long sequence,
                                                                    String content) {
        return dev.orchestra.domain.chat.ChatMessage.numbered(TENANT, id, sessionId,
                new dev.orchestra.domain.chat.ChatMessage.NewMessage(id, dev.orchestra.domain.chat.MessageRole.USER,
                        content, 12, null, null, null), sequence, T0.plusSeconds(sequence));
    }

    public static dev.orchestra.domain.chat.ToolCall toolCall(String id, String messageId, String sessionId,
                                                              String name) {
        return new dev.orchestra.domain.chat.ToolCall(TENANT, id, messageId, sessionId, name,
                new JsonDocument("{\"path\":\"src/Main.java\"}"), new JsonDocument("{\"lines\":120}"), true, null,
                T0, Duration.ofMillis(35));
    }

    /** A request in session {@code sessionId}, waiting for approval until an hour after T0 when asked to. */
    public static dev.orchestra.domain.chat.ToolExecution toolExecution(String id, String sessionId,
                                                                        boolean requiresApproval) {
        return dev.orchestra.domain.chat.ToolExecution.requested(TENANT, id, sessionId,
                new dev.orchestra.domain.chat.ToolExecution.Request(id, null, "run_shell",
                        new JsonDocument("{\"command\":\"rm -rf build\"}"), "agent-1", requiresApproval,
                        requiresApproval ? T0.plusSeconds(3600) : null), T0);
    }

    public static dev.orchestra.domain.chat.MessageAttachment attachment(String id, String messageId,
                                                                         String sessionId, byte[] content) {
        return new dev.orchestra.domain.chat.MessageAttachment(TENANT, id, messageId, sessionId, id + ".txt",
                "text/plain; charset=UTF-8", content.length, dev.orchestra.domain.shared.Digests.sha256(content), T0);
    }
}
