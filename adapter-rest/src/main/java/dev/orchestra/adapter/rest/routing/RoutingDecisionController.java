package dev.orchestra.adapter.rest.routing;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.application.routing.RoutingAudit;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.routing.DecisionFields;
import dev.orchestra.domain.routing.RoutingDecision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The routing-decision endpoints of REST-API.md (Routing). */
@RestController
@Tag(name = "Routing decisions", description = "Why each task went to its agent, and how it went")
@RequestMapping(RestApi.BASE + "/routing-decisions")
public class RoutingDecisionController {
    private static final RoutingMapper MAPPER = RoutingMapper.INSTANCE;
    private final RoutingAudit routing;

    public RoutingDecisionController(RoutingAudit routing) {
        this.routing = routing;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordRoutingDecision")
    public ResponseEntity<RoutingResponses.Decision> record(Caller caller,
                                                            @Valid @RequestBody RoutingRequests.Decision request) {
        RoutingDecision decision = routing.record(caller, MAPPER.toNew(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/routing-decisions/"
                + UriUtils.encodePathSegment(decision.id(), StandardCharsets.UTF_8))).body(MAPPER.toResponse(decision));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRoutingDecision")
    public RoutingResponses.Decision get(Caller caller, @PathVariable String id) {
        return MAPPER.toResponse(routing.get(caller, id));
    }

    /** Records the outcome once (again is a 409) and counts it in the agent's statistics. */
    @PostMapping("/{id}/outcome")
    @Operation(operationId = "recordRoutingOutcome")
    public RoutingResponses.Counted outcome(Caller caller, @PathVariable String id,
                                            @Valid @RequestBody RoutingRequests.Outcome request) {
        return MAPPER.toResponse(routing.recordOutcome(caller, id, MAPPER.toOutcome(request)));
    }

    @GetMapping
    @Operation(operationId = "listRoutingDecisions")
    public PageResponse<RoutingResponses.Decision> list(Caller caller,
                                                        @RequestParam(required = false) String taskId,
                                                        @RequestParam(required = false) String workflowExecutionId,
                                                        @RequestParam(required = false) String selectedAgent,
                                                        @RequestParam(required = false) Instant from,
                                                        @RequestParam(required = false) Instant to,
                                                        @RequestParam(required = false) Boolean success,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size,
                                                        @RequestParam(required = false) List<String> sort) {
        RoutingAudit.DecisionQuery query = new RoutingAudit.DecisionQuery(taskId, workflowExecutionId, selectedAgent,
                from, to, success);
        return PageResponse.of(routing.decisions(caller, query, Paging.of(page, size, sort, DecisionFields.ALL)),
                MAPPER::toResponse);
    }
}
