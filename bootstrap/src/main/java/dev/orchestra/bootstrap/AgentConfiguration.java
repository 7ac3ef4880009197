package dev.orchestra.bootstrap;

import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.application.agent.AgentRegistryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agents area. */
@Configuration(proxyBeanMethods = false)
public class AgentConfiguration {
    @Bean
    public static AgentRegistry agentRegistry(Wiring w) {
        return new AgentRegistryService(w.store().unitOfWork(), w.store().agents(), w.store().tasks(),
                w.store().repositories(), w.constraints(), w.auditor(), w.clock(), w.leaseDuration());
    }
}
