package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.openBreaker;
import static dev.orchestra.domain.testing.TestData.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitFields;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.resilience.TransitionFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.testing.Records;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code CircuitBreakers} must have. */
public abstract class CircuitBreakersContractTest extends StoreContract {

    @Test
    void givenAnOpenBreaker_add_thenItReadsBackEqualAfterReopenInItsTenantOnly() {
        CircuitBreaker breaker = openBreaker("agent-1");

        write(() -> store.circuitBreakers().add(breaker));
        reopen();

        assertThat(read(() -> store.circuitBreakers().findByKey(TENANT, "agent-1"))).contains(breaker);
        assertThat(read(() -> store.circuitBreakers().findByKey(OTHER_TENANT, "agent-1"))).isEmpty();
    }

    @Test
    void givenAStoredBreaker_addingTheSameKey_isAConflict() {
        write(() -> store.circuitBreakers().add(openBreaker("agent-1")));

        assertThatThrownBy(() -> write(() -> store.circuitBreakers().add(
                CircuitBreaker.closed(TENANT, "agent-1", null, null, T0)))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenAStoredBreaker_update_checksTheVersionAndCountsIt() {
        CircuitBreaker stored = write(() -> store.circuitBreakers().add(openBreaker("agent-1")));
        CircuitBreaker reset = stored.reset(T0.plusSeconds(5), "ops").breaker();

        CircuitBreaker updated = write(() -> store.circuitBreakers().update(reset));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(read(() -> store.circuitBreakers().findByKey(TENANT, "agent-1"))).contains(updated);
        assertThat(updated.state()).isEqualTo(CircuitState.CLOSED);
        assertThatThrownBy(() -> write(() -> store.circuitBreakers().update(reset))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.circuitBreakers().update(
                CircuitBreaker.closed(TENANT, "nobody", null, null, T0)))).isInstanceOf(NotFound.class);
    }

    @Test
    void givenBreakersInEveryState_dueForRecovery_givesTheOpenOnesPastTheirResetLongestDueFirst() {
        write(() -> {
            store.circuitBreakers().add(openBreaker("late"));
            store.circuitBreakers().add(Records.with(Records.with(openBreaker("early"), "openedAt", T0.minusSeconds(60)),
                    "resetAt", T0));
            store.circuitBreakers().add(Records.with(Records.with(openBreaker("future"), "resetAt",
                    T0.plusSeconds(3600)), "openedAt", T0));
            store.circuitBreakers().add(Records.with(openBreaker("half"), "state", CircuitState.HALF_OPEN));
            return store.circuitBreakers().add(CircuitBreaker.closed(TENANT, "closed", null, null, T0));
        });

        List<CircuitBreaker> due = read(() -> store.circuitBreakers().dueForRecovery(TENANT, T0.plusSeconds(60), 10));
        List<CircuitBreaker> first = read(() -> store.circuitBreakers().dueForRecovery(TENANT, T0.plusSeconds(60),
                1));

        assertThat(due).extracting(CircuitBreaker::agentKey).containsExactly("early", "late");
        assertThat(first).extracting(CircuitBreaker::agentKey).containsExactly("early");
        assertThat(read(() -> store.circuitBreakers().dueForRecovery(OTHER_TENANT, T0.plusSeconds(60), 10)))
                .isEmpty();
    }

    @Test
    void givenBreakers_find_filtersByStateAndPages() {
        write(() -> {
            store.circuitBreakers().add(openBreaker("b"));
            store.circuitBreakers().add(openBreaker("a"));
            return store.circuitBreakers().add(CircuitBreaker.closed(TENANT, "c", 2, Duration.ofSeconds(5), T0));
        });

        var open = read(() -> store.circuitBreakers().find(TENANT, CircuitFields.STATE.eq(CircuitState.OPEN),
                new PageRequest<>(0, 1, List.of(CircuitFields.AGENT_KEY.asc()))));

        assertThat(open.totalItems()).isEqualTo(2);
        assertThat(open.items()).extracting(CircuitBreaker::agentKey).containsExactly("a");
    }

    @Test
    void givenTransitions_theyAreKeptAndListedNewestFirstPerBreaker() {
        write(() -> {
            store.circuitBreakers().append(transition("t1", "agent-1", T0));
            store.circuitBreakers().append(transition("t2", "agent-1", T0.plusSeconds(60)));
            store.circuitBreakers().append(transition("t3", "agent-2", T0.plusSeconds(30)));
            return null;
        });
        reopen();

        var history = read(() -> store.circuitBreakers().transitions(TENANT, TransitionFields.AGENT_KEY.eq("agent-1"),
                new PageRequest<>(0, 50, List.of(TransitionFields.AT.desc()))));

        assertThat(history.items()).extracting(CircuitTransition::id).containsExactly("t2", "t1");
        assertThat(history.items().get(1)).isEqualTo(transition("t1", "agent-1", T0));
        assertThat(read(() -> store.circuitBreakers().transitions(OTHER_TENANT, Specification.all(),
                new PageRequest<>(0, 50, List.of()))).totalItems()).isZero();
    }

    @Test
    void givenAKeyOverTheLimit_add_isRefusedAtTheSchemaDoorAndNothingIsStored() {
        CircuitBreaker tooLong = CircuitBreaker.closed(TENANT, "k".repeat(201), null, null, T0);

        assertThatThrownBy(() -> write(() -> store.circuitBreakers().add(tooLong)))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("agentKey");
        assertThat(read(() -> store.circuitBreakers().find(TENANT, Specification.all(),
                new PageRequest<>(0, 50, List.of()))).totalItems()).isZero();
    }
}
