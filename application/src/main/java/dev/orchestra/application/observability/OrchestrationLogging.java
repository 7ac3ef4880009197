package dev.orchestra.application.observability;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.observability.LogLevel;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import java.time.Instant;

/** Inbound port: the orchestration log, written by clients and by the service itself, queried by time. */
public interface OrchestrationLogging {
    /** What a client posts; the time is the store's clock when it is not given. */
    record Entry(LogLevel level, String category, String message, JsonDocument properties, Instant timestamp) {
    }

    OrchestrationLog record(Caller caller, Entry entry);

    /** Every part optional; {@code level} is the lowest level wanted; {@code from} inclusive, {@code to} exclusive. */
    record Filter(LogLevel level, String category, Instant from, Instant to) {
    }

    Page<OrchestrationLog> entries(Caller caller, Filter filter, PageRequest<OrchestrationLog> page);
}
