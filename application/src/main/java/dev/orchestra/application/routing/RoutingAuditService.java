package dev.orchestra.application.routing;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.routing.DecisionFields;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingDecisions;
import dev.orchestra.domain.routing.RoutingOutcome;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.routing.StatisticsFields;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Pages;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routing use cases. An outcome is set on its decision and counted in the agent's figures in one unit
 * of work, so the running figures always equal a recount from the decisions unless something changed the
 * store behind its back, which {@link #drift} finds. Decisions, outcomes and recalculations are audited.
 */
public final class RoutingAuditService implements RoutingAudit {
    static final String DECISION = RoutingDecision.ENTITY;
    static final String STATISTICS = RoutingStatistics.ENTITY;
    public static final int MAX_TOP = 500;

    private final UnitOfWork unitOfWork;
    private final RoutingDecisions decisions;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public RoutingAuditService(UnitOfWork unitOfWork, RoutingDecisions decisions, ConstraintCheck constraints,
                               Auditor auditor, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.decisions = decisions;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public RoutingDecision record(Caller caller, NewDecision d) {
        RoutingDecision decision = constraints.require(new RoutingDecision(caller.tenant(),
                d.id() == null ? Ids.newId() : d.id(), d.taskId(), d.taskType(), d.requiredCapability(),
                d.selectedAgent(), d.priority(), d.agentScore(), d.strategy(), d.candidates(), d.success(),
                d.errorMessage(), d.retryAttempts(), d.routingDuration(), clock.instant(), d.workflowExecutionId(),
                d.workflowStepId(), null));
        return unitOfWork.write(() -> {
            RoutingDecision stored = decisions.add(decision);
            // The decision row is the full record; the audit entry says what happened and points at it.
            auditor.recorded(caller, DECISION, stored.id(), AuditAction.CREATE, summary(stored));
            return stored;
        });
    }

    @Override
    public Counted recordOutcome(Caller caller, String decisionId, Outcome o) {
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            RoutingOutcome outcome = constraints.require(new RoutingOutcome(o.success(), o.duration(), o.error(),
                    now));
            RoutingDecision decided = decisions.recordOutcome(caller.tenant(), decisionId, outcome);
            RoutingStatistics before = decisions.statistics(caller.tenant(), decided.selectedAgent())
                    .orElseGet(() -> RoutingStatistics.none(caller.tenant(), decided.selectedAgent(), now));
            RoutingStatistics after = decisions.save(before.plus(outcome, now));
            auditor.recorded(caller, DECISION, decisionId, AuditAction.UPDATE, outcomeValues(outcome));
            return new Counted(decided, after);
        });
    }

    @Override
    public RoutingDecision get(Caller caller, String decisionId) {
        return unitOfWork.read(() -> decisions.findById(caller.tenant(), decisionId))
                .orElseThrow(() -> new NotFound(DECISION, decisionId));
    }

    @Override
    public Page<RoutingDecision> decisions(Caller caller, DecisionQuery q, PageRequest<RoutingDecision> page) {
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw ValidationFailed.of("to", "must not be before from (" + q.from() + ")");
        }
        Specification<RoutingDecision> where = Specification.all();
        if (q.taskId() != null) {
            where = where.and(DecisionFields.TASK_ID.eq(q.taskId()));
        }
        if (q.workflowExecutionId() != null) {
            where = where.and(DecisionFields.WORKFLOW_EXECUTION_ID.eq(q.workflowExecutionId()));
        }
        if (q.selectedAgent() != null) {
            where = where.and(DecisionFields.SELECTED_AGENT.eq(q.selectedAgent()));
        }
        if (q.from() != null) {
            where = where.and(DecisionFields.ROUTED_AT.atOrAfter(q.from()));
        }
        if (q.to() != null) {
            where = where.and(DecisionFields.ROUTED_AT.before(q.to()));
        }
        if (q.success() != null) {
            where = where.and(DecisionFields.SUCCESS.eq(q.success()));
        }
        PageRequest<RoutingDecision> ordered = page.sort().isEmpty()
                ? new PageRequest<>(page.page(), page.size(), List.of(DecisionFields.ROUTED_AT.desc()))
                : page;
        Specification<RoutingDecision> filter = where;
        return unitOfWork.read(() -> decisions.find(caller.tenant(), filter, ordered));
    }

    @Override
    public Page<RoutingStatistics> statistics(Caller caller, PageRequest<RoutingStatistics> page) {
        return unitOfWork.read(() -> decisions.statistics(caller.tenant(), Specification.all(), page));
    }

    @Override
    public RoutingStatistics statistics(Caller caller, String agentKey) {
        return unitOfWork.read(() -> decisions.statistics(caller.tenant(), agentKey))
                .orElseThrow(() -> new NotFound(STATISTICS, agentKey));
    }

    @Override
    public List<RoutingStatistics> top(Caller caller, int limit) {
        if (limit < 1 || limit > MAX_TOP) {
            throw ValidationFailed.of("limit", "must be between 1 and " + MAX_TOP + ", not " + limit);
        }
        return unitOfWork.read(() -> decisions.statistics(caller.tenant(), StatisticsFields.TOTAL.after(0L),
                new PageRequest<>(0, limit, List.of(StatisticsFields.SUCCESS_RATE.desc(),
                        StatisticsFields.TOTAL.desc())))).items();
    }

    @Override
    public Page<RoutingStatistics> underperforming(Caller caller, double below, long minTasks,
                                                   PageRequest<RoutingStatistics> page) {
        if (!(below >= 0.0 && below <= 1.0)) {
            throw ValidationFailed.of("below", "must be a success rate between 0 and 1, not " + below);
        }
        if (minTasks < 1) {
            throw ValidationFailed.of("minTasks", "must be at least 1, not " + minTasks);
        }
        PageRequest<RoutingStatistics> ordered = page.sort().isEmpty()
                ? new PageRequest<>(page.page(), page.size(), List.of(StatisticsFields.SUCCESS_RATE.asc(),
                        StatisticsFields.TOTAL.desc()))
                : page;
        return unitOfWork.read(() -> decisions.statistics(caller.tenant(),
                StatisticsFields.SUCCESS_RATE.before(below).and(StatisticsFields.TOTAL.atOrAfter(minTasks)),
                ordered));
    }

    @Override
    public Recalculation recalculate(Caller caller, Instant since) {
        return unitOfWork.write(() -> {
            Comparison c = compare(caller, since);
            List<RoutingStatistics> result = new ArrayList<>();
            int changed = 0;
            for (String agent : c.agents()) {
                RoutingStatistics current = c.running().get(agent);
                RoutingStatistics fresh = c.recounted(caller, agent);
                if (current != null && current.sameFiguresAs(fresh)) {
                    result.add(current);
                    continue;
                }
                RoutingStatistics stored = decisions.save(current == null ? fresh
                        : current.withFiguresOf(fresh, c.now()));
                if (current == null) {
                    auditor.created(caller, STATISTICS, agent, stored);
                } else {
                    auditor.changed(caller, STATISTICS, agent, AuditAction.UPDATE, current, stored);
                }
                result.add(stored);
                changed++;
            }
            return new Recalculation(c.from(), c.now(), changed, result);
        });
    }

    @Override
    public DriftReport drift(Caller caller, Instant since) {
        return unitOfWork.read(() -> {
            Comparison c = compare(caller, since);
            List<Drift> drifted = new ArrayList<>();
            for (String agent : c.agents()) {
                RoutingStatistics current = c.running().get(agent);
                if (current == null || !current.sameFiguresAs(c.recounted(caller, agent))) {
                    drifted.add(new Drift(agent, current, c.recount().get(agent)));
                }
            }
            return new DriftReport(c.from(), c.now(), c.agents().size(), drifted);
        });
    }

    /** The running figures beside a recount from the decisions since {@code from}, by agent. */
    private record Comparison(Instant from, Instant now, Map<String, RoutingStatistics> running,
                              Map<String, RoutingStatistics> recount) {
        List<String> agents() {
            TreeMap<String, Object> all = new TreeMap<>(running);
            all.putAll(recount);
            return new ArrayList<>(all.keySet());
        }

        /** An agent without outcomes since {@code from} recounts to zero. */
        RoutingStatistics recounted(Caller caller, String agent) {
            return recount.getOrDefault(agent, RoutingStatistics.none(caller.tenant(), agent, now));
        }
    }

    private Comparison compare(Caller caller, Instant since) {
        Instant now = clock.instant();
        Instant from = since == null ? Instant.EPOCH : since;
        return new Comparison(from, now, byAgent(allStatistics(caller)),
                byAgent(decisions.recount(caller.tenant(), from, now)));
    }

    private List<RoutingStatistics> allStatistics(Caller caller) {
        List<RoutingStatistics> all = new ArrayList<>();
        Pages.each(List.of(StatisticsFields.AGENT_KEY.asc()),
                (where, page) -> decisions.statistics(caller.tenant(), where, page), all::add);
        return all;
    }

    private static Map<String, RoutingStatistics> byAgent(List<RoutingStatistics> rows) {
        Map<String, RoutingStatistics> map = new TreeMap<>();
        rows.forEach(s -> map.put(s.agentKey(), s));
        return map;
    }

    private static Map<String, Object> summary(RoutingDecision d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("taskId", d.taskId());
        values.put("selectedAgent", d.selectedAgent());
        values.put("candidates", d.candidates().size());
        values.put("success", d.success());
        return values;
    }

    private static Map<String, Object> outcomeValues(RoutingOutcome o) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("outcome.success", o.success());
        values.put("outcome.duration", o.duration().toString());
        values.put("outcome.error", o.error());
        values.put("outcome.at", o.at().toString());
        return values;
    }
}
