package dev.orchestra.application.agent;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Inbound port: the agents an orchestrator drives. */
public interface AgentRegistry {

    /** Filters of a listing; null means "any". */
    record AgentQuery(AgentStatus status, String repositoryPath, String type) {
    }

    /** How loaded an agent is: active tasks against its maximum. */
    record AgentLoad(String agentId, AgentStatus status, long activeTasks, int maxConcurrentTasks) {
        public double utilisation() {
            return (double) activeTasks / maxConcurrentTasks;
        }
    }

    Agent register(Caller caller, Agent.Registration registration);

    /** {@code expectedVersion} must be the current version: null is {@code VersionRequired}, another {@code Conflict}. */
    Agent update(Caller caller, String id, Long expectedVersion, Agent.Registration registration);

    Agent heartbeat(Caller caller, String id, AgentStatus reportedStatus);

    void delete(Caller caller, String id, Long expectedVersion);

    /** Brings a soft-deleted agent back (OFFLINE until its next heartbeat); its history was kept. */
    Agent restore(Caller caller, String id);

    Agent get(Caller caller, String id);

    Page<Agent> list(Caller caller, AgentQuery query, PageRequest<Agent> page);

    /** IDLE agents with room for work, best first: on the path, then fastest, then least used. */
    List<Agent> available(Caller caller, String repositoryPath);

    Optional<Agent> bestAvailable(Caller caller, String repositoryPath);

    /** Agents whose lastPing is older than the threshold, oldest first. */
    List<Agent> stale(Caller caller, Duration olderThan);

    List<AgentLoad> load(Caller caller);

    /** Lifetime counters and what the agent finished in the last {@code period} (default 30 days). */
    AgentPeriodStatistics statistics(Caller caller, String id, Duration period);
}
