package dev.orchestra.bootstrap;

import dev.orchestra.application.audit.AuditQuery;
import dev.orchestra.application.audit.AuditQueryService;
import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.application.integrity.StoreIntegrityService;
import dev.orchestra.application.integrity.StoreRepair;
import dev.orchestra.application.integrity.StoreRepairService;
import dev.orchestra.application.maintenance.StoreBackups;
import dev.orchestra.application.maintenance.StoreBackupsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeping the store healthy: the integrity check, backups with their manifests, the audit trail's queries. */
@Configuration(proxyBeanMethods = false)
public class StoreHealthConfiguration {
    @Bean
    public static StoreIntegrity storeIntegrity(Wiring w) {
        return new StoreIntegrityService(w.store().unitOfWork(), w.store().integrity(), w.clock());
    }

    @Bean
    public static StoreBackups storeBackups(Wiring w, OrchestraProperties properties) {
        return storeBackups(w, properties.storage().resolvedPath());
    }

    /** Backups beside {@code storeFile}: the service's store, or the one a command names. */
    public static StoreBackups storeBackups(Wiring w, java.nio.file.Path storeFile) {
        return new StoreBackupsService(w.store(), new FileBackupCatalog(storeFile), w.auditor(), w.clock());
    }

    /** Scheduled backups, when {@code orchestra.backup.schedule} is set: each verified, the newest {@code keep} kept. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("orchestra.backup.schedule")
    PeriodicJob scheduledBackups(StoreBackups backups, OrchestraProperties properties) {
        return PeriodicJob.scheduled("scheduled-backup", Schedule.parse("orchestra.backup.schedule",
                properties.backup().schedule()), () -> {
            dev.orchestra.domain.maintenance.BackupManifest taken =
                    backups.take(dev.orchestra.domain.maintenance.BackupTrigger.SCHEDULED);
            int pruned = backups.prune(dev.orchestra.domain.maintenance.BackupTrigger.SCHEDULED,
                    properties.backup().keep()).size();
            org.slf4j.LoggerFactory.getLogger(StoreHealthConfiguration.class).info(
                    "scheduled backup {} ({}); {} older scheduled backups deleted", taken.id(),
                    taken.verified() ? "verified" : "NOT verified: " + taken.problem(), pruned);
        });
    }

    @Bean
    public static StoreRepair storeRepair(Wiring w, StoreIntegrity integrity, StoreBackups backups) {
        return new StoreRepairService(w.store(), integrity, backups, w.auditor(), w.clock());
    }

    @Bean
    public static dev.orchestra.application.maintenance.StoreCleanup storeCleanup(Wiring w,
            OrchestraProperties properties) {
        return storeCleanup(w, properties.retention().policy());
    }

    public static dev.orchestra.application.maintenance.StoreCleanup storeCleanup(Wiring w,
            dev.orchestra.application.maintenance.StoreRetentionPolicy policy) {
        return new dev.orchestra.application.maintenance.StoreCleanupService(w.store(), policy, w.auditor(),
                w.clock());
    }

    /** Retention on a schedule, when {@code orchestra.retention.schedule} is set. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("orchestra.retention.schedule")
    PeriodicJob scheduledRetention(dev.orchestra.application.maintenance.StoreCleanup cleanup,
                                   OrchestraProperties properties) {
        return PeriodicJob.scheduled("retention", Schedule.parse("orchestra.retention.schedule",
                properties.retention().schedule()), () -> {
            dev.orchestra.application.maintenance.StoreCleanup.Report report = cleanup.cleanup(false);
            org.slf4j.LoggerFactory.getLogger(StoreHealthConfiguration.class).info(
                    "retention removed {}; {} bytes given back", report.kinds().stream()
                            .map(k -> k.kind().id() + "=" + k.removed()).toList(), report.bytesGivenBack());
        });
    }

    @Bean
    public static AuditQuery auditQuery(Wiring w) {
        return new AuditQueryService(w.store().unitOfWork(), w.store().auditTrail(), w.store().preferences());
    }
}
