package dev.orchestra.bootstrap;

import dev.orchestra.application.audit.AuditQuery;
import dev.orchestra.application.audit.AuditQueryService;
import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.application.integrity.StoreIntegrityService;
import dev.orchestra.application.maintenance.StoreBackups;
import dev.orchestra.application.maintenance.StoreBackupsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeping the store healthy: the integrity check, backups with their manifests, the audit trail's queries. */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfiguration {
    @Bean
    public static StoreIntegrity storeIntegrity(Wiring w) {
        return new StoreIntegrityService(w.store().unitOfWork(), w.store().integrity(), w.clock());
    }

    @Bean
    public static StoreBackups storeBackups(Wiring w, OrchestraProperties properties) {
        return new StoreBackupsService(w.store().maintenance(),
                new FileBackupCatalog(properties.storage().resolvedPath()), w.clock());
    }

    @Bean
    public static AuditQuery auditQuery(Wiring w) {
        return new AuditQueryService(w.store().unitOfWork(), w.store().auditTrail());
    }
}
