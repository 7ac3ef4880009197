package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.routing.DecisionFields;
import dev.orchestra.domain.routing.RoutingCandidate;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingDecisions;
import dev.orchestra.domain.routing.RoutingOutcome;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.routing.StatisticsFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.task.TaskPriority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RoutingDecisions} in {@code routing_decisions} with its {@code routing_candidates}, and the running
 * figures in {@code routing_statistics}.
 */
final class SqliteRoutingDecisions implements RoutingDecisions {
    private static final String DECISION = RoutingDecision.ENTITY;
    private static final String STATISTICS = RoutingStatistics.ENTITY;
    private static final SqlFilter<RoutingDecision> FILTER = new SqlFilter<>(Map.of(
            DecisionFields.ID, "id",
            DecisionFields.TASK_ID, "task_id",
            DecisionFields.TASK_TYPE, "task_type",
            DecisionFields.SELECTED_AGENT, "selected_agent",
            DecisionFields.WORKFLOW_EXECUTION_ID, "workflow_execution_id",
            DecisionFields.SUCCESS, "success",
            DecisionFields.ROUTED_AT, "routed_at"));
    private static final SqlFilter<RoutingStatistics> STATISTICS_FILTER = new SqlFilter<>(Map.of(
            StatisticsFields.AGENT_KEY, "agent_key",
            StatisticsFields.TOTAL, "total",
            StatisticsFields.SUCCESS_RATE, "success_rate",
            StatisticsFields.AVERAGE_DURATION, "average_duration_nanos",
            StatisticsFields.LAST_UPDATED, "last_updated"));

