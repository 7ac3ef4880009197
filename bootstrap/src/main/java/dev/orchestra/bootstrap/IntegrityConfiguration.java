package dev.orchestra.bootstrap;

import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.application.integrity.StoreIntegrityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integrity check of the whole store. */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfiguration {
    @Bean
    public static StoreIntegrity storeIntegrity(Wiring w) {
        return new StoreIntegrityService(w.store().unitOfWork(), w.store().integrity(), w.clock());
    }
}
