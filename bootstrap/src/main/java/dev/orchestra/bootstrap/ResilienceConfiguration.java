package dev.orchestra.bootstrap;

import dev.orchestra.application.resilience.Resilience;
import dev.orchestra.application.resilience.ResilienceService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The circuit breakers, and the recovery of expired OPEN circuits at start-up and every period. */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ResilienceConfiguration.class);

    @Bean
    public static Resilience resilience(Wiring w, OrchestraProperties properties) {
        return resilience(w, properties.resilience().failureThreshold(), properties.resilience().coolDown());
    }

    /** The use cases with the given defaults for a breaker created by its first outcome. */
    public static Resilience resilience(Wiring w, int failureThreshold, Duration coolDown) {
        return new ResilienceService(w.store().unitOfWork(), w.store().circuitBreakers(), w.store().maintenance(),
                w.constraints(), w.auditor(), w.clock(), failureThreshold, coolDown);
    }

    @Bean(destroyMethod = "close")
    PeriodicJob circuitRecovery(Resilience resilience, OrchestraProperties properties) {
        return new PeriodicJob("circuit-recovery", properties.resilience().recoveryPeriod(), () -> {
            List<?> recovered = resilience.recoverEveryTenant();
            if (!recovered.isEmpty()) {
                LOG.info("circuit recovery: {} circuit(s) past their reset time are HALF_OPEN", recovered.size());
            }
        });
    }
}
