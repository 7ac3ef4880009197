package dev.orchestra.adapter.rest.admin;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.JsonValues;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.application.observability.ClientPresence;
import dev.orchestra.application.observability.MetricsSeries;
import dev.orchestra.application.observability.OrchestrationLogging;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.ClientSessionFields;
import dev.orchestra.domain.observability.LogFields;
import dev.orchestra.domain.observability.LogLevel;
import dev.orchestra.domain.observability.MetricEntity;
import dev.orchestra.domain.observability.MetricFields;
import dev.orchestra.domain.observability.MetricPeriod;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.observability.PerformanceMetric;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/** Orchestration logs, performance metrics and client sessions (Administration in REST-API.md). */
@RestController
@Tag(name = "Administration")
@RequestMapping(RestApi.BASE + "/admin")
public class ObservabilityController {
    private final OrchestrationLogging logging;
    private final MetricsSeries metrics;
    private final ClientPresence presence;

    public ObservabilityController(OrchestrationLogging logging, MetricsSeries metrics, ClientPresence presence) {
        this.logging = logging;
        this.metrics = metrics;
        this.presence = presence;
    }

    @Schema(name = "OrchestrationLogRequest")
    public record LogRequest(@NotNull LogLevel level, @NotNull String category, @NotNull String message,
                             @Schema(description = "a JSON object") JsonNode properties, Instant timestamp) {
    }

    @Schema(name = "OrchestrationLog")
    public record LogResponse(String id, LogLevel level, String category, String message,
                              @Schema(implementation = Map.class) @JsonRawValue String properties,
                              Instant timestamp) {
        static LogResponse of(OrchestrationLog l) {
            return new LogResponse(l.id(), l.level(), l.category(), l.message(), l.properties().json(),
                    l.timestamp());
        }
    }

