package dev.orchestra.bootstrap;

import dev.orchestra.application.workflow.WorkflowCatalog;
import dev.orchestra.application.workflow.WorkflowCatalogService;
import dev.orchestra.application.workflow.WorkflowRuns;
import dev.orchestra.application.workflow.WorkflowRunsService;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Workflow definitions, executions and their recovery. */
@Configuration(proxyBeanMethods = false)
public class WorkflowConfiguration {
    @Bean
    public static WorkflowCatalog workflowCatalog(Wiring w) {
        return new WorkflowCatalogService(w.store().unitOfWork(), w.store().workflowDefinitions(), w.constraints(),
                w.auditor(), w.clock());
    }

    @Bean
    public static WorkflowRuns workflowRuns(Wiring w, OrchestraProperties properties) {
        return workflowRuns(w, properties.workflows().leaseDuration(), properties.workflows().maxRecoveryAttempts());
    }

    /** The execution use cases with the given recovery lease and limit. */
    public static WorkflowRuns workflowRuns(Wiring w, Duration leaseDuration, int maxRecoveryAttempts) {
        return new WorkflowRunsService(w.store().unitOfWork(), w.store().workflowExecutions(),
                w.store().workflowDefinitions(), w.constraints(), w.auditor(), w.clock(), leaseDuration,
                maxRecoveryAttempts);
    }
}
