package dev.orchestra.bootstrap;

import dev.orchestra.adapter.rest.RestApi;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The Orchestra Store service: REST over the configured store. */
@SpringBootApplication
@EnableConfigurationProperties(OrchestraProperties.class)
// The bootstrap package's @Configuration classes (the storage switch, one per area) are found by the
// application's own scan, which stays inside this package; the REST adapter is imported.
@Import(RestApi.class)
public class OrchestraApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrchestraApplication.class, args);
    }
}
