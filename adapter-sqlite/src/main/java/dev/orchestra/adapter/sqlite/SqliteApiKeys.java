package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.access.ApiKeys;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ApiKeys} in {@code api_keys}. */
final class SqliteApiKeys implements ApiKeys {
    private static final RowMapper<ApiKey> MAPPER = (rows, n) -> new ApiKey(Rows.tenant(rows), rows.getString("id"),
            ApiKeyRole.valueOf(rows.getString("role")), rows.getString("name"), rows.getString("agent_id"),
            rows.getString("secret_sha256"), Rows.instant(rows, "created_at"), Rows.instant(rows, "last_used_at"),
            Rows.instant(rows, "revoked_at"), rows.getLong("version"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteApiKeys(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ApiKey add(ApiKey key) {
        SqlErrors.translate("add API key " + key.id(), () -> bind(unitOfWork.jdbc().sql("""
                INSERT INTO api_keys (tenant_id, id, role, name, agent_id, secret_sha256, created_at, last_used_at,
                    revoked_at, version)
                VALUES (:tenant, :id, :role, :name, :agentId, :secretSha256, :createdAt, :lastUsedAt, :revokedAt,
                    :version)"""), key).update());
        return key;
    }

    @Override
    public ApiKey update(ApiKey key) {
        return SqlErrors.translate("update API key " + key.id(), () -> {
            // The secret's digest, role, agent and creation time are the key's identity: never rewritten.
            int updated = bind(unitOfWork.jdbc().sql("""
                    UPDATE api_keys SET name = :name, last_used_at = :lastUsedAt, revoked_at = :revokedAt,
                        version = version + 1
                    WHERE tenant_id = :tenant AND id = :id AND version = :version"""), key).update();
            if (updated != 1) {
                throw findById(key.tenantId(), key.id()).isPresent()
                        ? Conflict.staleVersion(ApiKey.ENTITY, key.id(), key.version())
                        : new NotFound(ApiKey.ENTITY, key.id());
            }
            return key.withVersion(key.version() + 1);
        });
    }

    @Override
    public Optional<ApiKey> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find API key " + id, () -> unitOfWork.jdbc()
                .sql("SELECT * FROM api_keys WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(MAPPER).optional());
    }

    @Override
    public Optional<ApiKey> findBySecretSha256(String secretSha256) {
        return SqlErrors.translate("find API key by secret", () -> unitOfWork.jdbc()
                .sql("SELECT * FROM api_keys WHERE secret_sha256 = :digest")
                .param("digest", secretSha256).query(MAPPER).optional());
    }

    @Override
    public List<ApiKey> list(TenantId tenant) {
        return SqlErrors.translate("list API keys", () -> unitOfWork.jdbc()
                .sql("SELECT * FROM api_keys WHERE tenant_id = :tenant ORDER BY created_at, id")
                .param("tenant", tenant.value()).query(MAPPER).list());
    }

    @Override
    public boolean any() {
        return SqlErrors.translate("look for API keys", () -> unitOfWork.jdbc()
                .sql("SELECT EXISTS (SELECT 1 FROM api_keys)").query(Integer.class).single() == 1);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, ApiKey k) {
        return sql.param("tenant", k.tenantId().value()).param("id", k.id()).param("role", k.role().name())
                .param("name", k.name()).param("agentId", k.agentId()).param("secretSha256", k.secretSha256())
                .param("createdAt", Times.format(k.createdAt())).param("lastUsedAt", Times.format(k.lastUsedAt()))
                .param("revokedAt", Times.format(k.revokedAt())).param("version", k.version());
    }
}
