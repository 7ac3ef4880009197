package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.decision;
import static dev.orchestra.domain.testing.TestData.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.routing.DecisionFields;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.routing.StatisticsFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code RoutingDecisions} must have. */
public abstract class RoutingDecisionsContractTest extends StoreContract {

    @Test
    void givenADecisionWithCandidates_add_thenItReadsBackEqualAfterReopenInItsTenantOnly() {
        RoutingDecision d = decision("d1", "agent-1", T0);

        write(() -> store.routingDecisions().add(d));
        reopen();

        assertThat(read(() -> store.routingDecisions().findById(TENANT, "d1"))).contains(d);
        assertThat(read(() -> store.routingDecisions().findById(OTHER_TENANT, "d1"))).isEmpty();
        assertThat(d.candidates()).hasSize(2);
    }

    @Test
    void givenAStoredDecision_addingTheSameId_isAConflictAndKeepsTheFirst() {
        RoutingDecision first = write(() -> store.routingDecisions().add(decision("d1", "agent-1", T0)));

        assertThatThrownBy(() -> write(() -> store.routingDecisions().add(decision("d1", "agent-2", T0))))
                .isInstanceOf(Conflict.class);
        assertThat(read(() -> store.routingDecisions().findById(TENANT, "d1"))).contains(first);
    }

    @Test
    void givenADecision_recordOutcome_setsItOnceAndASecondIsAConflictThatKeepsTheFirst() {
        write(() -> store.routingDecisions().add(decision("d1", "agent-1", T0)));

        RoutingDecision recorded = write(() -> store.routingDecisions().recordOutcome(TENANT, "d1",
                outcome(true, 1500, T0.plusSeconds(2))));
        reopen();

        assertThat(read(() -> store.routingDecisions().findById(TENANT, "d1"))).contains(recorded);
        assertThat(recorded.outcome().duration()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> write(() -> store.routingDecisions().recordOutcome(TENANT, "d1",
                outcome(false, 10, T0.plusSeconds(3))))).isInstanceOf(Conflict.class);
        assertThat(read(() -> store.routingDecisions().findById(TENANT, "d1"))).contains(recorded);
        assertThatThrownBy(() -> write(() -> store.routingDecisions().recordOutcome(TENANT, "nope",
                outcome(true, 1, T0)))).isInstanceOf(NotFound.class);
    }

    @Test
    void givenDecisions_find_filtersBySelectedAgentAndTimeNewestFirst() {
        writeVoid(() -> {
            store.routingDecisions().add(decision("d1", "agent-1", T0));
            store.routingDecisions().add(decision("d2", "agent-2", T0.plusSeconds(1)));
            store.routingDecisions().add(decision("d3", "agent-1", T0.plusSeconds(2)));
        });

        Page<RoutingDecision> page = read(() -> store.routingDecisions().find(TENANT,
                DecisionFields.SELECTED_AGENT.eq("agent-1").and(DecisionFields.ROUTED_AT.atOrAfter(T0)),
                new PageRequest<>(0, 10, List.of(DecisionFields.ROUTED_AT.desc()))));

        assertThat(page.items()).extracting(RoutingDecision::id).containsExactly("d3", "d1");
        assertThat(page.items().get(0).candidates()).hasSize(2);
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void givenStatistics_save_insertsThenChecksTheVersion() {
        RoutingStatistics none = RoutingStatistics.none(TENANT, "agent-1", T0);
        RoutingStatistics first = write(() -> store.routingDecisions().save(
                none.plus(outcome(true, 100, T0), T0)));
        RoutingStatistics second = write(() -> store.routingDecisions().save(
                first.plus(outcome(false, 300, T0), T0.plusSeconds(1))));
        reopen();

        assertThat(read(() -> store.routingDecisions().statistics(TENANT, "agent-1"))).contains(second);
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.successRate()).isEqualTo(0.5);
        assertThat(second.averageDuration()).isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> write(() -> store.routingDecisions().save(first))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenStatistics_find_filtersAndSortsBySuccessRate() {
        writeVoid(() -> {
            store.routingDecisions().save(stats("a", 10, 9));
            store.routingDecisions().save(stats("b", 10, 5));
            store.routingDecisions().save(stats("c", 2, 0));
            store.routingDecisions().save(stats("d", 4, 3));
        });

        Page<RoutingStatistics> under = read(() -> store.routingDecisions().statistics(TENANT,
                StatisticsFields.SUCCESS_RATE.before(0.8).and(StatisticsFields.TOTAL.atOrAfter(3L)),
                new PageRequest<>(0, 10, List.of(StatisticsFields.SUCCESS_RATE.asc()))));
        Page<RoutingStatistics> top = read(() -> store.routingDecisions().statistics(TENANT, Specification.all(),
                new PageRequest<>(0, 2, List.of(StatisticsFields.SUCCESS_RATE.desc()))));

        assertThat(under.items()).extracting(RoutingStatistics::agentKey).containsExactly("b", "d");
        assertThat(top.items()).extracting(RoutingStatistics::agentKey).containsExactly("a", "d");
    }

    @Test
    void givenOutcomes_recount_countsOnlyDecisionsWithOutcomesSinceTheDate() {
        writeVoid(() -> {
            store.routingDecisions().add(decision("old", "agent-1", T0.minusSeconds(60))
                    .withOutcome(outcome(true, 1000, T0)));
            store.routingDecisions().add(decision("d1", "agent-1", T0).withOutcome(outcome(true, 100, T0)));
            store.routingDecisions().add(decision("d2", "agent-1", T0.plusSeconds(1))
                    .withOutcome(outcome(false, 200, T0)));
            store.routingDecisions().add(decision("d3", "agent-2", T0.plusSeconds(2))
                    .withOutcome(outcome(true, 50, T0)));
            store.routingDecisions().add(decision("open", "agent-2", T0.plusSeconds(3)));
        });

        List<RoutingStatistics> recount = read(() -> store.routingDecisions().recount(TENANT, T0, T0.plusSeconds(9)));

        assertThat(recount).containsExactly(
                new RoutingStatistics(TENANT, "agent-1", 2, 1, 1, Duration.ofMillis(300), T0.plusSeconds(9), 0),
                new RoutingStatistics(TENANT, "agent-2", 1, 1, 0, Duration.ofMillis(50), T0.plusSeconds(9), 0));
        assertThat(read(() -> store.routingDecisions().recount(OTHER_TENANT, T0, T0))).isEmpty();
    }

    private static RoutingStatistics stats(String agent, long total, long successful) {
        return new RoutingStatistics(TENANT, agent, total, successful, total - successful,
                Duration.ofSeconds(total), T0, 0);
    }
}
