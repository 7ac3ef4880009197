package dev.orchestra.adapter.json;

import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.LogLevel;
import dev.orchestra.domain.observability.MetricEntity;
import dev.orchestra.domain.observability.MetricPeriod;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.TenantId;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The document's rows of orchestration logs, performance metrics and client sessions. */
final class ObservabilityRows {
    private final ObjectMapper mapper;

    ObservabilityRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode log(OrchestrationLog l) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", l.tenantId().value());
        n.put("Id", l.id());
        n.put("Level", l.level().name());
        n.put("Category", l.category());
        n.put("Message", l.message());
        n.put("Properties", l.properties().json());
        n.put("Timestamp", LegacyValues.time(l.timestamp()));
        return n;
    }

    OrchestrationLog log(JsonProps n) {
        return new OrchestrationLog(tenant(n), n.text("Id", null), LogLevel.valueOf(n.text("Level", null)),
                n.text("Category", null), n.text("Message", null), new JsonDocument(n.text("Properties", "{}")),
                n.time("Timestamp"));
    }

    ObjectNode metric(PerformanceMetric m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", m.tenantId().value());
        n.put("Id", m.id());
        n.put("EntityType", m.entityType().name());
        n.put("EntityId", m.entityId());
        n.put("Name", m.name());
        n.put("Value", m.value());
        n.put("Unit", m.unit());
        n.put("Period", m.period().name());
        n.put("PeriodStart", LegacyValues.time(m.periodStart()));
        n.put("PeriodEnd", LegacyValues.time(m.periodEnd()));
        n.put("SampleCount", m.sampleCount());
        n.put("Min", m.min());
        n.put("Max", m.max());
        n.put("StandardDeviation", m.standardDeviation());
        return n;
    }

    PerformanceMetric metric(JsonProps n) {
        return new PerformanceMetric(tenant(n), n.text("Id", null), MetricEntity.valueOf(n.text("EntityType", null)),
                n.text("EntityId", null), n.text("Name", null), n.decimal("Value"), n.text("Unit", null),
                MetricPeriod.valueOf(n.text("Period", null)), n.time("PeriodStart"), n.time("PeriodEnd"),
                n.number("SampleCount", 0), n.decimal("Min"), n.decimal("Max"), n.decimal("StandardDeviation"));
    }

    ObjectNode clientSession(ClientSession s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", s.tenantId().value());
        n.put("Id", s.id());
        n.put("ClientId", s.clientId());
        n.put("Active", s.active());
        n.put("ConnectedAt", LegacyValues.time(s.connectedAt()));
        n.put("LastHeartbeat", LegacyValues.time(s.lastHeartbeat()));
        n.put("ClosedAt", s.closedAt() == null ? null : LegacyValues.time(s.closedAt()));
        n.put("Metadata", s.metadata().json());
        n.put("Version", s.version());
        return n;
    }

    ClientSession clientSession(JsonProps n) {
        return new ClientSession(tenant(n), n.text("Id", null), n.text("ClientId", null), n.bool("Active", false),
                n.time("ConnectedAt"), n.time("LastHeartbeat"), n.time("ClosedAt"),
                new JsonDocument(n.text("Metadata", "{}")), n.number("Version", 0));
    }

    private static TenantId tenant(JsonProps n) {
        return new TenantId(n.text("TenantId", TenantId.DEFAULT.value()));
    }
}
