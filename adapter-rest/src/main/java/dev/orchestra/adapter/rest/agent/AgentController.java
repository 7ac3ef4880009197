package dev.orchestra.adapter.rest.agent;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.agent.AgentStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Agents section of REST-API.md. */
@RestController
@Tag(name = "Agents", description = "Agents: registration, heartbeats, availability and statistics")
@RequestMapping(RestApi.BASE + "/agents")
public class AgentController {
    private static final AgentMapper MAPPER = AgentMapper.INSTANCE;
    private final AgentRegistry agents;

    public AgentController(AgentRegistry agents) {
        this.agents = agents;
    }

    @PostMapping
    @Operation(operationId = "registerAgent")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AgentResponse> register(Caller caller, @Valid @RequestBody AgentRequest request) {
        Agent agent = agents.register(caller, MAPPER.toRegistration(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/agents/" + agent.id()))
                .eTag(Versions.etag(agent.version())).body(MAPPER.toResponse(agent));
    }

    @GetMapping
    @Operation(operationId = "listAgents")
    public PageResponse<AgentResponse> list(Caller caller,
                                            @RequestParam(required = false) AgentStatus status,
                                            @RequestParam(required = false) String repositoryPath,
                                            @RequestParam(required = false) String type,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size,
                                            @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(agents.list(caller, new AgentRegistry.AgentQuery(status, repositoryPath, type),
                Paging.of(page, size, sort, AgentFields.ALL)), MAPPER::toResponse);
    }

    @GetMapping("/available")
    @Operation(operationId = "listAvailableAgents")
    public List<AgentResponse> available(Caller caller, @RequestParam(required = false) String repositoryPath) {
        return agents.available(caller, repositoryPath).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/stale")
    @Operation(operationId = "listStaleAgents")
    public List<AgentResponse> stale(Caller caller,
                                     @RequestParam(defaultValue = "PT5M") Duration olderThan) {
        return agents.stale(caller, olderThan).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/load")
    @Operation(operationId = "getAgentLoad")
    public List<AgentResponse.Load> load(Caller caller) {
        return agents.load(caller).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAgent")
    public ResponseEntity<AgentResponse> get(Caller caller, @PathVariable String id) {
        Agent agent = agents.get(caller, id);
        return Versions.ok(MAPPER.toResponse(agent), agent.version());
    }

    @GetMapping("/{id}/statistics")
    @Operation(operationId = "getAgentStatistics")
    public AgentResponse.PeriodStatistics statistics(Caller caller, @PathVariable String id,
                                                     @RequestParam(defaultValue = "P30D") Duration period) {
        return MAPPER.toResponse(agents.statistics(caller, id, period));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateAgent")
    public ResponseEntity<AgentResponse> update(Caller caller, @PathVariable String id,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @Valid @RequestBody AgentRequest request) {
        Agent agent = agents.update(caller, id, Versions.ifMatch(ifMatch), MAPPER.toRegistration(request));
        return Versions.ok(MAPPER.toResponse(agent), agent.version());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteAgent")
    public void delete(Caller caller, @PathVariable String id,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        agents.delete(caller, id, Versions.ifMatch(ifMatch));
    }

    /** Brings a soft-deleted agent back; its id can then be used again. */
    @PostMapping("/{id}/restore")
    @Operation(operationId = "restoreAgent")
    public ResponseEntity<AgentResponse> restore(Caller caller, @PathVariable String id) {
        Agent agent = agents.restore(caller, id);
        return Versions.ok(MAPPER.toResponse(agent), agent.version());
    }

    @PostMapping("/{id}/heartbeat")
    @Operation(operationId = "heartbeatAgent")
    public ResponseEntity<AgentResponse> heartbeat(Caller caller, @PathVariable String id,
                                                   @RequestBody(required = false) HeartbeatRequest request) {
        Agent agent = agents.heartbeat(caller, id, request == null ? null : request.status());
        return Versions.ok(MAPPER.toResponse(agent), agent.version());
    }
}
