package dev.orchestra.bootstrap;

import dev.orchestra.adapter.json.LegacyStateReader;
import dev.orchestra.application.migration.LegacyImporter;
import dev.orchestra.application.migration.LegacyImporterService;
import dev.orchestra.application.migration.LegacyMigrationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Legacy imports into the running store. */
@Configuration(proxyBeanMethods = false)
public class MigrationConfiguration {
    @Bean
    public static LegacyImporter legacyImporter(Wiring w, dev.orchestra.application.maintenance.StoreBackups backups) {
        return new LegacyImporterService(new LegacyMigrationService(new LegacyStateReader(), w.constraints(),
                w.clock(), store -> backups), w.store());
    }
}
