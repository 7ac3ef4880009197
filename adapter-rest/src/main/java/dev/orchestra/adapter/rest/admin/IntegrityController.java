package dev.orchestra.adapter.rest.admin;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.application.integrity.StoreRepair;
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
    private final StoreRepair repair;

    public IntegrityController(StoreIntegrity integrity, StoreRepair repair) {
        this.integrity = integrity;
        this.repair = repair;
    }

    @Schema(name = "RepairChange")
    public record ChangeResponse(String rule, String entityType, String tenant, String id, String action) {
    }

    @Schema(name = "RepairReport", description = "changes made (or, in a dry run, that would be made); unrepaired: "
            + "errors no repair mends; after: the check after the repair (before it, for a dry run)")
    public record RepairResponse(boolean dryRun, String backupId, List<ChangeResponse> changes,
                                 List<FindingResponse> unrepaired, ReportResponse after) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/repair")
    @Operation(operationId = "repairIntegrity", description = "dryRun=true (the default) lists the changes and makes "
            + "none; otherwise a verified backup first, then every change in one unit of work, each audited, and a "
            + "second check; history is never deleted")
    public RepairResponse repair(@RequestParam(defaultValue = "true") boolean dryRun) {
        StoreRepair.Report r = repair.repair(dryRun);
        return new RepairResponse(r.dryRun(), r.backupId(), r.changes().stream().map(c -> new ChangeResponse(
                c.rule().id(), c.entityType(), c.tenant(), c.id(), c.action())).toList(),
                r.unrepaired().stream().map(FindingResponse::of).toList(), report(r.after()));
    }

    private static ReportResponse report(StoreIntegrity.Report report) {
        return new ReportResponse(report.checkedAt(), report.full(), report.took(), report.clean(), report.errors(),
                report.warnings(), report.limitPerRule(), report.findings().stream().map(FindingResponse::of).toList());
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
        return report(integrity.check(full));
    }
}
