package dev.orchestra.adapter.rest.routing;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.routing.RoutingAudit;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.routing.StatisticsFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The routing-statistics endpoints of REST-API.md (Routing). */
@RestController
@Tag(name = "Routing statistics", description = "Each agent's running figures, their leaderboard and their drift")
@RequestMapping(RestApi.BASE + "/routing-statistics")
public class RoutingStatisticsController {
    /** Below 10 counted tasks a rate says little; callers may lower it. */
    static final String DEFAULT_MIN_TASKS = "10";
    private static final RoutingMapper MAPPER = RoutingMapper.INSTANCE;
    private final RoutingAudit routing;

    public RoutingStatisticsController(RoutingAudit routing) {
        this.routing = routing;
    }

    @GetMapping
    @Operation(operationId = "listRoutingStatistics")
    public PageResponse<RoutingResponses.Statistics> list(Caller caller,
                                                          @RequestParam(required = false) Integer page,
                                                          @RequestParam(required = false) Integer size,
                                                          @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(routing.statistics(caller, Paging.of(page, size, sort, StatisticsFields.ALL)),
                MAPPER::toResponse);
    }

    @GetMapping("/top")
    @Operation(operationId = "topRoutingStatistics", description = "the best success rates first")
    public List<RoutingResponses.Statistics> top(Caller caller, @RequestParam(defaultValue = "10") int limit) {
        return routing.top(caller, limit).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/underperforming")
    @Operation(operationId = "underperformingRoutingStatistics",
            description = "success rate below `below` with at least `minTasks` counted, the worst first")
    public PageResponse<RoutingResponses.Statistics> underperforming(Caller caller,
            @RequestParam(defaultValue = "0.8") double below,
            @RequestParam(defaultValue = DEFAULT_MIN_TASKS) long minTasks,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(routing.underperforming(caller, below, minTasks,
                Paging.of(page, size, null, StatisticsFields.ALL)), MAPPER::toResponse);
    }

    @PostMapping("/recalculate")
    @Operation(operationId = "recalculateRoutingStatistics",
            description = "rebuilds every agent's figures from the decisions since `since` (all when absent)")
    public RoutingResponses.Recalculation recalculate(Caller caller,
                                                      @RequestParam(required = false) Instant since) {
        return MAPPER.toResponse(routing.recalculate(caller, since));
    }

    @GetMapping("/drift")
    @Operation(operationId = "routingStatisticsDrift",
            description = "the agents whose running figures differ from a recount since `since`; changes nothing")
    public RoutingResponses.DriftReport drift(Caller caller, @RequestParam(required = false) Instant since) {
        return MAPPER.toResponse(routing.drift(caller, since));
    }

    @GetMapping("/{agentKey}")
    @Operation(operationId = "getRoutingStatistics")
    public ResponseEntity<RoutingResponses.Statistics> get(Caller caller, @PathVariable String agentKey) {
        RoutingStatistics statistics = routing.statistics(caller, agentKey);
        return Versions.ok(MAPPER.toResponse(statistics), statistics.version());
    }
}
