package dev.orchestra.domain.integrity;

import java.util.Locale;

/** The rules the integrity check applies (DOMAIN.md, integrity), each with its severity. */
public enum IntegrityRule {
    ENGINE_INTEGRITY(Severity.ERROR, "the engine's own check of pages and indexes"),
    ENGINE_FOREIGN_KEYS(Severity.ERROR, "the engine's foreign-key check"),
    TASK_AGENT_MISSING(Severity.ERROR, "a task points at a missing agent, or an active task at a deleted one"),
    PREFERENCE_TARGET_MISSING(Severity.ERROR, "a preference points at a missing repository or agent"),
    TASK_PARENT_CYCLE(Severity.ERROR, "parent tasks form a cycle"),
    TIMESTAMPS_OUT_OF_ORDER(Severity.ERROR, "a later moment is recorded before an earlier one"),
    VALUE_OUT_OF_RANGE(Severity.ERROR, "a value outside its enum or range"),
    REPOSITORY_STATISTICS(Severity.ERROR, "a repository's successful + failed tasks exceed its total"),
    CHAT_SEQUENCE(Severity.ERROR, "a session's message numbers have a gap or a duplicate"),
    CHAT_ORPHAN(Severity.ERROR, "a message, tool call, tool execution or attachment whose parent is missing"),
    STEP_ORPHAN(Severity.ERROR, "a step attempt of a missing workflow execution"),
    EXECUTION_HASH_UNKNOWN(Severity.ERROR, "an execution pinned to a definition hash no stored version has"),
    AGENT_COUNTERS(Severity.WARNING, "an agent's completed counter disagrees with its completed tasks"),
    TASK_COUNTERS(Severity.WARNING, "the hourly task counters disagree with the tasks"),
    ROUTING_DRIFT(Severity.WARNING, "routing statistics drift from the decisions' outcomes"),
    AGENT_OVER_CAPACITY(Severity.WARNING, "an agent holds more active tasks than its maxConcurrentTasks"),
    TASK_RUNNING_LONG(Severity.WARNING, "a task has been IN_PROGRESS for more than 24 hours"),
    AGENT_STALE(Severity.WARNING, "an agent not OFFLINE has not pinged for three health-check intervals"),
    CIRCUIT_PAST_RESET(Severity.WARNING, "an OPEN circuit is past its reset time"),
    APPROVAL_OVERDUE(Severity.WARNING, "a tool execution awaits an approval past its expiry"),
    EXECUTION_LEASE_EXPIRED(Severity.WARNING, "an incomplete execution's recovery lease expired over an hour ago");

    private final Severity severity;
    private final String description;

    IntegrityRule(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** As reports name it: {@code task-agent-missing}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
