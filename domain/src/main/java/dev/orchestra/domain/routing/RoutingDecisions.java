package dev.orchestra.domain.routing;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The routing decisions of each tenant (append-only, each with its outcome once) and the agents' running
 * statistics. Call inside a {@code UnitOfWork}.
 */
public interface RoutingDecisions {
    Optional<RoutingDecision> findById(TenantId tenant, String id);

    /** Appends a decision (with its outcome, when it has one already); an existing id is a {@code Conflict}. */
    RoutingDecision add(RoutingDecision decision);

    /**
     * Sets the outcome of a stored decision that has none; {@code NotFound} for an unknown id and a
     * {@code Conflict} when an outcome is already recorded (never overwritten).
     */
    RoutingDecision recordOutcome(TenantId tenant, String id, RoutingOutcome outcome);

    Page<RoutingDecision> find(TenantId tenant, Specification<RoutingDecision> where,
                               PageRequest<RoutingDecision> page);

    Optional<RoutingStatistics> statistics(TenantId tenant, String agentKey);

    /**
     * Stores an agent's figures: a new row, as given, when the agent has none (a copy keeps its version);
     * else a version-checked replacement (a stale version is a {@code Conflict}) that counts the version
     * up. Answers the row as stored.
     */
    RoutingStatistics save(RoutingStatistics statistics);

    Page<RoutingStatistics> statistics(TenantId tenant, Specification<RoutingStatistics> where,
                                       PageRequest<RoutingStatistics> page);

    /**
     * The figures counted afresh from the outcomes of the decisions routed at or after {@code since}, one
     * per selected agent that has any (version 0, {@code lastUpdated = now}), ordered by agent key.
     */
    List<RoutingStatistics> recount(TenantId tenant, Instant since, Instant now);
}
