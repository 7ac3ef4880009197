package dev.orchestra.adapter.rest.task;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Tasks section of REST-API.md. */
@RestController
@Tag(name = "Tasks", description = "The task queue: enqueue, claim with a lease, transitions")
@RequestMapping(RestApi.BASE + "/tasks")
public class TaskController {
    public static final String LEASE_HEADER = "X-Lease-Token";
    private static final TaskMapper MAPPER = TaskMapper.INSTANCE;
    private final TaskQueue queue;

    private final dev.orchestra.application.task.WaitingClaims waitingClaims;

    public TaskController(TaskQueue queue, dev.orchestra.application.task.WaitingClaims waitingClaims) {
        this.queue = queue;
        this.waitingClaims = waitingClaims;
    }

    @PostMapping
    @Operation(operationId = "enqueueTask")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<TaskResponse> enqueue(Caller caller, @Valid @RequestBody TaskRequests.Enqueue request) {
        Task task = queue.enqueue(caller, MAPPER.toNewTask(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/tasks/" + task.id()))
                .eTag(Versions.etag(task.version())).body(MAPPER.toResponse(task));
    }

    @PostMapping("/batch")
    @Operation(operationId = "enqueueTasks")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<TaskResponse.Batch> enqueueBatch(Caller caller,
                                                           @Valid @RequestBody TaskRequests.Batch request) {
        List<Task> tasks = queue.enqueueBatch(caller, request.tasks().stream().map(MAPPER::toNewTask).toList());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TaskResponse.Batch(tasks.size(), tasks.stream().map(MAPPER::toResponse).toList()));
    }

    @GetMapping
    @Operation(operationId = "listTasks")
    public PageResponse<TaskResponse> list(Caller caller,
                                           @RequestParam(required = false) List<TaskStatus> status,
                                           @RequestParam(required = false) String agentId,
                                           @RequestParam(required = false) String repositoryId,
                                           @RequestParam(required = false) String repositoryPath,
                                           @RequestParam(required = false) String correlationId,
                                           @RequestParam(required = false) Instant createdFrom,
                                           @RequestParam(required = false) Instant createdTo,
                                           @RequestParam(required = false) TaskPriority priority,
                                           @RequestParam(required = false) String workflowId,
                                           @RequestParam(required = false) String parentTaskId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) List<String> sort) {
        TaskQueue.TaskQuery query = new TaskQueue.TaskQuery(
                status == null || status.isEmpty() ? EnumSet.noneOf(TaskStatus.class) : EnumSet.copyOf(status),
                agentId, repositoryId, repositoryPath, correlationId, createdFrom, createdTo, priority, workflowId,
                parentTaskId);
        return PageResponse.of(queue.list(caller, query, Paging.of(page, size, sort, TaskFields.ALL)),
                MAPPER::toResponse);
    }