    @PostMapping("/logs")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordLog", description = "appends an entry to the caller's tenant's orchestration "
            + "log (the time is the store's when not given); the service records its own warnings and errors there "
            + "too, in the default tenant, with category service.<logger>")
    public ResponseEntity<LogResponse> recordLog(Caller caller, @Valid @RequestBody LogRequest request) {
        OrchestrationLog entry = logging.record(caller, new OrchestrationLogging.Entry(request.level(),
                request.category(), request.message(), JsonValues.document("properties", request.properties()),
                request.timestamp()));
        return ResponseEntity.status(HttpStatus.CREATED).body(LogResponse.of(entry));
    }

    @GetMapping("/logs")
    @Operation(operationId = "queryLogs", description = "level is the lowest level wanted (WARN: warnings and "
            + "errors); from inclusive, to exclusive; newest first unless sorted")
    public PageResponse<LogResponse> logs(Caller caller, @RequestParam(required = false) LogLevel level,
                                          @RequestParam(required = false) String category,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size,
                                          @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(logging.entries(caller, new OrchestrationLogging.Filter(level, category, from, to),
                Paging.of(page, size, sort, LogFields.ALL)), LogResponse::of);
    }

    @Schema(name = "MetricSampleRequest")
    public record SampleRequest(@NotNull MetricEntity entityType, String entityId, @NotNull String name,
                                @NotNull Double value, @NotNull String unit, Instant timestamp) {
    }

    @Schema(name = "PerformanceMetric", description = "a raw sample (INSTANT) or a roll-up of one period: value "
            + "is the mean of its samples; sampleCount, min, max and the population standardDeviation over them")
    public record MetricResponse(String id, MetricEntity entityType, String entityId, String name, double value,
                                 String unit, MetricPeriod period, Instant periodStart, Instant periodEnd,
                                 long sampleCount, double min, double max, double standardDeviation) {
        static MetricResponse of(PerformanceMetric m) {
            return new MetricResponse(m.id(), m.entityType(), m.entityId(), m.name(), m.value(), m.unit(), m.period(),
                    m.periodStart(), m.periodEnd(), m.sampleCount(), m.min(), m.max(), m.standardDeviation());
        }
    }

    @PostMapping("/metrics")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordMetric", description = "a raw sample; complete hours are rolled into HOURLY "
            + "rows, complete days into DAILY rows and complete weeks (Monday to Monday, UTC) into WEEKLY rows by the"
            + " service")
    public ResponseEntity<MetricResponse> recordMetric(Caller caller, @Valid @RequestBody SampleRequest request) {
        PerformanceMetric sample = metrics.record(caller, new MetricsSeries.Sample(request.entityType(),
                request.entityId(), request.name(), request.value(), request.unit(), request.timestamp()));
        return ResponseEntity.status(HttpStatus.CREATED).body(MetricResponse.of(sample));
    }

    @GetMapping("/metrics")
    @Operation(operationId = "queryMetrics", description = "a time series: period INSTANT (the default), HOURLY, "
            + "DAILY or WEEKLY; from inclusive, to exclusive, on the period's start; oldest first unless sorted")
    public PageResponse<MetricResponse> metrics(Caller caller, @RequestParam(required = false) String name,
                                                @RequestParam(required = false) MetricEntity entityType,
                                                @RequestParam(required = false) String entityId,
                                                @RequestParam(required = false) MetricPeriod period,
                                                @RequestParam(required = false) Instant from,
                                                @RequestParam(required = false) Instant to,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size,
                                                @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(metrics.series(caller, new MetricsSeries.Filter(name, entityType, entityId, period,
                from, to), Paging.of(page, size, sort, MetricFields.ALL)), MetricResponse::of);
    }

    @Schema(name = "ClientSessionRequest")
    public record ClientRequest(@NotNull String clientId, @Schema(description = "a JSON object") JsonNode metadata) {
    }

    @Schema(name = "ClientHeartbeat")
    public record Heartbeat(@Schema(description = "a JSON object; replaces the stored one when given")
                            JsonNode metadata) {
    }

    @Schema(name = "ClientSession")
    public record ClientResponse(String id, String clientId, boolean active, Instant connectedAt,
                                 Instant lastHeartbeat, Instant closedAt,
                                 @Schema(implementation = Map.class) @JsonRawValue String metadata, long version) {
        static ClientResponse of(ClientSession s) {
            return new ClientResponse(s.id(), s.clientId(), s.active(), s.connectedAt(), s.lastHeartbeat(),
                    s.closedAt(), s.metadata().json(), s.version());
        }
    }

    @PostMapping("/client-sessions")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "openClientSession", description = "a connected UI client; it stays active while it "
            + "sends heartbeats and is closed by cleanup once silent for orchestra.observability.client-stale-after")
    public ResponseEntity<ClientResponse> openClient(Caller caller, @Valid @RequestBody ClientRequest request) {
        ClientSession session = presence.open(caller, request.clientId(),
                JsonValues.document("metadata", request.metadata()));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/admin/client-sessions/"
                + UriUtils.encodePathSegment(session.id(), StandardCharsets.UTF_8))).body(ClientResponse.of(session));
    }

    @PostMapping("/client-sessions/{id}/heartbeat")
    @Operation(operationId = "heartbeatClientSession", description = "keeps the session active (re-opens a closed "
            + "one); the body is optional")
    public ClientResponse heartbeat(Caller caller, @PathVariable String id,
                                    @RequestBody(required = false) Heartbeat body) {
        return ClientResponse.of(presence.heartbeat(caller, id,
                body == null ? null : JsonValues.document("metadata", body.metadata())));
    }

    @GetMapping("/client-sessions/{id}")
    @Operation(operationId = "getClientSession")
    public ClientResponse client(Caller caller, @PathVariable String id) {
        return ClientResponse.of(presence.get(caller, id));
    }

    @GetMapping("/client-sessions")
    @Operation(operationId = "listClientSessions", description = "active=true or false filters; newest heartbeat "
            + "first unless sorted")
    public PageResponse<ClientResponse> clients(Caller caller, @RequestParam(required = false) Boolean active,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size,
                                                @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(presence.sessions(caller, active, Paging.of(page, size, sort,
                ClientSessionFields.ALL)), ClientResponse::of);
    }
}
