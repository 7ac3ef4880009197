package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitBreakers;
import dev.orchestra.domain.resilience.CircuitFields;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.resilience.TransitionFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CircuitBreakers} in {@code circuit_breaker_states} and the append-only {@code circuit_transitions}. */
final class SqliteCircuitBreakers implements CircuitBreakers {
    private static final String BREAKER = CircuitBreaker.ENTITY;
    private static final SqlFilter<CircuitBreaker> FILTER = new SqlFilter<>(Map.of(
            CircuitFields.AGENT_KEY, "agent_key",
            CircuitFields.STATE, "state",
            CircuitFields.RESET_AT, "reset_at",
            CircuitFields.LAST_UPDATED, "last_updated"));
    private static final SqlFilter<CircuitTransition> TRANSITION_FILTER = new SqlFilter<>(Map.of(
            TransitionFields.ID, "id",
            TransitionFields.AGENT_KEY, "agent_key",
            TransitionFields.TO, "to_state",
            TransitionFields.AT, "occurred_at"));

    private static final RowMapper<CircuitBreaker> MAPPER = (rows, n) -> new CircuitBreaker(Rows.tenant(rows),
            rows.getString("agent_key"), Rows.enumOf(CircuitState.class, rows, "state"),
            rows.getLong("failure_count"), rows.getLong("success_count"), rows.getInt("failure_threshold"),
            Rows.nanos(rows, "cool_down_nanos"), Rows.instant(rows, "opened_at"), Rows.instant(rows, "reset_at"),
            Rows.instant(rows, "last_updated"), rows.getLong("version"));
    private static final RowMapper<CircuitTransition> TRANSITION_MAPPER = (rows, n) -> new CircuitTransition(
            Rows.tenant(rows), rows.getString("id"), rows.getString("agent_key"),
            Rows.enumOf(CircuitState.class, rows, "from_state"), Rows.enumOf(CircuitState.class, rows, "to_state"),
            rows.getString("reason"), rows.getLong("failure_count"), rows.getLong("success_count"),
            Rows.instant(rows, "occurred_at"), rows.getString("changed_by"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteCircuitBreakers(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<CircuitBreaker> findByKey(TenantId tenant, String agentKey) {
        return SqlErrors.translate("find circuit breaker " + agentKey, () -> jdbc()
                .sql("SELECT * FROM circuit_breaker_states WHERE tenant_id = :tenant AND agent_key = :key")
                .param("tenant", tenant.value()).param("key", agentKey).query(MAPPER).optional());
    }

    @Override
    public CircuitBreaker add(CircuitBreaker b) {
        return SqlErrors.translate("add circuit breaker " + b.agentKey(), () -> {
            bind(jdbc().sql("""
                    INSERT INTO circuit_breaker_states (tenant_id, agent_key, state, failure_count, success_count,
                        failure_threshold, cool_down_nanos, opened_at, reset_at, last_updated, version)
                    VALUES (:tenant, :key, :state, :failures, :successes, :threshold, :coolDown, :openedAt,
                        :resetAt, :lastUpdated, :version)
                    """), b).update();
            return b;
        });
    }

    @Override
    public CircuitBreaker update(CircuitBreaker b) {
        return SqlErrors.translate("update circuit breaker " + b.agentKey(), () -> {
            int updated = bind(jdbc().sql("""
                    UPDATE circuit_breaker_states SET state = :state, failure_count = :failures,
                        success_count = :successes, failure_threshold = :threshold, cool_down_nanos = :coolDown,
                        opened_at = :openedAt, reset_at = :resetAt, last_updated = :lastUpdated,
                        version = version + 1
                    WHERE tenant_id = :tenant AND agent_key = :key AND version = :version
                    """), b).update();
            if (updated != 1) {
                throw findByKey(b.tenantId(), b.agentKey()).isPresent()
                        ? Conflict.staleVersion(BREAKER, b.agentKey(), b.version())
                        : new NotFound(BREAKER, b.agentKey());
            }
            return b.withVersion(b.version() + 1);
        });
    }

    @Override
    public Page<CircuitBreaker> find(TenantId tenant, Specification<CircuitBreaker> where,
                                     PageRequest<CircuitBreaker> page) {
        return SqlErrors.translate("find circuit breakers", () -> Rows.page(jdbc(), "circuit_breaker_states",
                FILTER, tenant, where, "1 = 1", page, MAPPER));
    }

    @Override
    public List<CircuitBreaker> dueForRecovery(TenantId tenant, Instant now, int limit) {
        return SqlErrors.translate("find circuit breakers due for recovery", () -> jdbc().sql("""
                        SELECT * FROM circuit_breaker_states
                        WHERE tenant_id = :tenant AND state = 'OPEN' AND reset_at <= :now
                        ORDER BY reset_at, agent_key LIMIT :limit
                        """)
                .param("tenant", tenant.value()).param("now", Times.format(now)).param("limit", limit)
                .query(MAPPER).list());
    }

    @Override
    public void append(CircuitTransition t) {
        SqlErrors.translate("append circuit transition", () -> jdbc().sql("""
                        INSERT INTO circuit_transitions (tenant_id, id, agent_key, from_state, to_state, reason,
                            failure_count, success_count, occurred_at, changed_by)
                        VALUES (:tenant, :id, :key, :from, :to, :reason, :failures, :successes, :at, :by)
                        """)
                .param("tenant", t.tenantId().value()).param("id", t.id()).param("key", t.agentKey())
                .param("from", t.from().name()).param("to", t.to().name()).param("reason", t.reason())
                .param("failures", t.failureCount()).param("successes", t.successCount())
                .param("at", Times.format(t.at())).param("by", t.by()).update());
    }

    @Override
    public Page<CircuitTransition> transitions(TenantId tenant, Specification<CircuitTransition> where,
                                               PageRequest<CircuitTransition> page) {
        return SqlErrors.translate("find circuit transitions", () -> Rows.page(jdbc(), "circuit_transitions",
                TRANSITION_FILTER, tenant, where, "1 = 1", page, TRANSITION_MAPPER));
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, CircuitBreaker b) {
        return sql.param("tenant", b.tenantId().value()).param("key", b.agentKey()).param("state", b.state().name())
                .param("failures", b.failureCount()).param("successes", b.successCount())
                .param("threshold", b.failureThreshold()).param("coolDown", b.coolDown().toNanos())
                .param("openedAt", Times.format(b.openedAt())).param("resetAt", Times.format(b.resetAt()))
                .param("lastUpdated", Times.format(b.lastUpdated())).param("version", b.version());
    }
}