    @GetMapping("/long-running")
    @Operation(operationId = "listLongRunningTasks")
    public List<TaskResponse> longRunning(Caller caller, @RequestParam(defaultValue = "PT1H") Duration threshold) {
        return queue.longRunning(caller, threshold).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTask")
    public ResponseEntity<TaskResponse> get(Caller caller, @PathVariable String id) {
        return ok(queue.get(caller, id));
    }

    @GetMapping("/{id}/tree")
    @Operation(operationId = "getTaskTree")
    public List<TaskResponse> tree(Caller caller, @PathVariable String id) {
        return queue.tree(caller, id).stream().map(MAPPER::toResponse).toList();
    }

    /**
     * 200 with the claimed task and its lease token, or 204 when nothing is waiting; with {@code wait} the
     * answer comes as soon as a task for the agent is enqueued (or the wait is over), holding no thread meanwhile.
     */
    @PostMapping("/claim")
    @Operation(operationId = "claimTask", description = "wait (ISO-8601, at most PT60S) holds the call open until "
            + "a task this agent may take is enqueued, then answers it at once; 204 only when the wait is over "
            + "with nothing to claim. Without wait the answer is immediate.")
    @ApiResponse(responseCode = "200", description = "the claimed task, now ASSIGNED, with its leaseToken",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "204", description = "no task is waiting for this agent", content = @Content)
    public java.util.concurrent.CompletableFuture<ResponseEntity<TaskResponse>> claim(Caller caller,
            @Valid @RequestBody TaskRequests.Claim request,
            @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(
                    type = "string", format = "duration", example = "PT30S"))
            @RequestParam(required = false) Duration wait) {
        boolean anyRepository = Boolean.TRUE.equals(request.anyRepository());
        boolean start = Boolean.TRUE.equals(request.start());
        if (wait == null || wait.isZero()) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    claimed(queue.claim(caller, request.agentId(), anyRepository, start)));
        }
        return waitingClaims.claim(caller, request.agentId(), anyRepository, start, wait)
                .thenApply(TaskController::claimed);
    }

    /** The completed task and the agent's next one (null when none was free), with its lease token. */
    @Schema(name = "Handoff")
    public record Handoff(TaskResponse completed, TaskResponse next) {
    }

    @PostMapping("/{id}/complete-and-claim")
    @Operation(operationId = "completeTaskAndClaimNext", description = "Completes the task (as /complete) and, in"
            + " the same transaction, claims the agent's next task (as /claim, with start when asked): one call"
            + " per task for an agent's loop. next is null when no task was free or the agent may take no more.")
    public Handoff completeAndClaim(Caller caller, @PathVariable String id,
                                    @RequestHeader(name = LEASE_HEADER, required = false) String lease,
                                    @Valid @RequestBody(required = false) TaskRequests.CompleteAndClaim request) {
        TaskRequests.CompleteAndClaim body = request == null ? new TaskRequests.CompleteAndClaim(null, null, null)
                : request;
        TaskQueue.Handoff handoff = queue.completeAndClaimNext(caller, id, lease, body.result(),
                Boolean.TRUE.equals(body.anyRepository()), Boolean.TRUE.equals(body.start()));
        return new Handoff(MAPPER.toResponse(handoff.completed()), handoff.next()
                .map(task -> TaskResponse.claimed(MAPPER.toResponse(task), task.lease().token())).orElse(null));
    }

    private static ResponseEntity<TaskResponse> claimed(Optional<Task> claimed) {
        return claimed.map(task -> ResponseEntity.ok().eTag(Versions.etag(task.version()))
                        .body(TaskResponse.claimed(MAPPER.toResponse(task), task.lease().token())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/start")
    @Operation(operationId = "startTask")
    public ResponseEntity<TaskResponse> start(Caller caller, @PathVariable String id,
                                              @RequestHeader(name = LEASE_HEADER, required = false) String lease) {
        return ok(queue.start(caller, id, lease));
    }

    @PostMapping("/{id}/progress")
    @Operation(operationId = "reportTaskProgress")
    public ResponseEntity<TaskResponse> progress(Caller caller, @PathVariable String id,
                                                 @RequestHeader(name = LEASE_HEADER, required = false) String lease,
                                                 @Valid @RequestBody TaskRequests.Progress request) {
        return ok(queue.reportProgress(caller, id, lease, request.percentage(), request.message()));
    }

    @PostMapping("/{id}/complete")
    @Operation(operationId = "completeTask")
    public ResponseEntity<TaskResponse> complete(Caller caller, @PathVariable String id,
                                                 @RequestHeader(name = LEASE_HEADER, required = false) String lease,
                                                 @Valid @RequestBody(required = false) TaskRequests.Complete request) {
        return ok(queue.complete(caller, id, lease, request == null ? null : request.result()));
    }

    @PostMapping("/{id}/fail")
    @Operation(operationId = "failTask")
    public ResponseEntity<TaskResponse> fail(Caller caller, @PathVariable String id,
                                             @RequestHeader(name = LEASE_HEADER, required = false) String lease,
                                             @Valid @RequestBody TaskRequests.Fail request) {
        return ok(queue.fail(caller, id, lease, request.errorMessage(), Boolean.TRUE.equals(request.retry())));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelTask")
    public ResponseEntity<TaskResponse> cancel(Caller caller, @PathVariable String id) {
        return ok(queue.cancel(caller, id));
    }

    @PostMapping("/{id}/retry")
    @Operation(operationId = "retryTask")
    public ResponseEntity<TaskResponse> retry(Caller caller, @PathVariable String id) {
        return ok(queue.retry(caller, id));
    }

    @PostMapping("/{id}/unassign")
    @Operation(operationId = "unassignTask")
    public ResponseEntity<TaskResponse> unassign(Caller caller, @PathVariable String id) {
        return ok(queue.unassign(caller, id));
    }

    private static ResponseEntity<TaskResponse> ok(Task task) {
        return Versions.ok(MAPPER.toResponse(task), task.version());
    }
}
