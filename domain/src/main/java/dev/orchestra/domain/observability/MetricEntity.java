package dev.orchestra.domain.observability;

/** What a performance metric measures. */
public enum MetricEntity {
    AGENT, TASK, REPOSITORY, SYSTEM
}
