package dev.orchestra.adapter.json;

import dev.orchestra.domain.routing.DecisionFields;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingDecisions;
import dev.orchestra.domain.routing.RoutingOutcome;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.routing.StatisticsFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link RoutingDecisions} in the JSON document's {@code Orchestra} section. */
final class JsonRoutingDecisions implements RoutingDecisions {
    private static final String DECISION = RoutingDecision.ENTITY;
    private static final String STATISTICS = RoutingStatistics.ENTITY;
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonRoutingDecisions(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<RoutingDecision> findById(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).routingDecisions.get(id));
    }

    @Override
    public RoutingDecision add(RoutingDecision decision) {
        door.check(DECISION, decision);
        JsonState.TenantData data = unitOfWork.state().mutable(decision.tenantId());
        if (data.routingDecisions.containsKey(decision.id())) {
            throw Conflict.alreadyExists(DECISION, decision.id());
        }
        data.routingDecisions.put(decision.id(), decision);
        return decision;
    }

    @Override
    public RoutingDecision recordOutcome(TenantId tenant, String id, RoutingOutcome outcome) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        RoutingDecision current = data.routingDecisions.get(id);
        if (current == null) {
            throw new NotFound(DECISION, id);
        }
        RoutingDecision next = current.withOutcome(outcome);
        door.check(DECISION, next);
        data.routingDecisions.put(id, next);
        return next;
    }

    @Override
    public Page<RoutingDecision> find(TenantId tenant, Specification<RoutingDecision> where,
                                      PageRequest<RoutingDecision> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).routingDecisions.values(), where, page,
                DecisionFields.ID);
    }

    @Override
    public Optional<RoutingStatistics> statistics(TenantId tenant, String agentKey) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).routingStatistics.get(agentKey));
    }

    @Override
    public RoutingStatistics save(RoutingStatistics statistics) {
        door.check(STATISTICS, statistics);
        JsonState.TenantData data = unitOfWork.state().mutable(statistics.tenantId());
        RoutingStatistics current = data.routingStatistics.get(statistics.agentKey());
        RoutingStatistics stored = statistics;
        if (current != null) {
            if (current.version() != statistics.version()) {
                throw Conflict.staleVersion(STATISTICS, statistics.agentKey(), statistics.version());
            }
            stored = statistics.withVersion(statistics.version() + 1);
        }
        data.routingStatistics.put(statistics.agentKey(), stored);
        return stored;
    }

    @Override
    public Page<RoutingStatistics> statistics(TenantId tenant, Specification<RoutingStatistics> where,
                                              PageRequest<RoutingStatistics> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).routingStatistics.values(), where, page,
                StatisticsFields.AGENT_KEY);
    }

    @Override
    public List<RoutingStatistics> recount(TenantId tenant, Instant since, Instant now) {
        Map<String, RoutingStatistics> byAgent = new TreeMap<>();
        for (RoutingDecision d : unitOfWork.state().of(tenant).routingDecisions.values()) {
            if (d.outcome() != null && !d.routedAt().isBefore(since)) {
                byAgent.merge(d.selectedAgent(), RoutingStatistics.none(tenant, d.selectedAgent(), now)
                        .plus(d.outcome(), now), JsonRoutingDecisions::sum);
            }
        }
        return List.copyOf(byAgent.values());
    }

    private static RoutingStatistics sum(RoutingStatistics a, RoutingStatistics b) {
        Duration total = a.totalDuration().plus(b.totalDuration());
        return new RoutingStatistics(a.tenantId(), a.agentKey(), a.total() + b.total(),
                a.successful() + b.successful(), a.failed() + b.failed(), total, a.lastUpdated(), 0);
    }
}
