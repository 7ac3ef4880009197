package dev.orchestra.bootstrap;

import dev.orchestra.application.preference.PreferenceSettings;
import dev.orchestra.application.preference.PreferenceSettingsService;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.TenantId;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The preferences area; a new store gets the documented defaults on its first start. */
@Configuration(proxyBeanMethods = false)
public class PreferenceConfiguration {
    @Bean
    public static PreferenceSettings preferenceSettings(Wiring w) {
        return new PreferenceSettingsService(w.store().unitOfWork(), w.store().preferences(), w.store().agents(),
                w.store().repositories(), w.constraints(),
                w.auditor(), w.clock());
    }

    @Bean
    ApplicationRunner defaultPreferences(PreferenceSettings preferences) {
        return args -> StartupDefaults.create("default preferences",
                () -> preferences.createDefaults(Caller.system(TenantId.DEFAULT)));
    }
}
