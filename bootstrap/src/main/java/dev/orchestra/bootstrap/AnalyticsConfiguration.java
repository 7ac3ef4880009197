package dev.orchestra.bootstrap;

import dev.orchestra.application.analytics.Analytics;
import dev.orchestra.application.analytics.AnalyticsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Analytics over the store's aggregates. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {
    @Bean
    public static Analytics analytics(Wiring w) {
        return new AnalyticsService(w.store().unitOfWork(), w.store().tasks(), w.store().agents(),
                w.store().repositories(), w.clock());
    }
}
