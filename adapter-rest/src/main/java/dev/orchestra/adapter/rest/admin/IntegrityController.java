package dev.orchestra.adapter.rest.admin;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/integrity}: the whole store's findings (every tenant's). */
@RestController
@Tag(name = "Administration")
@RequestMapping(RestApi.BASE + "/admin/integrity")
public class IntegrityController {
    private final StoreIntegrity integrity;

    public IntegrityController(StoreIntegrity integrity) {
        this.integrity = integrity;
    }

    @Schema(name = "IntegrityFinding", description = "tenant is null for the engine's own checks")
    public record FindingResponse(Severity severity, String rule, String entityType, String tenant, List<String> ids,
                                  String message) {
        static FindingResponse of(Finding f) {
            return new FindingResponse(f.severity(), f.rule().id(), f.entityType(),
                    f.tenant() == null ? null : f.tenant().value(), f.ids(), f.message());
        }
    }

    @Schema(name = "IntegrityReport", description = "clean: no ERROR finding (warnings may remain); at most "
            + "limitPerRule findings are listed per rule and table")
    public record ReportResponse(Instant checkedAt, boolean full, @Schema(type = "string", format = "duration")
                                 Duration took, boolean clean, long errors, long warnings, int limitPerRule,
                                 List<FindingResponse> findings) {
    }

    @GetMapping
    @Operation(operationId = "checkIntegrity", description = "the engine's checks (quick_check, or integrity_check "
            + "with full=true; foreign_key_check) and every application rule of DOMAIN.md; read-only")
    public ReportResponse check(@RequestParam(defaultValue = "false") boolean full) {
        StoreIntegrity.Report report = integrity.check(full);
        return new ReportResponse(report.checkedAt(), report.full(), report.took(), report.clean(), report.errors(),
                report.warnings(), report.limitPerRule(), report.findings().stream().map(FindingResponse::of).toList());
    }
}
