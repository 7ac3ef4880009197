package dev.orchestra.bootstrap;

import dev.orchestra.application.access.ApiKeyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API keys: their management and the authentication of each request. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {
    /** One service for both ports, so a key made through one is known to the other at once. */
    @Bean
    public static ApiKeyService apiKeys(Wiring w) {
        return new ApiKeyService(w.store().unitOfWork(), w.store().apiKeys(), w.store().agents(), w.constraints(),
                w.auditor(), w.clock());
    }
}
