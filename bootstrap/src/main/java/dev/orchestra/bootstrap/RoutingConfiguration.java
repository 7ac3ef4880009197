package dev.orchestra.bootstrap;

import dev.orchestra.application.routing.RoutingAudit;
import dev.orchestra.application.routing.RoutingAuditService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routing audit: decisions, outcomes and the agents' running statistics. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {
    @Bean
    public static RoutingAudit routingAudit(Wiring w) {
        return new RoutingAuditService(w.store().unitOfWork(), w.store().routingDecisions(), w.constraints(),
                w.auditor(), w.clock());
    }
}
