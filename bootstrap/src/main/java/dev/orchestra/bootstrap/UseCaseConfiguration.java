package dev.orchestra.bootstrap;

import dev.orchestra.domain.store.Store;
import dev.orchestra.adapter.json.LegacyStateReader;
import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.application.analytics.Analytics;
import dev.orchestra.application.analytics.AnalyticsService;
import dev.orchestra.application.migration.LegacyImporter;
import dev.orchestra.application.migration.LegacyImporterService;
import dev.orchestra.application.migration.LegacyMigrationService;
import dev.orchestra.application.agent.AgentRegistryService;
import dev.orchestra.application.preference.PreferenceSettings;
import dev.orchestra.application.preference.PreferenceSettingsService;
import dev.orchestra.application.repository.RepositoryCatalog;
import dev.orchestra.application.repository.RepositoryCatalogService;
import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.application.task.LeaseReaper;
import dev.orchestra.application.task.LeaseReaperService;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.application.task.TaskQueueService;
import dev.orchestra.application.template.TemplateCatalog;
import dev.orchestra.application.template.TemplateCatalogService;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.Validator;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, wired by hand: the core has no Spring annotations and no scan reaches it. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    @Bean
    ConstraintCheck constraintCheck(Validator validator) {
        return new ConstraintCheck(validator);
    }

    @Bean
    Auditor auditor(Store storage, Clock clock) {
        return new Auditor(storage.auditTrail(), clock);
    }

    @Bean
    AgentRegistry agentRegistry(Store s, ConstraintCheck constraints, Auditor auditor, Clock clock,
                                OrchestraProperties properties) {
        return new AgentRegistryService(s.unitOfWork(), s.agents(), s.tasks(), s.repositories(), constraints,
                auditor, clock, properties.tasks().leaseDuration());
    }

    @Bean
    TaskQueue taskQueue(Store s, ConstraintCheck constraints, Auditor auditor, Clock clock,
                        OrchestraProperties properties) {
        return new TaskQueueService(s.unitOfWork(), s.tasks(), s.agents(), s.repositories(), constraints, auditor,
                clock, properties.tasks().leaseDuration());
    }

    @Bean
    RepositoryCatalog repositoryCatalog(Store s, ConstraintCheck constraints, Auditor auditor, Clock clock) {
        return new RepositoryCatalogService(s.unitOfWork(), s.repositories(), constraints, auditor, clock);
    }

    @Bean
    PreferenceSettings preferenceSettings(Store s, ConstraintCheck constraints, Auditor auditor, Clock clock) {
        return new PreferenceSettingsService(s.unitOfWork(), s.preferences(), constraints, auditor, clock);
    }

    @Bean
    LeaseReaper leaseReaper(Store s, Auditor auditor, Clock clock, OrchestraProperties properties) {
        return new LeaseReaperService(s.unitOfWork(), s.tasks(), s.agents(), s.maintenance(), auditor, clock,
                properties.tasks().leaseDuration());
    }

    /** Expired leases are swept at start-up and every reaper period. */
    @Bean(destroyMethod = "close")
    LeaseReaperSchedule leaseReaperSchedule(LeaseReaper reaper, OrchestraProperties properties) {
        return new LeaseReaperSchedule(reaper, properties.tasks().reaperPeriod());
    }

    @Bean
    Analytics analytics(Store s, Clock clock) {
        return new AnalyticsService(s.unitOfWork(), s.tasks(), s.agents(), s.repositories(), clock);
    }

    @Bean
    LegacyImporter legacyImporter(Store s, ConstraintCheck constraints, Clock clock) {
        return new LegacyImporterService(new LegacyMigrationService(new LegacyStateReader(), constraints, clock),
                s);
    }

    @Bean
    TemplateCatalog templateCatalog(Store s, TaskQueue queue, ConstraintCheck constraints, Auditor auditor,
                                    Clock clock) {
        return new TemplateCatalogService(s.unitOfWork(), s.templates(), queue, constraints, auditor, clock);
    }

    /** A new store gets the documented default preferences and templates on its first start. */
    @Bean
    ApplicationRunner defaults(PreferenceSettings preferences, TemplateCatalog templates) {
        return args -> {
            preferences.createDefaults(Caller.system(TenantId.DEFAULT));
            templates.createDefaults(Caller.system(TenantId.DEFAULT));
        };
    }
}
