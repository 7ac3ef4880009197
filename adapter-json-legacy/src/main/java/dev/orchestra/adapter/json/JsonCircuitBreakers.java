package dev.orchestra.adapter.json;

import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitBreakers;
import dev.orchestra.domain.resilience.CircuitFields;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.resilience.TransitionFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link CircuitBreakers} in the JSON document's {@code Orchestra} section. */
final class JsonCircuitBreakers implements CircuitBreakers {
    private static final String BREAKER = CircuitBreaker.ENTITY;
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonCircuitBreakers(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<CircuitBreaker> findByKey(TenantId tenant, String agentKey) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).circuitBreakers.get(agentKey));
    }

    @Override
    public CircuitBreaker add(CircuitBreaker breaker) {
        door.check(BREAKER, breaker);
        JsonState.TenantData data = unitOfWork.state().mutable(breaker.tenantId());
        if (data.circuitBreakers.containsKey(breaker.agentKey())) {
            throw Conflict.alreadyExists(BREAKER, breaker.agentKey());
        }
        data.circuitBreakers.put(breaker.agentKey(), breaker);
        return breaker;
    }

    @Override
    public CircuitBreaker update(CircuitBreaker breaker) {
        door.check(BREAKER, breaker);
        JsonState.TenantData data = unitOfWork.state().mutable(breaker.tenantId());
        CircuitBreaker current = data.circuitBreakers.get(breaker.agentKey());
        if (current == null) {
            throw new NotFound(BREAKER, breaker.agentKey());
        }
        if (current.version() != breaker.version()) {
            throw Conflict.staleVersion(BREAKER, breaker.agentKey(), breaker.version());
        }
        CircuitBreaker stored = breaker.withVersion(breaker.version() + 1);
        data.circuitBreakers.put(breaker.agentKey(), stored);
        return stored;
    }

    @Override
    public Page<CircuitBreaker> find(TenantId tenant, Specification<CircuitBreaker> where,
                                     PageRequest<CircuitBreaker> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).circuitBreakers.values(), where, page,
                CircuitFields.AGENT_KEY);
    }

    @Override
    public List<CircuitBreaker> dueForRecovery(TenantId tenant, Instant now, int limit) {
        return unitOfWork.state().of(tenant).circuitBreakers.values().stream()
                .filter(b -> b.state() == CircuitState.OPEN && !b.resetAt().isAfter(now))
                .sorted(Comparator.comparing(CircuitBreaker::resetAt).thenComparing(CircuitBreaker::agentKey))
                .limit(limit).toList();
    }

    @Override
    public void append(CircuitTransition transition) {
        door.check(CircuitTransition.ENTITY, transition);
        unitOfWork.state().mutable(transition.tenantId()).circuitTransitions.add(transition);
    }

    @Override
    public Page<CircuitTransition> transitions(TenantId tenant, Specification<CircuitTransition> where,
                                               PageRequest<CircuitTransition> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).circuitTransitions.rows(), where, page,
                TransitionFields.ID);
    }
}
