package dev.orchestra.adapter.rest.analytics;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.application.analytics.Analytics;
import dev.orchestra.application.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Analytics section of REST-API.md. */
@RestController
@Tag(name = "Analytics", description = "Figures over tasks, agents and repositories")
@RequestMapping(RestApi.BASE + "/analytics")
public class AnalyticsController {
    private final Analytics analytics;

    public AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/tasks")
    @Operation(operationId = "getTaskAnalytics")
    public Analytics.TaskReport tasks(Caller caller, @RequestParam(defaultValue = "P7D") Duration period,
                                      @RequestParam(required = false) String agentId,
                                      @RequestParam(required = false) String repositoryId) {
        return analytics.tasks(caller, period, agentId, repositoryId);
    }

    @GetMapping("/agents")
    @Operation(operationId = "getAgentAnalytics")
    public List<Analytics.AgentFigures> agents(Caller caller, @RequestParam(defaultValue = "P30D") Duration period) {
        return analytics.agents(caller, period);
    }

    @GetMapping("/repositories")
    @Operation(operationId = "getRepositoryAnalytics")
    public List<Analytics.RepositoryFigures> repositories(Caller caller) {
        return analytics.repositories(caller);
    }
}
