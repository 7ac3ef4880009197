package dev.orchestra.application.routing;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.routing.RoutingCandidate;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.task.TaskPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Inbound port: why each task went to the agent it went to, how it went, and the agents' running figures,
 * which can be recomputed from the decisions and compared with them.
 */
public interface RoutingAudit {
    /** A decision as the router reports it; the id is generated when absent, {@code routedAt} is now. */
    record NewDecision(String id, String taskId, String taskType, String requiredCapability, String selectedAgent,
                       TaskPriority priority, double agentScore, String strategy, List<RoutingCandidate> candidates,
                       boolean success, String errorMessage, int retryAttempts, Duration routingDuration,
                       String workflowExecutionId, String workflowStepId) {
    }

    record Outcome(boolean success, Duration duration, String error) {
    }

    /** The filters of the decision list; null means any. */
    record DecisionQuery(String taskId, String workflowExecutionId, String selectedAgent, Instant from, Instant to,
                         Boolean success) {
    }

    /** A decision with its outcome, and the selected agent's figures after it was counted. */
    record Counted(RoutingDecision decision, RoutingStatistics statistics) {
    }

    /** One agent whose running figures differ from a recount (either side may be absent). */
    record Drift(String agentKey, RoutingStatistics running, RoutingStatistics recalculated) {
    }

    record DriftReport(Instant since, Instant checkedAt, int agentsChecked, List<Drift> drifted) {
    }

    record Recalculation(Instant since, Instant recalculatedAt, int changed, List<RoutingStatistics> statistics) {
    }

    RoutingDecision record(Caller caller, NewDecision decision);

    /** Sets the outcome once and counts it in the agent's statistics, in one unit of work. */
    Counted recordOutcome(Caller caller, String decisionId, Outcome outcome);

    RoutingDecision get(Caller caller, String decisionId);

    /** Newest first unless the page asks for another order. */
    Page<RoutingDecision> decisions(Caller caller, DecisionQuery query, PageRequest<RoutingDecision> page);

    Page<RoutingStatistics> statistics(Caller caller, PageRequest<RoutingStatistics> page);

    RoutingStatistics statistics(Caller caller, String agentKey);

    /** The best success rates first (more tasks first on a tie). */
    List<RoutingStatistics> top(Caller caller, int limit);

    /** Success rate below {@code below} with at least {@code minTasks} counted, the worst first. */
    Page<RoutingStatistics> underperforming(Caller caller, double below, long minTasks,
                                            PageRequest<RoutingStatistics> page);

    /**
     * Replaces every agent's running figures with a recount of the outcomes of the decisions routed since
     * {@code since} (all of them when null); an agent without any is set to zero, not removed. Audited.
     */
    Recalculation recalculate(Caller caller, Instant since);

    /** Compares the running figures with a recount since {@code since}, changing nothing. */
    DriftReport drift(Caller caller, Instant since);
}
