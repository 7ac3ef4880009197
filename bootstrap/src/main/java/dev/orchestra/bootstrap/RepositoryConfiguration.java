package dev.orchestra.bootstrap;

import dev.orchestra.application.repository.RepositoryCatalog;
import dev.orchestra.application.repository.RepositoryCatalogService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The code repositories area. */
@Configuration(proxyBeanMethods = false)
public class RepositoryConfiguration {
    @Bean
    public static RepositoryCatalog repositoryCatalog(Wiring w) {
        return new RepositoryCatalogService(w.store().unitOfWork(), w.store().repositories(), w.constraints(),
                w.auditor(), w.clock());
    }
}
