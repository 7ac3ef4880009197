package dev.orchestra.domain.resilience;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The circuit breakers of each tenant and their transitions. Call inside a {@code UnitOfWork}. */
public interface CircuitBreakers {
    Optional<CircuitBreaker> findByKey(TenantId tenant, String agentKey);

    /** Stores a new breaker; an existing key is a {@code Conflict}. */
    CircuitBreaker add(CircuitBreaker breaker);

    /** Version-checked; a stale version is a {@code Conflict}, an unknown key {@code NotFound}. */
    CircuitBreaker update(CircuitBreaker breaker);

    Page<CircuitBreaker> find(TenantId tenant, Specification<CircuitBreaker> where,
                              PageRequest<CircuitBreaker> page);

    /** OPEN circuits whose {@code resetAt} is at or before {@code now}, the longest due first. */
    List<CircuitBreaker> dueForRecovery(TenantId tenant, Instant now, int limit);

    /** Appends a transition (append-only: there is no update or removal). */
    void append(CircuitTransition transition);

    Page<CircuitTransition> transitions(TenantId tenant, Specification<CircuitTransition> where,
                                        PageRequest<CircuitTransition> page);
}
