package dev.orchestra.bootstrap;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.domain.store.Store;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage switch: {@code orchestra.storage.type=sqlite|json} decides which store backs every port. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Closed when the context stops, after the web server has drained its requests. */
    @Bean(destroyMethod = "")
    Store store(OrchestraProperties properties, Validator validator, Clock clock) {
        OrchestraProperties.Storage settings = properties.storage();
        Path path = settings.resolvedPath();
        Store store = settings.type() == OrchestraProperties.StorageType.JSON
                ? JsonStore.open(path, validator, clock)
                : SqliteStore.open(settings.sqlite().settings(path));
        LOG.info("Orchestra Store opened {}", store.description());
        return store;
    }

    /**
     * Spring's disk-space health, pointed at the store's folder (not the working directory): a disk that
     * fills up turns health DOWN before writes start answering 507.
     */
    @Bean("diskSpaceHealthIndicator")
    org.springframework.boot.health.application.DiskSpaceHealthIndicator diskSpaceHealthIndicator(
            OrchestraProperties properties) {
        return new org.springframework.boot.health.application.DiskSpaceHealthIndicator(
                properties.storage().resolvedPath().toAbsolutePath().getParent().toFile(),
                properties.storage().minFreeSpace());
    }

    /** What every area's use cases are built from (see the {@code …Configuration} classes). */
    @Bean
    Wiring wiring(Store store, Validator validator, Clock clock, OrchestraProperties properties) {
        return Wiring.of(store, validator, clock, properties.tasks().leaseDuration());
    }

    /** Closes the store last and says so: what was committed is on disk from here on. */
    @Bean
    DisposableBean storeCloser(Store store) {
        return () -> {
            store.close();
            LOG.info("Orchestra Store closed {}", store.description());
        };
    }
}
