package dev.orchestra.domain.maintenance;

import java.util.Locale;

/**
 * What retention may remove, each by its own age. Never removed whatever its age: unfinished work (a task or
 * execution not finished, a session with a tool execution still pending, running or awaiting approval), an
 * OPEN or HALF_OPEN circuit, and anything a kept row still refers to (a task's children, an agent's current
 * task, a task or execution a routing decision names, an execution another one was started or forked from).
 */
public enum RetentionKind {
    /** COMPLETED, FAILED or CANCELLED tasks, by completion time. */
    FINISHED_TASKS,
    /** Finished workflow executions with their step records, by completion time. */
    FINISHED_WORKFLOW_EXECUTIONS,
    /** Routing decisions with their candidates, by routing time; the statistics stay. */
    ROUTING_DECISIONS,
    /** Circuit transitions (the newest of each circuit stays) and CLOSED circuits with no failures, by time. */
    CIRCUIT_HISTORY,
    /** ARCHIVED chat sessions with their messages, tool calls, tool executions and attachments. */
    ARCHIVED_CHAT_SESSIONS,
    /** Orchestration log entries, by timestamp. */
    ORCHESTRATION_LOGS,
    /** Raw metric samples (INSTANT), by time: their hours and days are rolled up within two days. */
    RAW_METRICS,
    /** Closed client sessions, by the time they were closed. */
    CLOSED_CLIENT_SESSIONS,
    /** Audit entries, by timestamp. */
    AUDIT_ENTRIES;

    /** The kebab-case name used in configuration ({@code orchestra.retention.finished-tasks}) and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
