package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of a client session. */
public final class ClientSessionFields {
    public static final Field<ClientSession, String> ID = new Field<>("id", String.class, ClientSession::id);
    public static final Field<ClientSession, String> CLIENT_ID =
            new Field<>("clientId", String.class, ClientSession::clientId);
    public static final Field<ClientSession, Boolean> ACTIVE =
            new Field<>("active", Boolean.class, ClientSession::active);
    public static final Field<ClientSession, Instant> LAST_HEARTBEAT =
            new Field<>("lastHeartbeat", Instant.class, ClientSession::lastHeartbeat);

    public static final List<Field<ClientSession, ?>> ALL = List.of(ID, CLIENT_ID, ACTIVE, LAST_HEARTBEAT);

    private ClientSessionFields() {
    }
}
