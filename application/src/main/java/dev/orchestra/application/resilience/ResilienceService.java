package dev.orchestra.application.resilience;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitBreakers;
import dev.orchestra.domain.resilience.CircuitFields;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.resilience.TransitionFields;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.VersionRequired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The circuit-breaker use cases. Each reads the stored breaker, runs the domain's state machine and saves
 * the result with its transitions in one unit of work; the store runs write units one at a time, so two
 * concurrent outcomes are both counted. Transitions, upserts and resets are audited; an outcome that only
 * moves a counter is kept in the breaker's row, not in the audit log.
 */
public final class ResilienceService implements Resilience {
    static final String BREAKER = CircuitBreaker.ENTITY;
    /** How many due circuits one recovery call moves at most; the next call takes the rest. */
    static final int RECOVERY_BATCH = 1000;

    private final UnitOfWork unitOfWork;
    private final CircuitBreakers breakers;
    private final StoreMaintenance maintenance;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;
    private final int defaultThreshold;
    private final Duration defaultCoolDown;

    public ResilienceService(UnitOfWork unitOfWork, CircuitBreakers breakers, StoreMaintenance maintenance,
                             ConstraintCheck constraints, Auditor auditor, Clock clock, int defaultThreshold,
                             Duration defaultCoolDown) {
        this.unitOfWork = unitOfWork;
        this.breakers = breakers;
        this.maintenance = maintenance;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
        if (defaultThreshold < 1 || defaultThreshold > CircuitBreaker.MAX_THRESHOLD) {
            throw new IllegalArgumentException("orchestra.resilience.failure-threshold must be 1 to "
                    + CircuitBreaker.MAX_THRESHOLD + ", not " + defaultThreshold);
        }
        if (defaultCoolDown.isNegative() || defaultCoolDown.isZero()
                || defaultCoolDown.compareTo(CircuitBreaker.MAX_COOL_DOWN) > 0) {
            throw new IllegalArgumentException("orchestra.resilience.cool-down must be longer than zero and at most "
                    + CircuitBreaker.MAX_COOL_DOWN + ", not " + defaultCoolDown);
        }
        this.defaultThreshold = defaultThreshold;
        this.defaultCoolDown = defaultCoolDown;
    }

    @Override
    public Page<CircuitBreaker> list(Caller caller, CircuitState state, PageRequest<CircuitBreaker> page) {
        Specification<CircuitBreaker> where = state == null ? Specification.all() : CircuitFields.STATE.eq(state);
        return unitOfWork.read(() -> breakers.find(caller.tenant(), where, page));
    }

    @Override
    public CircuitBreaker get(Caller caller, String agentKey) {
        return unitOfWork.read(() -> breakers.findByKey(caller.tenant(), agentKey))
                .orElseThrow(() -> new NotFound(BREAKER, agentKey));
    }

