package dev.orchestra.domain.observability;

/** How much an orchestration log entry matters, lowest first. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR
}
