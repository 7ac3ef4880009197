package dev.orchestra.adapter.rest.admin;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.application.audit.AuditQuery;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/** {@code GET /admin/audit}: the caller's tenant's audit trail, newest first. */
@RestController
@Tag(name = "Administration")
@RequestMapping(RestApi.BASE + "/admin/audit")
public class AuditController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AuditQuery audit;

    public AuditController(AuditQuery audit) {
        this.audit = audit;
    }

    @Schema(name = "AuditEntryResponse", description = "oldValues and newValues: the values before and after, as "
            + "the JSON they were recorded as (text when a legacy entry holds something else)")
    public record Entry(String id, String entityType, String entityId, AuditAction action,
                        @Schema(implementation = Map.class) JsonNode oldValues,
                        @Schema(implementation = Map.class) JsonNode newValues, List<String> changedProperties,
                        String userId, String correlationId, Instant timestamp, boolean success, String error,
                        int riskLevel) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id(), e.entityType(), e.entityId(), e.action(), json(e.oldValues()),
                    json(e.newValues()), e.changedProperties(), e.userId(), e.correlationId(), e.timestamp(),
                    e.success(), e.error(), e.riskLevel());
        }

        private static JsonNode json(String text) {
            if (text == null) {
                return null;
            }
            try {
                return JSON.readTree(text);
            } catch (JacksonException e) {
                return StringNode.valueOf(text);
            }
        }
    }

    @GetMapping
    @Operation(operationId = "queryAudit", description = "filtered by entityType, entityId, action and a time range "
            + "(from inclusive, to exclusive); newest first unless sorted")
    public PageResponse<Entry> entries(Caller caller, @RequestParam(required = false) String entityType,
                                       @RequestParam(required = false) String entityId,
                                       @RequestParam(required = false) AuditAction action,
                                       @RequestParam(required = false) Instant from,
                                       @RequestParam(required = false) Instant to,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(audit.entries(caller, new AuditQuery.Filter(entityType, entityId, action, from, to),
                Paging.of(page, size, sort, AuditFieldsOfEntry.ALL)), Entry::of);
    }
}
