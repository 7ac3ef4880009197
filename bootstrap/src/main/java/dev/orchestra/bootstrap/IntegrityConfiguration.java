package dev.orchestra.bootstrap;

import dev.orchestra.application.audit.AuditQuery;
import dev.orchestra.application.audit.AuditQueryService;
import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.application.integrity.StoreIntegrityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeping the store healthy: the integrity check of the whole store, and the audit trail's queries. */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfiguration {
    @Bean
    public static StoreIntegrity storeIntegrity(Wiring w) {
        return new StoreIntegrityService(w.store().unitOfWork(), w.store().integrity(), w.clock());
    }

    @Bean
    public static AuditQuery auditQuery(Wiring w) {
        return new AuditQueryService(w.store().unitOfWork(), w.store().auditTrail());
    }
}
