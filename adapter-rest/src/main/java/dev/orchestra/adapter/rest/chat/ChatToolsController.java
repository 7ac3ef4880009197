package dev.orchestra.adapter.rest.chat;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.chat.ChatTools;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import io.swagger.v3.oas.annotations.Operation;
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

/** The tool-execution and approval endpoints of REST-API.md (Chat). */
@RestController
@Tag(name = "Chat")
@RequestMapping(RestApi.BASE + "/chat")
public class ChatToolsController {
    private static final ChatMapper MAPPER = ChatMapper.INSTANCE;
    private final ChatTools tools;

    public ChatToolsController(ChatTools tools) {
        this.tools = tools;
    }

    @PostMapping("/sessions/{id}/tool-executions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "requestToolExecution", description = "PENDING, or AWAITING_APPROVAL with the "
            + "SHA-256 of the input when requiresApproval is true")
    public ResponseEntity<ChatResponses.ToolExecution> request(Caller caller, @PathVariable String id,
            @Valid @RequestBody ChatRequests.ToolExecution request) {
        ToolExecution execution = tools.request(caller, id, MAPPER.toRequest(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/chat/tool-executions/"
                        + UriUtils.encodePathSegment(execution.id(), StandardCharsets.UTF_8)))
                .eTag(Versions.etag(execution.version())).body(MAPPER.toResponse(execution));
    }

    @GetMapping("/sessions/{id}/tool-executions")
    @Operation(operationId = "listToolExecutions", description = "oldest first unless sorted otherwise")
    public PageResponse<ChatResponses.ToolExecution> list(Caller caller, @PathVariable String id,
            @RequestParam(required = false) ToolExecutionStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(tools.executions(caller, id, status, Paging.of(page, size, sort,
                ChatFields.Execution.ALL)), MAPPER::toResponse);
    }

    @GetMapping("/tool-executions/{id}")
    @Operation(operationId = "getToolExecution")
    public ResponseEntity<ChatResponses.ToolExecution> get(Caller caller, @PathVariable String id) {
        ToolExecution execution = tools.execution(caller, id);
        return Versions.ok(MAPPER.toResponse(execution), execution.version());
    }

    @PutMapping("/tool-executions/{id}")
    @Operation(operationId = "updateToolExecution", description = "If-Match required; PENDING -> RUNNING -> "
            + "COMPLETED, FAILED or CANCELLED; an execution AWAITING_APPROVAL is approved or rejected instead")
    public ResponseEntity<ChatResponses.ToolExecution> update(Caller caller, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChatRequests.ToolExecutionUpdate request) {
        ToolExecution execution = tools.report(caller, id, Versions.ifMatch(ifMatch), MAPPER.toProgress(request));
        return Versions.ok(MAPPER.toResponse(execution), execution.version());
    }

    @PostMapping("/tool-executions/{id}/approve")
    @Operation(operationId = "approveToolExecution", description = "AWAITING_APPROVAL -> PENDING; approving "
            + "again answers the stored decision; after a rejection or an expiry, 409")
    public ResponseEntity<ChatResponses.ToolExecution> approve(Caller caller, @PathVariable String id,
            @Valid @RequestBody ChatRequests.Decision request) {
        return decide(caller, id, ApprovalDecision.APPROVED, request);
    }

    @PostMapping("/tool-executions/{id}/reject")
    @Operation(operationId = "rejectToolExecution", description = "AWAITING_APPROVAL -> CANCELLED; rejecting "
            + "again answers the stored decision; after an approval or an expiry, 409")
    public ResponseEntity<ChatResponses.ToolExecution> reject(Caller caller, @PathVariable String id,
            @Valid @RequestBody ChatRequests.Decision request) {
        return decide(caller, id, ApprovalDecision.REJECTED, request);
    }

    private ResponseEntity<ChatResponses.ToolExecution> decide(Caller caller, String id, ApprovalDecision decision,
                                                                ChatRequests.Decision request) {
        ToolExecution execution = tools.decide(caller, id, decision, MAPPER.toDecision(request));
        return Versions.ok(MAPPER.toResponse(execution), execution.version());
    }
}
