package dev.orchestra.bootstrap;

import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.domain.store.Store;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store's own meters, beside Spring's (HTTP requests per path and status give claims per second:
 * {@code http.server.requests{uri="/api/v1/tasks/claim"}}): the SQLite writer's queue depth, units and
 * commits (their ratio is the group-commit batch size) and the time units wait for the writer.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {
    @Bean
    MeterBinder storeMeters(Store store) {
        return registry -> {
            if (!(store instanceof SqliteStore sqlite)) {
                return;
            }
            Gauge.builder("orchestra.store.write.queue", sqlite, s -> s.writeStatistics().queued())
                    .description("write units waiting for the single writer").register(registry);
            FunctionCounter.builder("orchestra.store.write.units", sqlite, s -> s.writeStatistics().units())
                    .description("write units run").register(registry);
            FunctionCounter.builder("orchestra.store.commits", sqlite, s -> s.writeStatistics().commits())
                    .description("transactions committed (units / commits = the group-commit batch size)")
                    .register(registry);
            FunctionTimer.builder("orchestra.store.write.wait", sqlite, s -> s.writeStatistics().units(),
                            s -> s.writeStatistics().waitedNanos(), TimeUnit.NANOSECONDS)
                    .description("time write units waited for the writer").register(registry);
        };
    }
}
