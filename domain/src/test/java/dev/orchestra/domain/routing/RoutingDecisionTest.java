package dev.orchestra.domain.routing;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.decision;
import static dev.orchestra.domain.testing.TestData.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.testing.Records;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingDecisionTest {

    @Test
    void givenASuccessfulDecision_selectingAnExcludedCandidate_isRefusedNamingTheReason() {
        RoutingDecision d = decision("d1", "agent-1", T0);

        assertThatThrownBy(() -> Records.with(d, "selectedAgent", "other-agent"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("selectedAgent")
                .hasMessageContaining("circuit OPEN");
        assertThatThrownBy(() -> Records.with(d, "selectedAgent", "stranger"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("not one of the candidates");
    }

    @Test
    void givenCandidates_aRepeatedKeyOrANonFiniteScore_isRefusedNamingTheField() {
        RoutingDecision d = decision("d1", "agent-1", T0);

        assertThatThrownBy(() -> Records.with(d, "candidates", List.of(new RoutingCandidate("agent-1", 1, null),
                new RoutingCandidate("agent-1", 2, null)))).hasMessageContaining("candidates[1].agentKey");
        assertThatThrownBy(() -> new RoutingCandidate("a", Double.NaN, null))
                .hasMessageContaining("candidates.score");
        assertThatThrownBy(() -> Records.with(d, "agentScore", Double.POSITIVE_INFINITY))
                .hasMessageContaining("agentScore");
    }

    @Test
    void givenADecisionWithAnOutcome_withOutcome_isAConflict() {
        RoutingDecision done = decision("d1", "agent-1", T0).withOutcome(outcome(true, 5, T0));

        assertThatThrownBy(() -> done.withOutcome(outcome(true, 5, T0))).isInstanceOf(Conflict.class)
                .hasMessageContaining("recorded once");
    }

    @Test
    void givenStatistics_plus_countsTheOutcomeAndDerivesRateAndAverage() {
        RoutingStatistics s = RoutingStatistics.none(TENANT, "agent-1", T0)
                .plus(outcome(true, 100, T0), T0).plus(outcome(true, 200, T0), T0).plus(outcome(false, 1, T0), T0);

        assertThat(s.total()).isEqualTo(3);
        assertThat(s.successful()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.successRate()).isEqualTo(2.0 / 3);
        assertThat(s.averageDuration()).isEqualTo(Duration.ofMillis(301).dividedBy(3));
        assertThatThrownBy(() -> new RoutingStatistics(TENANT, "a", 3, 1, 1, Duration.ZERO, T0, 0))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("total");
    }
}
