package dev.orchestra.bootstrap;

import dev.orchestra.application.observability.ClientPresence;
import dev.orchestra.application.observability.ClientPresenceService;
import dev.orchestra.application.observability.MetricsSeries;
import dev.orchestra.application.observability.MetricsSeriesService;
import dev.orchestra.application.observability.OrchestrationLogging;
import dev.orchestra.application.observability.OrchestrationLoggingService;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The orchestration log, performance metrics with their roll-ups, and client sessions with their cleanup. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ObservabilityConfiguration.class);

    @Bean
    public static OrchestrationLogging orchestrationLogging(Wiring w) {
        return new OrchestrationLoggingService(w.store().unitOfWork(), w.store().logs(), w.constraints(), w.clock());
    }

    @Bean
    public static MetricsSeries metricsSeries(Wiring w) {
        return new MetricsSeriesService(w.store().unitOfWork(), w.store().metrics(), w.store().maintenance(),
                w.constraints(), w.clock());
    }

    @Bean
    public static ClientPresence clientPresence(Wiring w, OrchestraProperties properties) {
        return clientPresence(w, properties.observability().clientStaleAfter());
    }

    public static ClientPresence clientPresence(Wiring w, Duration staleAfter) {
        return new ClientPresenceService(w.store().unitOfWork(), w.store().clientSessions(), w.store().maintenance(),
                w.constraints(), w.auditor(), w.clock(), staleAfter);
    }

    @Bean(destroyMethod = "close")
    PeriodicJob metricRollup(MetricsSeries metrics, OrchestraProperties properties) {
        return new PeriodicJob("metric-rollup", properties.observability().rollupPeriod(), () -> {
            int written = metrics.rollUp();
            if (written > 0) {
                LOG.info("metric roll-up: {} hourly or daily rows written", written);
            }
        });
    }

    @Bean(destroyMethod = "close")
    PeriodicJob clientSessionCleanup(ClientPresence presence, OrchestraProperties properties) {
        return new PeriodicJob("client-session-cleanup", properties.observability().clientSweepPeriod(), () -> {
            int closed = presence.closeStale();
            if (closed > 0) {
                LOG.info("client sessions: {} silent for longer than {} closed", closed,
                        properties.observability().clientStaleAfter());
            }
        });
    }

    /** The service's own warnings and errors, copied into the orchestration log. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            name = "orchestra.observability.record-service-logs", matchIfMissing = true)
    ServiceLogRecorder serviceLogRecorder(OrchestrationLogging logging) {
        return ServiceLogRecorder.attach(logging);
    }
}
