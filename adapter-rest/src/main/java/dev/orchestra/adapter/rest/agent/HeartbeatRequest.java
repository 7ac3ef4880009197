package dev.orchestra.adapter.rest.agent;

import dev.orchestra.domain.agent.AgentStatus;

/** Body of a heartbeat: the status the agent reports, if any. */
public record HeartbeatRequest(AgentStatus status) {
}
