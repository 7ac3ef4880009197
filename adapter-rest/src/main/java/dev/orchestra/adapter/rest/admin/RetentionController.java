package dev.orchestra.adapter.rest.admin;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.application.maintenance.StoreCleanup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /admin/retention/cleanup}: retention by the configured ages (Administration in REST-API.md). */
@RestController
@Tag(name = "Administration")
@RequestMapping(RestApi.BASE + "/admin/retention")
public class RetentionController {
    private final StoreCleanup cleanup;

    public RetentionController(StoreCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Schema(name = "RetentionKindReport", description = "one kind: its age, the cutoff it gave and the rows removed "
            + "(or that a dry run would remove)")
    public record KindResponse(String kind, @Schema(type = "string", format = "duration", example = "P90D")
                               String olderThan, Instant cutoff, long removed) {
    }

    @Schema(name = "RetentionReport")
    public record ReportResponse(boolean dryRun, Instant at, List<KindResponse> kinds, long bytesBefore,
                                 long bytesAfter, long bytesGivenBack) {
    }

    @PostMapping("/cleanup")
    @Operation(operationId = "cleanupRetention", description = "dryRun=true (the default) counts what would go and "
            + "changes nothing; dryRun=false removes it per kind (each kind's removal audited per tenant), then gives "
            + "the space back and checkpoints the write-ahead log. Unfinished work, OPEN circuits and anything still "
            + "referenced are never removed. 507 when the disk has less room than the store takes")
    public ReportResponse cleanup(@RequestParam(defaultValue = "true") boolean dryRun) {
        StoreCleanup.Report r = cleanup.cleanup(dryRun);
        return new ReportResponse(r.dryRun(), r.at(), r.kinds().stream().map(k -> new KindResponse(k.kind().id(),
                k.olderThan().toString(), k.cutoff(), k.removed())).toList(), r.bytesBefore(), r.bytesAfter(),
                r.bytesGivenBack());
    }
}