    private static final RowMapper<RoutingStatistics> STATISTICS_MAPPER = (rows, n) -> new RoutingStatistics(
            Rows.tenant(rows), rows.getString("agent_key"), rows.getLong("total"), rows.getLong("successful"),
            rows.getLong("failed"), Duration.ofNanos(rows.getLong("total_duration_nanos")),
            Rows.instant(rows, "last_updated"), rows.getLong("version"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteRoutingDecisions(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<RoutingDecision> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find routing decision " + id, () -> jdbc()
                .sql("SELECT * FROM routing_decisions WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id)
                .query((rows, n) -> header(rows)).optional()
                .map(d -> withCandidates(tenant, List.of(d)).get(0)));
    }

    @Override
    public RoutingDecision add(RoutingDecision d) {
        return SqlErrors.translate("add routing decision " + d.id(), () -> {
            RoutingOutcome o = d.outcome();
            jdbc().sql("""
                            INSERT INTO routing_decisions (tenant_id, id, task_id, task_type, required_capability,
                                selected_agent, priority, agent_score, strategy, success, error_message, retry_attempts,
                                routing_duration_nanos, routed_at, workflow_execution_id, workflow_step_id,
                                outcome_success, outcome_duration_nanos, outcome_error, outcome_at)
                            VALUES (:tenant, :id, :taskId, :taskType, :capability, :agent, :priority, :score,
                                :strategy, :success, :error, :retries, :duration, :routedAt, :execution, :step,
                                :outcomeSuccess, :outcomeDuration, :outcomeError, :outcomeAt)
                            """)
                    .param("tenant", d.tenantId().value()).param("id", d.id()).param("taskId", d.taskId())
                    .param("taskType", d.taskType()).param("capability", d.requiredCapability())
                    .param("agent", d.selectedAgent()).param("priority", d.priority().name())
                    .param("score", d.agentScore()).param("strategy", d.strategy())
                    .param("success", d.success() ? 1 : 0).param("error", d.errorMessage())
                    .param("retries", d.retryAttempts()).param("duration", d.routingDuration().toNanos())
                    .param("routedAt", Times.format(d.routedAt())).param("execution", d.workflowExecutionId())
                    .param("step", d.workflowStepId())
                    .param("outcomeSuccess", o == null ? null : o.success() ? 1 : 0)
                    .param("outcomeDuration", o == null ? null : o.duration().toNanos())
                    .param("outcomeError", o == null ? null : o.error())
                    .param("outcomeAt", o == null ? null : Times.format(o.at())).update();
            List<RoutingCandidate> candidates = d.candidates();
            for (int i = 0; i < candidates.size(); i++) {
                RoutingCandidate c = candidates.get(i);
                jdbc().sql("""
                                INSERT INTO routing_candidates (tenant_id, decision_id, position, agent_key, score,
                                    excluded_reason)
                                VALUES (:tenant, :decision, :position, :key, :score, :reason)
                                """)
                        .param("tenant", d.tenantId().value()).param("decision", d.id()).param("position", i)
                        .param("key", c.agentKey()).param("score", c.score()).param("reason", c.excludedReason())
                        .update();
            }
            return d;
        });
    }

    @Override
    public RoutingDecision recordOutcome(TenantId tenant, String id, RoutingOutcome o) {
        return SqlErrors.translate("record the outcome of routing decision " + id, () -> {
            RoutingDecision current = findById(tenant, id).orElseThrow(() -> new NotFound(DECISION, id));
            // Refuses a second outcome in the domain; the WHERE keeps the first even so.
            RoutingDecision next = current.withOutcome(o);
            int updated = jdbc().sql("""
                            UPDATE routing_decisions SET outcome_success = :success, outcome_duration_nanos = :duration,
                                outcome_error = :error, outcome_at = :at
                            WHERE tenant_id = :tenant AND id = :id AND outcome_at IS NULL
                            """)
                    .param("success", o.success() ? 1 : 0).param("duration", o.duration().toNanos())
                    .param("error", o.error()).param("at", Times.format(o.at()))
                    .param("tenant", tenant.value()).param("id", id).update();
            if (updated != 1) {
                throw new Conflict("the outcome of routing decision " + id + " is already recorded");
            }
            return next;
        });
    }

    @Override
    public Page<RoutingDecision> find(TenantId tenant, Specification<RoutingDecision> where,
                                      PageRequest<RoutingDecision> page) {
        return SqlErrors.translate("find routing decisions", () -> {
            Page<RoutingDecision> headers = Rows.page(jdbc(), "routing_decisions", FILTER, tenant, where, "1 = 1",
                    page, (rows, n) -> header(rows));
            return new Page<>(withCandidates(tenant, headers.items()), headers.page(), headers.size(),
                    headers.totalItems());
        });
    }

    @Override
    public Optional<RoutingStatistics> statistics(TenantId tenant, String agentKey) {
        return SqlErrors.translate("find routing statistics of " + agentKey, () -> jdbc()
                .sql("SELECT * FROM routing_statistics WHERE tenant_id = :tenant AND agent_key = :key")
                .param("tenant", tenant.value()).param("key", agentKey).query(STATISTICS_MAPPER).optional());
    }

    @Override
    public RoutingStatistics save(RoutingStatistics s) {
        return SqlErrors.translate("save routing statistics of " + s.agentKey(), () -> {
            int updated = bind(jdbc().sql("""
                    UPDATE routing_statistics SET total = :total, successful = :successful, failed = :failed,
                        total_duration_nanos = :duration, last_updated = :lastUpdated, version = version + 1
                    WHERE tenant_id = :tenant AND agent_key = :key AND version = :version
                    """), s).update();
            if (updated == 1) {
                return s.withVersion(s.version() + 1);
            }
            if (statistics(s.tenantId(), s.agentKey()).isPresent()) {
                throw Conflict.staleVersion(STATISTICS, s.agentKey(), s.version());
            }
            bind(jdbc().sql("""
                    INSERT INTO routing_statistics (tenant_id, agent_key, total, successful, failed,
                        total_duration_nanos, last_updated, version)
                    VALUES (:tenant, :key, :total, :successful, :failed, :duration, :lastUpdated, :version)
                    """), s).update();
            return s;
        });
    }

    @Override
    public Page<RoutingStatistics> statistics(TenantId tenant, Specification<RoutingStatistics> where,
                                              PageRequest<RoutingStatistics> page) {
        return SqlErrors.translate("find routing statistics", () -> Rows.page(jdbc(), "routing_statistics",
                STATISTICS_FILTER, tenant, where, "1 = 1", page, STATISTICS_MAPPER));
    }

    @Override
    public List<RoutingStatistics> recount(TenantId tenant, Instant since, Instant now) {
        // One set-based pass over the decisions since the date (index on routed_at), never a query per row.
        return SqlErrors.translate("recount routing statistics", () -> jdbc().sql("""
                        SELECT selected_agent, count(*) AS total, sum(outcome_success) AS successful,
                            sum(1 - outcome_success) AS failed, sum(outcome_duration_nanos) AS duration
                        FROM routing_decisions
                        WHERE tenant_id = :tenant AND routed_at >= :since AND outcome_at IS NOT NULL
                        GROUP BY selected_agent ORDER BY selected_agent
                        """)
                .param("tenant", tenant.value()).param("since", Times.format(since))
                .query((rows, n) -> new RoutingStatistics(tenant, rows.getString("selected_agent"),
                        rows.getLong("total"), rows.getLong("successful"), rows.getLong("failed"),
                        Duration.ofNanos(rows.getLong("duration")), now, 0)).list());
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, RoutingStatistics s) {
        return sql.param("tenant", s.tenantId().value()).param("key", s.agentKey()).param("total", s.total())
                .param("successful", s.successful()).param("failed", s.failed())
                .param("duration", s.totalDuration().toNanos()).param("lastUpdated", Times.format(s.lastUpdated()))
                .param("version", s.version());
    }

    /** The decision's own row; its candidates come from {@link #withCandidates}. */
    private static RoutingDecision header(ResultSet rows) throws SQLException {
        RoutingOutcome outcome = rows.getString("outcome_at") == null ? null : new RoutingOutcome(
                rows.getInt("outcome_success") == 1, Duration.ofNanos(rows.getLong("outcome_duration_nanos")),
                rows.getString("outcome_error"), Rows.instant(rows, "outcome_at"));
        return new RoutingDecision(Rows.tenant(rows), rows.getString("id"), rows.getString("task_id"),
                rows.getString("task_type"), rows.getString("required_capability"),
                rows.getString("selected_agent"), Rows.enumOf(TaskPriority.class, rows, "priority"),
                rows.getDouble("agent_score"), rows.getString("strategy"), List.of(), rows.getInt("success") == 1,
                rows.getString("error_message"), rows.getInt("retry_attempts"),
                Duration.ofNanos(rows.getLong("routing_duration_nanos")), Rows.instant(rows, "routed_at"),
                rows.getString("workflow_execution_id"), rows.getString("workflow_step_id"), outcome);
    }

    /** The decisions with their candidates, read for all of them in one query. */
    private List<RoutingDecision> withCandidates(TenantId tenant, List<RoutingDecision> decisions) {
        if (decisions.isEmpty()) {
            return decisions;
        }
        Map<String, List<RoutingCandidate>> byDecision = new HashMap<>();
        jdbc().sql("""
                        SELECT decision_id, agent_key, score, excluded_reason FROM routing_candidates
                        WHERE tenant_id = :tenant AND decision_id IN (:ids) ORDER BY decision_id, position
                        """)
                .param("tenant", tenant.value()).param("ids", decisions.stream().map(RoutingDecision::id).toList())
                .query(rows -> {
                    byDecision.computeIfAbsent(rows.getString("decision_id"), k -> new ArrayList<>())
                            .add(new RoutingCandidate(rows.getString("agent_key"), rows.getDouble("score"),
                                    rows.getString("excluded_reason")));
                });
        List<RoutingDecision> complete = new ArrayList<>(decisions.size());
        for (RoutingDecision d : decisions) {
            List<RoutingCandidate> candidates = byDecision.get(d.id());
            complete.add(candidates == null ? d : new RoutingDecision(d.tenantId(), d.id(), d.taskId(), d.taskType(),
                    d.requiredCapability(), d.selectedAgent(), d.priority(), d.agentScore(), d.strategy(), candidates,
                    d.success(), d.errorMessage(), d.retryAttempts(), d.routingDuration(), d.routedAt(),
                    d.workflowExecutionId(), d.workflowStepId(), d.outcome()));
        }
        return complete;
    }
}
