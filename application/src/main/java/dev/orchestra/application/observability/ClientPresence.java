package dev.orchestra.application.observability;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;

/** Inbound port: connected UI clients, their heartbeats, and the closing of those gone silent. */
public interface ClientPresence {
    ClientSession open(Caller caller, String clientId, JsonDocument metadata);

    /** Keeps a session active (re-opens a closed one); {@code metadata} replaces the stored one when given. */
    ClientSession heartbeat(Caller caller, String id, JsonDocument metadata);

    ClientSession get(Caller caller, String id);

    /** {@code active} null lists every session; newest heartbeat first unless sorted. */
    Page<ClientSession> sessions(Caller caller, Boolean active, PageRequest<ClientSession> page);

    /** Closes, in every tenant, the active sessions silent for longer than the stale time; answers how many. */
    int closeStale();
}
