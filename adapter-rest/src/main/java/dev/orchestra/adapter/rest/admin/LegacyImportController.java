package dev.orchestra.adapter.rest.admin;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.Uploads;
import dev.orchestra.application.migration.LegacyImporter;
import dev.orchestra.application.migration.LegacyMigration;
import dev.orchestra.application.migration.MigrationReport;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Legacy imports over HTTP: upload an orchestrator-state.json (multipart part {@code file}). */
@RestController
@Tag(name = "Administration", description = "Legacy imports")
@RequestMapping(RestApi.BASE + "/admin/imports")
public class LegacyImportController {
    private final LegacyImporter importer;

    public LegacyImportController(LegacyImporter importer) {
        this.importer = importer;
    }

    /**
     * 201 with the report when imported; 200 for a valid dry run or a file imported before; a 400
     * problem listing the findings (JSON paths) when the file is invalid; 409 when the store refuses it.
     */
    @PostMapping(path = "/legacy", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "importLegacyFile")
    @ApiResponse(responseCode = "201", description = "imported; the report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MigrationReport.class)))
    @ApiResponse(responseCode = "200", description = "a valid dry run, or a file imported before; the report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MigrationReport.class)))
    public ResponseEntity<?> importLegacy(Caller caller, @RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                          @RequestParam(defaultValue = "false") boolean unassignOrphans,
                                          @RequestParam(defaultValue = "Z") String assumeZone,
                                          @RequestParam(required = false) String agentStatusMap,
                                          @RequestParam(defaultValue = "100") int maxFindings) {
        LegacyMigration.Options options = options(file, dryRun, unassignOrphans, assumeZone, agentStatusMap,
                maxFindings);
        try {
            MigrationReport report = importer.importFile(caller, options);
            return switch (report.outcome()) {
                case IMPORTED -> ResponseEntity.created(URI.create(RestApi.BASE + "/admin/imports")).body(report);
                case VALID_DRY_RUN, ALREADY_IMPORTED -> ResponseEntity.ok(report);
                case INVALID -> problem(HttpStatus.BAD_REQUEST, "invalid-legacy-file", "Invalid legacy file", report);
                case CONFLICT -> problem(HttpStatus.CONFLICT, "conflict", "Conflict", report);
            };
        } finally {
            try {
                Files.deleteIfExists(options.source());
            } catch (IOException e) {
                // A temporary file the system cleans up anyway.
            }
        }
    }

    @GetMapping
    @Operation(operationId = "listLegacyImports")
    public List<LegacyImport> imports(Caller caller) {
        return importer.imports(caller);
    }

    private static LegacyMigration.Options options(MultipartFile file, boolean dryRun, boolean unassignOrphans,
                                                   String assumeZone, String agentStatusMap, int maxFindings) {
        if (file.isEmpty()) {
            throw ValidationFailed.of("file", "the upload is empty");
        }
        ZoneOffset zone;
        try {
            zone = ZoneOffset.of(assumeZone);
        } catch (DateTimeException e) {
            throw ValidationFailed.of("assumeZone", "'" + assumeZone + "' is not an offset such as Z or +02:00");
        }
        var statusMap = parseStatusMap(agentStatusMap);
        if (maxFindings < 0 || maxFindings > 10_000) {
            throw ValidationFailed.of("maxFindings", "must be between 0 and 10000");
        }
        String name = fileName(file.getOriginalFilename());
        Path upload;
        try (InputStream in = file.getInputStream()) {
            upload = Files.createTempFile("legacy-upload-", ".json");
            Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreFailure("cannot keep the upload: " + e.getMessage(), e);
        }
        return new LegacyMigration.Options(upload, dryRun, true, statusMap, unassignOrphans, zone, maxFindings, name);
    }

    /** The name the import is recorded under (see {@link Uploads#fileName}). */
    static String fileName(String sent) {
        return Uploads.fileName(sent, "upload.json");
    }

    private static Map<Integer, dev.orchestra.domain.agent.AgentStatus> parseStatusMap(String text) {
        try {
            return LegacyReadOptions.parseStatusMap(text);
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.of("agentStatusMap", e.getMessage());
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title,
                                                         MigrationReport report) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, report.message());
        problem.setType(URI.create(dev.orchestra.adapter.rest.shared.Problems.TYPE_PREFIX + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(RestApi.BASE + "/admin/imports/legacy"));
        problem.setProperty("errors", report.findings().stream()
                .map(f -> Map.of("field", f.path(), "message", f.severity() + ": " + f.message())).toList());
        problem.setProperty("report", report);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
