package dev.orchestra.adapter.rest.repository;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.repository.RepositoryCatalog;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryFields;
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

/** The Repositories section of REST-API.md. */
@RestController
@Tag(name = "Repositories", description = "Code repositories that agents work in")
@RequestMapping(RestApi.BASE + "/repositories")
public class RepositoryController {
    private static final RepositoryMapper MAPPER = RepositoryMapper.INSTANCE;
    private final RepositoryCatalog catalog;

    public RepositoryController(RepositoryCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(operationId = "createRepository")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<RepositoryResponse> create(Caller caller, @Valid @RequestBody RepositoryRequest request) {
        CodeRepository repository = catalog.create(caller, request.id(), MAPPER.toDetails(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/repositories/" + repository.id()))
                .eTag(Versions.etag(repository.version())).body(MAPPER.toResponse(repository));
    }

    @GetMapping
    @Operation(operationId = "listRepositories")
    public PageResponse<RepositoryResponse> list(Caller caller, @RequestParam(required = false) Boolean active,
                                                 @RequestParam(required = false) String path,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size,
                                                 @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(catalog.list(caller, new RepositoryCatalog.RepositoryQuery(active, path),
                Paging.of(page, size, sort, RepositoryFields.ALL)), MAPPER::toResponse);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRepository")
    public ResponseEntity<RepositoryResponse> get(Caller caller, @PathVariable String id) {
        CodeRepository repository = catalog.get(caller, id);
        return Versions.ok(MAPPER.toResponse(repository), repository.version());
    }

    @GetMapping("/{id}/statistics")
    @Operation(operationId = "getRepositoryStatistics")
    public RepositoryResponse.Statistics statistics(Caller caller, @PathVariable String id) {
        return MAPPER.toResponse(catalog.statistics(caller, id));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateRepository")
    public ResponseEntity<RepositoryResponse> update(Caller caller, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RepositoryRequest request) {
        CodeRepository repository = catalog.update(caller, id, Versions.ifMatch(ifMatch), MAPPER.toDetails(request));
        return Versions.ok(MAPPER.toResponse(repository), repository.version());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteRepository")
    public void delete(Caller caller, @PathVariable String id,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        catalog.delete(caller, id, Versions.ifMatch(ifMatch));
    }
}
