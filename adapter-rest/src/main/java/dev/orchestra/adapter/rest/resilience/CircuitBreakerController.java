package dev.orchestra.adapter.rest.resilience;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.resilience.Resilience;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitFields;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.TransitionFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The circuit-breaker endpoints of REST-API.md (Resilience). */
@RestController
@Tag(name = "Circuit breakers", description = "Circuit breakers per agent, kept across restarts, with their history")
@RequestMapping(RestApi.BASE + "/circuit-breakers")
public class CircuitBreakerController {
    private static final CircuitMapper MAPPER = CircuitMapper.INSTANCE;
    private final Resilience resilience;

    public CircuitBreakerController(Resilience resilience) {
        this.resilience = resilience;
    }

    @GetMapping
    @Operation(operationId = "listCircuitBreakers")
    public PageResponse<CircuitResponses.Breaker> list(Caller caller,
                                                       @RequestParam(required = false) CircuitState state,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size,
                                                       @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(resilience.list(caller, state, Paging.of(page, size, sort, CircuitFields.ALL)),
                MAPPER::toResponse);
    }

    @GetMapping("/{agentKey}")
    @Operation(operationId = "getCircuitBreaker")
    public ResponseEntity<CircuitResponses.Breaker> get(Caller caller, @PathVariable String agentKey) {
        CircuitBreaker breaker = resilience.get(caller, agentKey);
        return Versions.ok(MAPPER.toResponse(breaker), breaker.version());
    }

    /** 201 when the breaker is new, 200 when its state was replaced (If-Match required then). */
    @PutMapping("/{agentKey}")
    @Operation(operationId = "putCircuitBreaker")
    @ApiResponse(responseCode = "201", description = "a new breaker", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = CircuitResponses.Breaker.class)))
    @ApiResponse(responseCode = "200", description = "the breaker's new state", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = CircuitResponses.Breaker.class)))
    public ResponseEntity<CircuitResponses.Breaker> put(Caller caller, @PathVariable String agentKey,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CircuitRequests.State request) {
        Resilience.Upserted upserted = resilience.upsert(caller, agentKey, Versions.ifMatch(ifMatch),
                MAPPER.toState(request));
        CircuitBreaker breaker = upserted.breaker();
        if (upserted.created()) {
            return ResponseEntity.created(URI.create(RestApi.BASE + "/circuit-breakers/"
                            + UriUtils.encodePathSegment(agentKey, StandardCharsets.UTF_8)))
                    .eTag(Versions.etag(breaker.version())).body(MAPPER.toResponse(breaker));
        }
        return Versions.ok(MAPPER.toResponse(breaker), breaker.version());
    }

    @PostMapping("/{agentKey}/outcomes")
    @Operation(operationId = "recordCircuitOutcome")
    public ResponseEntity<CircuitResponses.Breaker> outcome(Caller caller, @PathVariable String agentKey,
                                                            @Valid @RequestBody CircuitRequests.Outcome request) {
        CircuitBreaker breaker = resilience.recordOutcome(caller, agentKey, request.success());
        return Versions.ok(MAPPER.toResponse(breaker), breaker.version());
    }

    @PostMapping("/{agentKey}/reset")
    @Operation(operationId = "resetCircuitBreaker")
    public ResponseEntity<CircuitResponses.Breaker> reset(Caller caller, @PathVariable String agentKey) {
        CircuitBreaker breaker = resilience.reset(caller, agentKey);
        return Versions.ok(MAPPER.toResponse(breaker), breaker.version());
    }

    /** OPEN circuits past their reset time become HALF_OPEN; answers the ones it moved. */
    @PostMapping("/recover")
    @Operation(operationId = "recoverCircuitBreakers")
    public List<CircuitResponses.Breaker> recover(Caller caller) {
        return resilience.recover(caller).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/{agentKey}/transitions")
    @Operation(operationId = "listCircuitTransitions")
    public PageResponse<CircuitResponses.Transition> transitions(Caller caller, @PathVariable String agentKey,
                                                                 @RequestParam(required = false) Integer page,
                                                                 @RequestParam(required = false) Integer size) {
        // Newest first, as REST-API.md says.
        return PageResponse.of(resilience.transitions(caller, agentKey,
                        Paging.of(page, size, List.of("at,desc"), TransitionFields.ALL)), MAPPER::toResponse);
    }
}
