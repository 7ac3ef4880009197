package dev.orchestra.domain.agent;

import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.PositiveDuration;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An AI agent the orchestrator drives. Immutable: behaviour returns the next state. The canonical
 * constructor is what stores use to reconstitute; use cases start from {@link #register}.
 */
public record Agent(
        @NotNull TenantId tenantId,
        @NotNull @Size(min = 1, max = 128) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
        @NotBlank @SingleLine @Size(max = 255) String name,
        @NotBlank @SingleLine @Size(max = 100) String type,
        @NotBlank @SingleLine @Size(max = 500) String repositoryPath,
        @SingleLine @Size(max = 128) String repositoryId,
        @NotNull AgentStatus status,
        @NotNull Instant lastPing,
        @SingleLine @Size(max = 128) String currentTaskId,
        @SingleLine @Size(max = 128) String sessionId,
        @NotNull @Size(max = Agent.MAX_CAPABILITIES) Set<@NotBlank @SingleLine @Size(max = 100) String> capabilities,
        @JsonSize(max = JsonSize.SETTINGS) JsonDocument configuration,
        @JsonSize(max = Agent.MAX_LEGACY_ATTRIBUTES) JsonDocument legacyAttributes,
        @Min(1) @Max(10) int maxConcurrentTasks,
        @NotNull @PositiveDuration Duration healthCheckInterval,
        @NotNull @Valid AgentStatistics statistics,
        @NotNull @Valid AuditFields audit,
        Instant deletedAt,
        @SingleLine @Size(max = 128) String deletedBy,
        long version) {
    /** The entity type this aggregate is known by in audit entries and messages. */
    public static final String ENTITY = "Agent";


    /** Letters, digits and {@code . _ : @ -}, but not dots alone: "." and ".." name other paths in a URL. */
    public static final String ID_PATTERN = "(?!\\.+$)[A-Za-z0-9._:@-]+";
    public static final String ID_MESSAGE = "may contain only letters, digits and . _ : @ - (not dots alone)";
    public static final int DEFAULT_MAX_CONCURRENT_TASKS = 1;
    public static final int MAX_CAPABILITIES = 100;
    /** Unknown fields of a legacy agent, kept verbatim: generous, but not unbounded. */
    public static final int MAX_LEGACY_ATTRIBUTES = 1_048_576;
    public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofMinutes(1);

    public Agent {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastPing, "lastPing");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(healthCheckInterval, "healthCheckInterval");
        // Sorted, so both stores return capabilities in one order.
        capabilities = capabilities == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(capabilities));
    }

    /** What a registration says; absent optional values take the documented defaults. */
    public record Registration(
            String id,
            String name,
            String type,
            String repositoryPath,
            String repositoryId,
            Set<String> capabilities,
            Integer maxConcurrentTasks,
            Duration healthCheckInterval,
            JsonDocument configuration,
            String sessionId) {
    }

    public static Agent register(TenantId tenant, String id, Registration r, Instant now, String by) {
        return new Agent(tenant, id, r.name(), r.type(), r.repositoryPath(), r.repositoryId(), AgentStatus.IDLE, now,
                null, r.sessionId(), r.capabilities(), r.configuration(), null,
                r.maxConcurrentTasks() == null ? DEFAULT_MAX_CONCURRENT_TASKS : r.maxConcurrentTasks(),
                r.healthCheckInterval() == null ? DEFAULT_HEALTH_CHECK_INTERVAL : r.healthCheckInterval(),
                AgentStatistics.NONE, AuditFields.createdNow(now, by), null, null, 0);
    }

    /** The same state at another version: stores use it to return what they wrote. */
    /** The completed counter recomputed from the agent's tasks (a repair); the other figures stay. */
    public Agent withCompletedCount(long completed, Instant now) {
        return new Agent(tenantId, id, name, type, repositoryPath, repositoryId, status, lastPing, currentTaskId,
                sessionId, capabilities, configuration, legacyAttributes, maxConcurrentTasks, healthCheckInterval,
                new AgentStatistics(completed, statistics.failed(), statistics.totalExecutionTime()),
                audit.touched(now, "repair"), deletedAt, deletedBy, version);
    }

    public Agent withVersion(long newVersion) {
        return new Agent(tenantId, id, name, type, repositoryPath, repositoryId, status, lastPing, currentTaskId,
                sessionId, capabilities, configuration, legacyAttributes, maxConcurrentTasks, healthCheckInterval,
                statistics, audit, deletedAt, deletedBy, newVersion);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Replaces what a client may edit; status, statistics and history stay. */
    public Agent withDetails(Registration r, String resolvedRepositoryId, Instant now, String by) {
        return new Agent(tenantId, id, r.name(), r.type(), r.repositoryPath(), resolvedRepositoryId, status, lastPing,
                currentTaskId, r.sessionId() == null ? sessionId : r.sessionId(), r.capabilities(),
                r.configuration(), legacyAttributes,
                r.maxConcurrentTasks() == null ? maxConcurrentTasks : r.maxConcurrentTasks(),
                r.healthCheckInterval() == null ? healthCheckInterval : r.healthCheckInterval(),
                statistics, audit.touched(now, by), deletedAt, deletedBy, version);
    }

    public Agent heartbeat(AgentStatus reported, Instant now) {
        return new Agent(tenantId, id, name, type, repositoryPath, repositoryId, reported == null ? status : reported,
                now, currentTaskId, sessionId, capabilities, configuration, legacyAttributes, maxConcurrentTasks,
                healthCheckInterval, statistics, audit, deletedAt, deletedBy, version);
    }

    public Agent deleted(Instant now, String by) {
        return new Agent(tenantId, id, name, type, repositoryPath, repositoryId, AgentStatus.OFFLINE, lastPing,
                currentTaskId, sessionId, capabilities, configuration, legacyAttributes, maxConcurrentTasks,
                healthCheckInterval, statistics, audit.touched(now, by), now, by, version);
    }

    /** Undoes a soft delete: the agent is back, OFFLINE until it reports again. */
    public Agent restored(Instant now, String by) {
        return new Agent(tenantId, id, name, type, repositoryPath, repositoryId, AgentStatus.OFFLINE, lastPing,
                currentTaskId, sessionId, capabilities, configuration, legacyAttributes, maxConcurrentTasks,
                healthCheckInterval, statistics, audit.touched(now, by), null, null, version);
    }

    /** A claim: the agent is BUSY with this task. */
    public Agent startedWorkOn(String taskId, Instant now) {
        return withWork(AgentStatus.BUSY, taskId, statistics, now);
    }

    /**
     * A task of this agent ended. With no active task left the agent is IDLE again, otherwise it
     * stays BUSY on {@code nextActiveTaskId}.
     */
    public Agent finishedWork(AgentStatistics newStatistics, String nextActiveTaskId, Instant now) {
        AgentStatus next = nextActiveTaskId == null
                ? (status == AgentStatus.BUSY ? AgentStatus.IDLE : status)
                : AgentStatus.BUSY;
        return withWork(next, nextActiveTaskId, newStatistics, now);
    }

    public boolean canTakeWork(long activeTasks) {
        return !isDeleted() && (status == AgentStatus.IDLE || status == AgentStatus.BUSY)
                && activeTasks < maxConcurrentTasks;
    }

    private Agent withWork(AgentStatus newStatus, String taskId, AgentStatistics newStatistics, Instant now) {
        return new Agent(tenantId, id, name, type, repositoryPath, repositoryId, newStatus, lastPing, taskId,
                sessionId, capabilities, configuration, legacyAttributes, maxConcurrentTasks, healthCheckInterval,
                newStatistics, audit.touched(now, audit.updatedBy()), deletedAt, deletedBy, version);
    }
}
