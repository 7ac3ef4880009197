package dev.orchestra.bootstrap;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.application.template.TemplateCatalog;
import dev.orchestra.application.template.TemplateCatalogService;
import dev.orchestra.domain.shared.TenantId;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task templates area; a new store gets the two default templates on its first start. */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {
    @Bean
    public static TemplateCatalog templateCatalog(Wiring w, TaskQueue queue) {
        return new TemplateCatalogService(w.store().unitOfWork(), w.store().templates(), queue, w.constraints(),
                w.auditor(), w.clock());
    }

    @Bean
    ApplicationRunner defaultTemplates(TemplateCatalog templates) {
        return args -> StartupDefaults.create("default templates",
                () -> templates.createDefaults(Caller.system(TenantId.DEFAULT)));
    }
}
