package dev.orchestra.domain.routing;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of a routing decision. */
public final class DecisionFields {
    public static final Field<RoutingDecision, String> ID = new Field<>("id", String.class, RoutingDecision::id);
    public static final Field<RoutingDecision, String> TASK_ID =
            new Field<>("taskId", String.class, RoutingDecision::taskId);
    public static final Field<RoutingDecision, String> TASK_TYPE =
            new Field<>("taskType", String.class, RoutingDecision::taskType);
    public static final Field<RoutingDecision, String> SELECTED_AGENT =
            new Field<>("selectedAgent", String.class, RoutingDecision::selectedAgent);
    public static final Field<RoutingDecision, String> WORKFLOW_EXECUTION_ID =
            new Field<>("workflowExecutionId", String.class, RoutingDecision::workflowExecutionId);
    public static final Field<RoutingDecision, Boolean> SUCCESS =
            new Field<>("success", Boolean.class, RoutingDecision::success);
    public static final Field<RoutingDecision, Instant> ROUTED_AT =
            new Field<>("routedAt", Instant.class, RoutingDecision::routedAt);

    public static final List<Field<RoutingDecision, ?>> ALL =
            List.of(ID, TASK_ID, TASK_TYPE, SELECTED_AGENT, WORKFLOW_EXECUTION_ID, SUCCESS, ROUTED_AT);

    private DecisionFields() {
    }
}
