package dev.orchestra.domain.agent;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/**
 * The agents of each tenant. Soft-deleted agents are invisible to {@link #findById} and {@link #find};
 * {@link #findIncludingDeleted} is for history. Call inside a {@code UnitOfWork}.
 */
public interface Agents {
    Optional<Agent> findById(TenantId tenant, String id);

    Optional<Agent> findIncludingDeleted(TenantId tenant, String id);

    /** Stores a new agent as given (new ones are at version 0); an existing id (deleted or not) is a {@code Conflict}. */
    Agent add(Agent agent);

    /**
     * An edit of what a client may change (or a deletion or restore): writes the agent if its version is
     * still current and returns it at the next version; else {@code Conflict}.
     */
    Agent update(Agent agent);

    /**
     * The agent's run-time state changed (status, last ping, current task, statistics): writes it if its
     * version is still current and keeps that version, because only the editable fields are versioned
     * (a heartbeat must not make an operator's ETag stale); else {@code Conflict}.
     */
    Agent recordState(Agent agent);

    Page<Agent> find(TenantId tenant, Specification<Agent> where, PageRequest<Agent> page);

    /** Like {@link #find}, deleted agents included: for copies and history. */
    Page<Agent> findWithDeleted(TenantId tenant, Specification<Agent> where, PageRequest<Agent> page);

    long count(TenantId tenant, Specification<Agent> where);
}
