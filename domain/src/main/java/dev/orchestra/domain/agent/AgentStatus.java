package dev.orchestra.domain.agent;

public enum AgentStatus {
    IDLE, BUSY, ERROR, OFFLINE
}
