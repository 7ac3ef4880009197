package dev.orchestra.domain.resilience;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);

    private static CircuitBreaker closed() {
        return CircuitBreaker.closed(TENANT, "agent-1", 3, COOL_DOWN, T0);
    }

    private static CircuitBreaker failTimes(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            breaker = breaker.onOutcome(false, T0, "router").breaker();
        }
        return breaker;
    }

    @Test
    void givenAClosedCircuit_failuresBelowTheThreshold_areCountedWithoutATransition() {
        CircuitBreaker.Moved moved = failTimes(closed(), 1).onOutcome(false, T0.plusSeconds(1), "router");

        assertThat(moved.breaker().state()).isEqualTo(CircuitState.CLOSED);
        assertThat(moved.breaker().failureCount()).isEqualTo(2);
        assertThat(moved.transitions()).isEmpty();
    }

    @Test
    void givenAClosedCircuit_theThresholdthFailure_opensItForTheCoolDownWithAReason() {
        CircuitBreaker.Moved moved = failTimes(closed(), 2).onOutcome(false, T0.plusSeconds(5), "router");

        assertThat(moved.breaker().state()).isEqualTo(CircuitState.OPEN);
        assertThat(moved.breaker().openedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(moved.breaker().resetAt()).isEqualTo(T0.plusSeconds(35));
        assertThat(moved.transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(CircuitState.CLOSED);
            assertThat(t.to()).isEqualTo(CircuitState.OPEN);
            assertThat(t.reason()).contains("3 consecutive failures");
            assertThat(t.failureCount()).isEqualTo(3);
            assertThat(t.by()).isEqualTo("router");
        });
    }

    @Test
    void givenFailuresThenASuccess_theFailuresAreNoLongerConsecutive() {
        CircuitBreaker breaker = failTimes(closed(), 2).onOutcome(true, T0, "router").breaker();

        assertThat(breaker.failureCount()).isZero();
        assertThat(breaker.successCount()).isEqualTo(1);
        assertThat(failTimes(breaker, 2).state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void givenAnOpenCircuit_anOutcomeBeforeItsResetTime_isCountedAndKeepsItOpenUntilTheSameTime() {
        CircuitBreaker open = failTimes(closed(), 3);

        CircuitBreaker.Moved moved = open.onOutcome(true, T0.plusSeconds(29), "router");

        assertThat(moved.breaker().state()).isEqualTo(CircuitState.OPEN);
        assertThat(moved.breaker().resetAt()).isEqualTo(open.resetAt());
        assertThat(moved.breaker().successCount()).isEqualTo(open.successCount() + 1);
        assertThat(moved.transitions()).isEmpty();
    }

    @Test
    void givenAnOpenCircuitPastItsResetTime_aSuccess_isTheTrialAndClosesIt() {
        CircuitBreaker.Moved moved = failTimes(closed(), 3).onOutcome(true, T0.plusSeconds(30), "router");

        assertThat(moved.breaker().state()).isEqualTo(CircuitState.CLOSED);
        assertThat(moved.breaker().failureCount()).isZero();
        assertThat(moved.breaker().openedAt()).isNull();
        assertThat(moved.transitions()).extracting(CircuitTransition::to)
                .containsExactly(CircuitState.HALF_OPEN, CircuitState.CLOSED);
    }

    @Test
    void givenAHalfOpenCircuit_aFailure_opensItAgainForAFullCoolDown() {
        CircuitBreaker half = failTimes(closed(), 3).recover(T0.plusSeconds(40), "system").breaker();

        CircuitBreaker.Moved moved = half.onOutcome(false, T0.plusSeconds(50), "router");

        assertThat(half.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(moved.breaker().state()).isEqualTo(CircuitState.OPEN);
        assertThat(moved.breaker().resetAt()).isEqualTo(T0.plusSeconds(80));
        assertThat(moved.transitions()).singleElement().extracting(CircuitTransition::reason)
                .isEqualTo("trial call failed");
    }

    @Test
    void givenAnOpenCircuit_recover_movesItOnlyOnceItsResetTimeHasCome() {
        CircuitBreaker open = failTimes(closed(), 3);

        assertThat(open.recover(T0.plusSeconds(29), "system").transitions()).isEmpty();
        assertThat(open.recover(T0.plusSeconds(29), "system").breaker()).isEqualTo(open);
        CircuitBreaker.Moved recovered = open.recover(T0.plusSeconds(30), "system");
        assertThat(recovered.breaker().state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(recovered.transitions()).singleElement().extracting(CircuitTransition::by).isEqualTo("system");
    }

    @Test
    void givenAnyCircuit_reset_closesItWithZeroCountsAndATransitionOnlyWhenTheStateChanges() {
        CircuitBreaker.Moved fromOpen = failTimes(closed(), 3).reset(T0.plusSeconds(1), "ops");
        CircuitBreaker.Moved fromClosed = failTimes(closed(), 1).reset(T0.plusSeconds(1), "ops");

        assertThat(fromOpen.breaker().state()).isEqualTo(CircuitState.CLOSED);
        assertThat(fromOpen.breaker().failureCount()).isZero();
        assertThat(fromOpen.transitions()).singleElement().extracting(CircuitTransition::reason)
                .isEqualTo("reset by an operator");
        assertThat(fromClosed.breaker().failureCount()).isZero();
        assertThat(fromClosed.transitions()).isEmpty();
    }

    @Test
    void givenInconsistentTimes_theConstructor_refusesThem() {
        assertThatThrownBy(() -> new CircuitBreaker(TENANT, "a", CircuitState.OPEN, 0, 0, 3, COOL_DOWN, T0, null, T0,
                0)).isInstanceOf(ValidationFailed.class).hasMessageContaining("resetAt");
        assertThatThrownBy(() -> new CircuitBreaker(TENANT, "a", CircuitState.CLOSED, 0, 0, 3, COOL_DOWN, T0, null,
                T0, 0)).isInstanceOf(ValidationFailed.class).hasMessageContaining("openedAt");
        assertThatThrownBy(() -> new CircuitBreaker(TENANT, "a", CircuitState.OPEN, 0, 0, 3, COOL_DOWN, T0,
                T0.minusSeconds(1), T0, 0)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> CircuitBreaker.closed(TENANT, "a", 3, Duration.ofDays(31), T0))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("coolDown");
    }
}
