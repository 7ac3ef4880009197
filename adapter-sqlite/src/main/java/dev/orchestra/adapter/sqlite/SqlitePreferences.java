package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.preference.PreferenceFields;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Preferences} in the {@code user_preferences} table. */
final class SqlitePreferences implements Preferences {
    private static final String PREFERENCE = UserPreference.ENTITY;
    private static final SqlFilter<UserPreference> FILTER = new SqlFilter<>(Map.of(
            PreferenceFields.ID, "id",
            PreferenceFields.USER_ID, "user_id",
            PreferenceFields.KEY, "key",
            PreferenceFields.CATEGORY, "category",
            PreferenceFields.REPOSITORY_ID, "repository_id",
            PreferenceFields.AGENT_ID, "agent_id"));

    static final RowMapper<UserPreference> MAPPER = (rows, n) -> new UserPreference(
            Rows.tenant(rows), rows.getString("id"),
            new PreferenceScope(rows.getString("user_id"), rows.getString("repository_id"),
                    rows.getString("agent_id")),
            rows.getString("key"), rows.getString("value"), Rows.enumOf(ValueType.class, rows, "value_type"),
            rows.getString("category"), rows.getString("description"), rows.getInt("read_only") == 1,
            rows.getInt("sensitive") == 1, Rows.audit(rows), rows.getLong("version"));

    private final SqliteUnitOfWork unitOfWork;

    SqlitePreferences(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<UserPreference> find(TenantId tenant, PreferenceScope scope, String key) {
        return SqlErrors.translate("find preference " + key, () -> jdbc().sql("""
                        SELECT * FROM user_preferences
                        WHERE tenant_id = :tenant AND user_id = :user AND key = :key
                          AND coalesce(repository_id, '') = :repository AND coalesce(agent_id, '') = :agent
                        """)
                .param("tenant", tenant.value()).param("user", scope.userId()).param("key", key)
                .param("repository", scope.repositoryId() == null ? "" : scope.repositoryId())
                .param("agent", scope.agentId() == null ? "" : scope.agentId())
                .query(MAPPER).optional());
    }

    @Override
    public List<UserPreference> find(TenantId tenant, Specification<UserPreference> where) {
        SqlFilter.Where condition = FILTER.where(where);
        return SqlErrors.translate("find preferences", () -> jdbc()
                .sql("SELECT * FROM user_preferences WHERE tenant_id = :tenant AND " + condition.sql()
                        + " ORDER BY user_id, key, repository_id, agent_id, id")
                .param("tenant", tenant.value()).params(condition.parameters())
                .query(MAPPER).list());
    }

    @Override
    public UserPreference add(UserPreference p) {
        return SqlErrors.translate("add preference " + p.key(), () -> {
            bind(jdbc().sql("""
                    INSERT INTO user_preferences (tenant_id, id, user_id, key, value, value_type, category,
                        repository_id, agent_id, description, read_only, sensitive, created_at, created_by,
                        updated_at, updated_by, version)
                    VALUES (:tenant, :id, :user, :key, :value, :valueType, :category, :repository, :agent,
                        :description, :readOnly, :sensitive, :createdAt, :createdBy, :updatedAt, :updatedBy, :version)
                    """), p).param("version", p.version()).update();
            return p;
        });
    }

    @Override
    public UserPreference update(UserPreference p) {
        return SqlErrors.translate("update preference " + p.key(), () -> {
            int updated = bind(jdbc().sql("""
                    UPDATE user_preferences SET user_id = :user, key = :key, value = :value,
                        value_type = :valueType, category = :category, repository_id = :repository,
                        agent_id = :agent, description = :description, read_only = :readOnly,
                        sensitive = :sensitive, updated_at = :updatedAt, updated_by = :updatedBy,
                        version = version + 1
                    WHERE tenant_id = :tenant AND id = :id AND version = :version
                    """), p).param("version", p.version()).update();
            if (updated != 1) {
                throw exists(p.tenantId(), p.id()) ? Conflict.staleVersion(PREFERENCE, p.key(), p.version())
                        : new NotFound(PREFERENCE, p.key());
            }
            return p.withVersion(p.version() + 1);
        });
    }

    @Override
    public void remove(TenantId tenant, String id, long expectedVersion) {
        SqlErrors.translate("remove preference " + id, () -> {
            int removed = jdbc().sql("DELETE FROM user_preferences WHERE tenant_id = :tenant AND id = :id"
                            + " AND version = :version")
                    .param("tenant", tenant.value()).param("id", id).param("version", expectedVersion).update();
            if (removed != 1) {
                throw exists(tenant, id) ? Conflict.staleVersion(PREFERENCE, id, expectedVersion)
                        : new NotFound(PREFERENCE, id);
            }
            return null;
        });
    }

    @Override
    public long count(TenantId tenant) {
        return SqlErrors.translate("count preferences", () -> jdbc()
                .sql("SELECT count(*) FROM user_preferences WHERE tenant_id = :tenant")
                .param("tenant", tenant.value()).query(Long.class).single());
    }

    private boolean exists(TenantId tenant, String id) {
        return jdbc().sql("SELECT count(*) FROM user_preferences WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(Long.class).single() > 0;
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, UserPreference p) {
        return sql.param("tenant", p.tenantId().value()).param("id", p.id()).param("user", p.scope().userId())
                .param("key", p.key()).param("value", p.value()).param("valueType", p.valueType().name())
                .param("category", p.category()).param("repository", p.scope().repositoryId())
                .param("agent", p.scope().agentId()).param("description", p.description())
                .param("readOnly", p.readOnly() ? 1 : 0).param("sensitive", p.sensitive() ? 1 : 0)
                .param("createdAt", Times.format(p.audit().createdAt())).param("createdBy", p.audit().createdBy())
                .param("updatedAt", Times.format(p.audit().updatedAt())).param("updatedBy", p.audit().updatedBy());
    }
}
