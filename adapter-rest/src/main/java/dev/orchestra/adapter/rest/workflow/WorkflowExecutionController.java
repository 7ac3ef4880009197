package dev.orchestra.adapter.rest.workflow;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.workflow.WorkflowRuns;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriUtils;

/** The workflow-execution endpoints of REST-API.md (Workflows). */
@RestController
@Tag(name = "Workflow executions", description = "Workflow runs, their steps, and recovery after a restart")
@RequestMapping(RestApi.BASE + "/workflow-executions")
public class WorkflowExecutionController {
    static final String LEASE = "X-Lease-Token";
    private static final WorkflowMapper MAPPER = WorkflowMapper.INSTANCE;
    private final WorkflowRuns runs;

    public WorkflowExecutionController(WorkflowRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "startWorkflowExecution",
            description = "a PENDING execution pinned to the definition's version and content hash")
    public ResponseEntity<WorkflowResponses.Execution> start(Caller caller,
            @Valid @RequestBody WorkflowRequests.NewExecution request) {
        return created(runs.start(caller, MAPPER.toNew(request)));
    }

    /** 201 when the execution is new, 200 when its state was replaced (If-Match required then). */
    @PutMapping("/{id}")
    @Operation(operationId = "putWorkflowExecution")
    @ApiResponse(responseCode = "201", description = "a new execution", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = WorkflowResponses.Execution.class)))
    @ApiResponse(responseCode = "200", description = "the execution's new state", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = WorkflowResponses.Execution.class)))
    public ResponseEntity<WorkflowResponses.Execution> put(Caller caller, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = LEASE, required = false) String leaseToken,
            @Valid @RequestBody WorkflowRequests.State request) {
        WorkflowRuns.Upserted upserted = runs.upsert(caller, id, Versions.ifMatch(ifMatch), leaseToken,
                MAPPER.toState(request));
        return upserted.created() ? created(upserted.execution())
                : Versions.ok(MAPPER.toResponse(upserted.execution()), upserted.execution().version());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWorkflowExecution", description = "the whole execution with its steps in order")
    public ResponseEntity<WorkflowResponses.Execution> get(Caller caller, @PathVariable String id) {
        WorkflowRuns.ExecutionView view = runs.get(caller, id);
        return Versions.ok(MAPPER.toResponse(view), view.execution().version());
    }

    @GetMapping
    @Operation(operationId = "listWorkflowExecutions",
            description = "incomplete=true: PENDING, RUNNING and BLOCKED, oldest first")
    public PageResponse<WorkflowResponses.Execution> list(Caller caller,
                                                          @RequestParam(required = false) List<ExecutionStatus> status,
                                                          @RequestParam(defaultValue = "false") boolean incomplete,
                                                          @RequestParam(required = false) String name,
                                                          @RequestParam(required = false) Integer page,
                                                          @RequestParam(required = false) Integer size,
                                                          @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(runs.list(caller, status, incomplete, name,
                Paging.of(page, size, sort, WorkflowFields.Execution.ALL)), MAPPER::toResponse);
    }

    @PostMapping("/{id}/steps")
    @Operation(operationId = "recordWorkflowStep", description = "the step's attempt and the execution's new state in "
            + "one transaction; with X-Lease-Token while the execution is leased (another token is a 409); the same "
            + "ended attempt again answers the stored one, with another result it is a 409")
    public ResponseEntity<WorkflowResponses.Recorded> step(Caller caller, @PathVariable String id,
            @RequestHeader(name = LEASE, required = false) String leaseToken,
            @Valid @RequestBody WorkflowRequests.StepRecord request) {
        WorkflowRuns.Recorded recorded = runs.recordStep(caller, id, leaseToken, MAPPER.toReport(request));
        return Versions.ok(MAPPER.toResponse(recorded), recorded.execution().version());
    }

    @PostMapping("/recovery-claims")
    @Operation(operationId = "claimWorkflowRecovery", description = "leases incomplete executions without a live "
            + "lease to the executor, oldest first, each with a new leaseToken; one past the maximum recovery "
            + "attempts becomes FAILED instead and is not returned")
    public List<WorkflowResponses.Execution> claim(Caller caller,
                                                   @Valid @RequestBody WorkflowRequests.Claim request) {
        return runs.claimForRecovery(caller, request.executorId(), request.limit()).stream()
                .map(MAPPER::toResponse).toList();
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelWorkflowExecution")
    public ResponseEntity<WorkflowResponses.Execution> cancel(Caller caller, @PathVariable String id) {
        WorkflowExecution e = runs.cancel(caller, id);
        return Versions.ok(MAPPER.toResponse(e), e.version());
    }

    @PostMapping("/{id}/resume")
    @Operation(operationId = "resumeWorkflowExecution", description = "FAILED or CANCELLED back to PENDING, steps kept")
    public ResponseEntity<WorkflowResponses.Execution> resume(Caller caller, @PathVariable String id) {
        WorkflowExecution e = runs.resume(caller, id);
        return Versions.ok(MAPPER.toResponse(e), e.version());
    }

    @PostMapping("/{id}/fork")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "forkWorkflowExecution", description = "a new execution of the same definition and "
            + "input with the ended attempts of the steps listed before fromStepId, linked by forkedFrom")
    public ResponseEntity<WorkflowResponses.Execution> fork(Caller caller, @PathVariable String id,
                                                            @Valid @RequestBody WorkflowRequests.Fork request) {
        WorkflowRuns.ExecutionView view = runs.fork(caller, id, request.fromStepId(), request.id());
        return ResponseEntity.created(location(view.execution())).eTag(Versions.etag(view.execution().version()))
                .body(MAPPER.toResponse(view));
    }

    private static ResponseEntity<WorkflowResponses.Execution> created(WorkflowExecution e) {
        return ResponseEntity.created(location(e)).eTag(Versions.etag(e.version())).body(MAPPER.toResponse(e));
    }

    private static URI location(WorkflowExecution e) {
        return URI.create(RestApi.BASE + "/workflow-executions/" + UriUtils.encodePathSegment(e.id(),
                StandardCharsets.UTF_8));
    }
}