    @Override
    public Upserted upsert(Caller caller, String agentKey, Long expectedVersion, BreakerState s) {
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            CircuitBreaker current = breakers.findByKey(caller.tenant(), agentKey).orElse(null);
            if (current == null) {
                CircuitBreaker created = constraints.require(new CircuitBreaker(caller.tenant(), agentKey,
                        s.state() == null ? CircuitState.CLOSED : s.state(), orZero(s.failureCount()),
                        orZero(s.successCount()), s.failureThreshold() == null ? defaultThreshold
                        : s.failureThreshold(), s.coolDown() == null ? defaultCoolDown : s.coolDown(), s.openedAt(),
                        s.resetAt(), now, 0));
                CircuitBreaker stored = breakers.add(created);
                auditor.created(caller, BREAKER, agentKey, stored);
                return new Upserted(stored, true);
            }
            VersionRequired.check(BREAKER, agentKey, expectedVersion, current.version());
            CircuitState state = s.state() == null ? current.state() : s.state();
            boolean stateGiven = s.state() != null && s.state() != current.state();
            CircuitBreaker next = constraints.require(new CircuitBreaker(caller.tenant(), agentKey, state,
                    s.failureCount() == null ? current.failureCount() : s.failureCount(),
                    s.successCount() == null ? current.successCount() : s.successCount(),
                    s.failureThreshold() == null ? current.failureThreshold() : s.failureThreshold(),
                    s.coolDown() == null ? current.coolDown() : s.coolDown(),
                    stateGiven || s.openedAt() != null ? s.openedAt() : current.openedAt(),
                    stateGiven || s.resetAt() != null ? s.resetAt() : current.resetAt(), now, current.version()));
            CircuitBreaker stored = breakers.update(next);
            if (stateGiven) {
                breakers.append(new CircuitTransition(caller.tenant(), Ids.newId(),
                        agentKey, current.state(), state, "set by " + caller.userId(), stored.failureCount(),
                        stored.successCount(), now, caller.userId()));
            }
            auditor.changed(caller, BREAKER, agentKey, AuditAction.UPDATE, current, stored);
            return new Upserted(stored, false);
        });
    }

    @Override
    public CircuitBreaker recordOutcome(Caller caller, String agentKey, boolean success) {
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            CircuitBreaker current = breakers.findByKey(caller.tenant(), agentKey).orElse(null);
            boolean created = current == null;
            if (created) {
                current = constraints.require(CircuitBreaker.closed(caller.tenant(), agentKey, defaultThreshold,
                        defaultCoolDown, now));
            }
            CircuitBreaker.Moved moved = current.onOutcome(success, now, caller.userId());
            CircuitBreaker stored = created ? breakers.add(moved.breaker()) : breakers.update(moved.breaker());
            if (created) {
                auditor.created(caller, BREAKER, agentKey, stored);
            }
            saveTransitions(caller, stored, moved);
            return stored;
        });
    }

    @Override
    public CircuitBreaker reset(Caller caller, String agentKey) {
        return unitOfWork.write(() -> {
            CircuitBreaker current = breakers.findByKey(caller.tenant(), agentKey)
                    .orElseThrow(() -> new NotFound(BREAKER, agentKey));
            CircuitBreaker.Moved moved = current.reset(clock.instant(), caller.userId());
            CircuitBreaker stored = breakers.update(moved.breaker());
            moved.transitions().forEach(breakers::append);
            auditor.changed(caller, BREAKER, agentKey, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public List<CircuitBreaker> recover(Caller caller) {
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            List<CircuitBreaker> recovered = new ArrayList<>();
            for (CircuitBreaker due : breakers.dueForRecovery(caller.tenant(), now, RECOVERY_BATCH)) {
                CircuitBreaker.Moved moved = due.recover(now, caller.userId());
                CircuitBreaker stored = breakers.update(moved.breaker());
                saveTransitions(caller, stored, moved);
                recovered.add(stored);
            }
            return recovered;
        });
    }

    @Override
    public List<CircuitBreaker> recoverEveryTenant() {
        List<CircuitBreaker> recovered = new ArrayList<>();
        for (TenantId tenant : unitOfWork.read(maintenance::tenants)) {
            recovered.addAll(recover(Caller.system(tenant)));
        }
        return recovered;
    }

    @Override
    public Page<CircuitTransition> transitions(Caller caller, String agentKey,
                                               PageRequest<CircuitTransition> page) {
        return unitOfWork.read(() -> {
            Page<CircuitTransition> found = breakers.transitions(caller.tenant(),
                    TransitionFields.AGENT_KEY.eq(agentKey), page);
            if (found.totalItems() == 0 && breakers.findByKey(caller.tenant(), agentKey).isEmpty()) {
                throw new NotFound(BREAKER, agentKey);
            }
            return found;
        });
    }

    private void saveTransitions(Caller caller, CircuitBreaker after, CircuitBreaker.Moved moved) {
        for (CircuitTransition transition : moved.transitions()) {
            breakers.append(transition);
            auditor.recorded(caller, BREAKER, after.agentKey(), AuditAction.UPDATE, Map.of("from",
                    transition.from().name(), "to", transition.to().name(), "reason", transition.reason()));
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
