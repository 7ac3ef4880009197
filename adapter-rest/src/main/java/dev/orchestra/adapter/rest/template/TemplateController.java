package dev.orchestra.adapter.rest.template;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.adapter.rest.task.TaskMapper;
import dev.orchestra.adapter.rest.task.TaskResponse;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.template.TemplateCatalog;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TemplateFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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

/** The task-template endpoints of REST-API.md. */
@RestController
@Tag(name = "Task templates", description = "Task templates and their instantiation")
@RequestMapping(RestApi.BASE + "/task-templates")
public class TemplateController {
    private static final TemplateMapper MAPPER = TemplateMapper.INSTANCE;
    private final TemplateCatalog catalog;

    public TemplateController(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(operationId = "createTaskTemplate")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<TemplateResponse> create(Caller caller,
                                                   @Valid @RequestBody TemplateRequests.Template request) {
        TaskTemplate template = catalog.create(caller, request.id(), MAPPER.toDetails(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/task-templates/" + template.id()))
                .eTag(Versions.etag(template.version())).body(MAPPER.toResponse(template));
    }

    @GetMapping
    @Operation(operationId = "listTaskTemplates")
    public PageResponse<TemplateResponse> list(Caller caller, @RequestParam(required = false) String category,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size,
                                               @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(catalog.list(caller, category, Paging.of(page, size, sort, TemplateFields.ALL)),
                MAPPER::toResponse);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTaskTemplate")
    public ResponseEntity<TemplateResponse> get(Caller caller, @PathVariable String id) {
        TaskTemplate template = catalog.get(caller, id);
        return Versions.ok(MAPPER.toResponse(template), template.version());
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateTaskTemplate")
    public ResponseEntity<TemplateResponse> update(Caller caller, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TemplateRequests.Template request) {
        TaskTemplate template = catalog.update(caller, id, Versions.ifMatch(ifMatch), MAPPER.toDetails(request));
        return Versions.ok(MAPPER.toResponse(template), template.version());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteTaskTemplate")
    public void delete(Caller caller, @PathVariable String id,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        catalog.delete(caller, id, Versions.ifMatch(ifMatch));
    }

    /** 201 with the created tasks: the parent first, then its children in step order. */
    @PostMapping("/{id}/instantiate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "instantiateTaskTemplate")
    public List<TaskResponse> instantiate(Caller caller, @PathVariable String id,
                                          @Valid @RequestBody TemplateRequests.Instantiate request) {
        return catalog.instantiate(caller, id, request.arguments(), request.repositoryPath(), request.priority())
                .stream().map(TaskMapper.INSTANCE::toResponse).toList();
    }
}
