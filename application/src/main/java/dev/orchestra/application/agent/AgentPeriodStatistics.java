package dev.orchestra.application.agent;

import dev.orchestra.domain.agent.AgentStatistics;
import java.time.Duration;
import java.time.Instant;

/**
 * An agent's figures: its lifetime counters, and what it finished in a period (tasks completed,
 * failed or cancelled between {@code from} and {@code to}, by their completion time).
 */
public record AgentPeriodStatistics(
        String agentId,
        AgentStatistics lifetime,
        Instant from,
        Instant to,
        long completed,
        long failed,
        long cancelled,
        Duration averageExecutionTime) {

    /** Success share of what finished in the period: the "recent" success rate. */
    public double successRate() {
        long finished = completed + failed;
        return finished == 0 ? 0.0 : (double) completed / finished;
    }
}
