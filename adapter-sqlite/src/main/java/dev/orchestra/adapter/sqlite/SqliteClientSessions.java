package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.ClientSessionFields;
import dev.orchestra.domain.observability.ClientSessions;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ClientSessions} in {@code client_sessions}. */
final class SqliteClientSessions implements ClientSessions {
    private static final SqlFilter<ClientSession> FILTER = new SqlFilter<>(Map.of(
            ClientSessionFields.ID, "id", ClientSessionFields.CLIENT_ID, "client_id",
            ClientSessionFields.ACTIVE, "active", ClientSessionFields.LAST_HEARTBEAT, "last_heartbeat"));
    private static final RowMapper<ClientSession> MAPPER = (rows, n) -> new ClientSession(Rows.tenant(rows),
            rows.getString("id"), rows.getString("client_id"), rows.getInt("active") == 1,
            Rows.instant(rows, "connected_at"), Rows.instant(rows, "last_heartbeat"), Rows.instant(rows, "closed_at"),
            Rows.json(rows, "metadata"), rows.getLong("version"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteClientSessions(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ClientSession add(ClientSession s) {
        SqlErrors.translate("add client session " + s.id(), () -> bind(unitOfWork.jdbc().sql("""
                INSERT INTO client_sessions (tenant_id, id, client_id, active, connected_at, last_heartbeat,
                    closed_at, metadata, version)
                VALUES (:tenant, :id, :clientId, :active, :connectedAt, :lastHeartbeat, :closedAt, :metadata,
                    :version)"""), s).update());
        return s;
    }

    @Override
    public ClientSession update(ClientSession s) {
        return SqlErrors.translate("update client session " + s.id(), () -> {
            int updated = bind(unitOfWork.jdbc().sql("""
                    UPDATE client_sessions SET client_id = :clientId, active = :active, connected_at = :connectedAt,
                        last_heartbeat = :lastHeartbeat, closed_at = :closedAt, metadata = :metadata,
                        version = version + 1
                    WHERE tenant_id = :tenant AND id = :id AND version = :version"""), s).update();
            if (updated != 1) {
                throw findById(s.tenantId(), s.id()).isPresent()
                        ? Conflict.staleVersion(ClientSession.ENTITY, s.id(), s.version())
                        : new NotFound(ClientSession.ENTITY, s.id());
            }
            return s.withVersion(s.version() + 1);
        });
    }

    @Override
    public Optional<ClientSession> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find client session " + id, () -> unitOfWork.jdbc()
                .sql("SELECT * FROM client_sessions WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(MAPPER).optional());
    }

    @Override
    public Page<ClientSession> find(TenantId tenant, Specification<ClientSession> where,
                                    PageRequest<ClientSession> page) {
        return SqlErrors.translate("find client sessions", () ->
                Rows.page(unitOfWork.jdbc(), "client_sessions", FILTER, tenant, where, "1 = 1", page, MAPPER));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, ClientSession s) {
        return sql.param("tenant", s.tenantId().value()).param("id", s.id()).param("clientId", s.clientId())
                .param("active", s.active() ? 1 : 0).param("connectedAt", Times.format(s.connectedAt()))
                .param("lastHeartbeat", Times.format(s.lastHeartbeat())).param("closedAt", Times.format(s.closedAt()))
                .param("metadata", Rows.text(s.metadata())).param("version", s.version());
    }
}
