package dev.orchestra.adapter.rest.workflow;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.workflow.WorkflowCatalog;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowFields;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The workflow-definition endpoints of REST-API.md (Workflows). */
@RestController
@Tag(name = "Workflow definitions", description = "Versioned workflow definitions with their step graph")
@RequestMapping(RestApi.BASE + "/workflow-definitions")
public class WorkflowDefinitionController {
    private static final WorkflowMapper MAPPER = WorkflowMapper.INSTANCE;
    private final WorkflowCatalog catalog;

    public WorkflowDefinitionController(WorkflowCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWorkflowDefinition", description = "the first version of a name, or one "
            + "higher than its latest; the same name and version again is a 409; a bad step graph a 400 naming the step")
    public ResponseEntity<WorkflowResponses.Definition> create(Caller caller,
            @Valid @RequestBody WorkflowRequests.Definition request) {
        return created(catalog.define(caller, request.id(), MAPPER.toContent(request)));
    }

    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWorkflowDefinitionVersion", description = "a new version of that definition's "
            + "name: higher than its latest (else 409), linked to it by previousVersionId")
    public ResponseEntity<WorkflowResponses.Definition> newVersion(Caller caller, @PathVariable String id,
            @Valid @RequestBody WorkflowRequests.Definition request) {
        return created(catalog.newVersion(caller, id, request.id(), MAPPER.toContent(request)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWorkflowDefinition")
    public WorkflowResponses.Definition get(Caller caller, @PathVariable String id) {
        return MAPPER.toResponse(catalog.get(caller, id));
    }

    @GetMapping
    @Operation(operationId = "listWorkflowDefinitions", description = "latest=true gives the newest version of each name")
    public PageResponse<WorkflowResponses.Definition> list(Caller caller,
                                                           @RequestParam(required = false) String name,
                                                           @RequestParam(required = false) Boolean active,
                                                           @RequestParam(defaultValue = "false") boolean latest,
                                                           @RequestParam(required = false) Integer page,
                                                           @RequestParam(required = false) Integer size,
                                                           @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(catalog.list(caller, name, active, latest,
                Paging.of(page, size, sort, WorkflowFields.Definition.ALL)), MAPPER::toResponse);
    }

    private static ResponseEntity<WorkflowResponses.Definition> created(WorkflowDefinition definition) {
        return ResponseEntity.created(URI.create(RestApi.BASE + "/workflow-definitions/"
                + UriUtils.encodePathSegment(definition.id(), StandardCharsets.UTF_8)))
                .body(MAPPER.toResponse(definition));
    }
}
