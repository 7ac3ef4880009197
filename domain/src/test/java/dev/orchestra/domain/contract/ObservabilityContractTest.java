package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.ClientSessionFields;
import dev.orchestra.domain.observability.LogFields;
import dev.orchestra.domain.observability.LogLevel;
import dev.orchestra.domain.observability.MetricEntity;
import dev.orchestra.domain.observability.MetricFields;
import dev.orchestra.domain.observability.MetricPeriod;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code OrchestrationLogs}, {@code PerformanceMetrics} and {@code ClientSessions} must have. */
public abstract class ObservabilityContractTest extends StoreContract {

    private static OrchestrationLog log(String id, LogLevel level, String category, int second) {
        return new OrchestrationLog(TENANT, id, level, category, "message " + id,
                new JsonDocument("{\"n\":" + second + "}"), T0.plusSeconds(second));
    }

    @Test
    void givenLogEntries_find_filtersByLevelCategoryAndTimeInTheirTenantAfterReopen() {
        writeVoid(() -> {
            store.logs().append(log("l1", LogLevel.INFO, "router", 1));
            store.logs().append(log("l2", LogLevel.WARN, "router", 2));
            store.logs().append(log("l3", LogLevel.ERROR, "ui", 3));
        });
        reopen();

        List<OrchestrationLog> warnings = read(() -> store.logs().find(TENANT,
                LogFields.LEVEL.in(LogLevel.WARN, LogLevel.ERROR), new PageRequest<>(0, 10,
                        List.of(LogFields.TIMESTAMP.desc()))).items());
        assertThat(warnings).extracting(OrchestrationLog::id).containsExactly("l3", "l2");
        assertThat(warnings.get(1)).isEqualTo(log("l2", LogLevel.WARN, "router", 2));
        assertThat(read(() -> store.logs().find(TENANT, LogFields.CATEGORY.eq("router")
                .and(LogFields.TIMESTAMP.atOrAfter(T0.plusSeconds(2))), PageRequest.first(10, List.of())).items()))
                .extracting(OrchestrationLog::id).containsExactly("l2");
        assertThat(read(() -> store.logs().find(OTHER_TENANT, Specification.all(), PageRequest.first(10, List.of()))
                .totalItems())).isZero();
    }

    @Test
    void givenSamplesAndARollUp_find_answersEachPeriodAndATakenIdIsAConflict() {
        PerformanceMetric sample = PerformanceMetric.sample(TENANT, "s1", MetricEntity.AGENT, "agent-1", "duration",
                1.5, "s", T0);
        PerformanceMetric hourly = new PerformanceMetric(TENANT, "h1", MetricEntity.AGENT, "agent-1", "duration", 2.0,
                "s", MetricPeriod.HOURLY, T0, T0.plusSeconds(3600), 4, 1.0, 3.0, 0.7071067811865476);
        writeVoid(() -> {
            store.metrics().add(sample);
            store.metrics().add(hourly);
        });
        reopen();

        assertThat(read(() -> store.metrics().findById(TENANT, "h1"))).contains(hourly);
        assertThat(read(() -> store.metrics().findById(OTHER_TENANT, "h1"))).isEmpty();
        assertThat(read(() -> store.metrics().find(TENANT, MetricFields.PERIOD.eq(MetricPeriod.INSTANT)
                .and(MetricFields.NAME.eq("duration")), PageRequest.first(10, List.of())).items()))
                .containsExactly(sample);
        assertThatThrownBy(() -> write(() -> store.metrics().add(sample))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenAClientSession_update_checksTheVersionAndAnUnknownOneIsNotFound() {
        ClientSession opened = ClientSession.open(TENANT, "c1", "ui-1", new JsonDocument("{\"tab\":\"tasks\"}"), T0);
        write(() -> store.clientSessions().add(opened));
        ClientSession beat = opened.heartbeat(null, T0.plusSeconds(30));

        ClientSession stored = write(() -> store.clientSessions().update(beat));
        reopen();

        assertThat(stored.version()).isEqualTo(1);
        assertThat(read(() -> store.clientSessions().findById(TENANT, "c1"))).contains(stored);
        assertThat(read(() -> store.clientSessions().find(TENANT, ClientSessionFields.ACTIVE.eq(true),
                PageRequest.first(10, List.of())).items())).containsExactly(stored);
        assertThatThrownBy(() -> write(() -> store.clientSessions().update(beat))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.clientSessions().add(opened))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.clientSessions().update(
                ClientSession.open(TENANT, "nobody", "ui", null, T0)))).isInstanceOf(NotFound.class);
        assertThat(read(() -> store.clientSessions().findById(OTHER_TENANT, "c1"))).isEmpty();
    }
}
