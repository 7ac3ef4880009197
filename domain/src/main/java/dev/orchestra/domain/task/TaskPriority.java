package dev.orchestra.domain.task;

/** Declaration order is rank: a claim takes the highest first. */
public enum TaskPriority {
    LOW, NORMAL, HIGH, CRITICAL
}
