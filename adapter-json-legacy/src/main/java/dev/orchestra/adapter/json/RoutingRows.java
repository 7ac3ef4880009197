package dev.orchestra.adapter.json;

import dev.orchestra.domain.routing.RoutingCandidate;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingOutcome;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.TaskPriority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Routing decisions and statistics as rows of the {@code Orchestra} section (see {@link StoreRows}). */
final class RoutingRows {
    private final ObjectMapper mapper;

    RoutingRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode decision(RoutingDecision d) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", d.tenantId().value());
        n.put("Id", d.id());
        n.put("TaskId", d.taskId());
        n.put("TaskType", d.taskType());
        n.put("RequiredCapability", d.requiredCapability());
        n.put("SelectedAgent", d.selectedAgent());
        n.put("Priority", d.priority().name());
        n.put("AgentScore", d.agentScore());
        n.put("Strategy", d.strategy());
        ArrayNode candidates = n.putArray("Candidates");
        for (RoutingCandidate c : d.candidates()) {
            ObjectNode candidate = candidates.addObject();
            candidate.put("AgentKey", c.agentKey());
            candidate.put("Score", c.score());
            candidate.put("ExcludedReason", c.excludedReason());
        }
        n.put("Success", d.success());
        n.put("ErrorMessage", d.errorMessage());
        n.put("RetryAttempts", d.retryAttempts());
        n.put("RoutingDuration", d.routingDuration().toString());
        n.put("RoutedAt", LegacyValues.time(d.routedAt()));
        n.put("WorkflowExecutionId", d.workflowExecutionId());
        n.put("WorkflowStepId", d.workflowStepId());
        RoutingOutcome o = d.outcome();
        if (o != null) {
            ObjectNode outcome = n.putObject("Outcome");
            outcome.put("Success", o.success());
            outcome.put("Duration", o.duration().toString());
            outcome.put("Error", o.error());
            outcome.put("At", LegacyValues.time(o.at()));
        }
        return n;
    }

    RoutingDecision decision(JsonProps n) {
        List<RoutingCandidate> candidates = new ArrayList<>();
        for (JsonNode node : n.array("Candidates")) {
            JsonProps c = new JsonProps(mapper, node);
            candidates.add(new RoutingCandidate(c.text("AgentKey", null), c.decimal("Score"),
                    c.text("ExcludedReason", null)));
        }
        JsonProps o = n.object("Outcome");
        RoutingOutcome outcome = n.has("Outcome") ? new RoutingOutcome(o.bool("Success", false),
                o.duration("Duration", Duration.ZERO), o.text("Error", null), o.time("At")) : null;
        return new RoutingDecision(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("TaskId", null), n.text("TaskType", null), n.text("RequiredCapability", null),
                n.text("SelectedAgent", null), TaskPriority.valueOf(n.text("Priority", TaskPriority.NORMAL.name())),
                n.decimal("AgentScore"), n.text("Strategy", null), candidates, n.bool("Success", false),
                n.text("ErrorMessage", null), (int) n.number("RetryAttempts", 0),
                n.duration("RoutingDuration", Duration.ZERO), n.time("RoutedAt"), n.text("WorkflowExecutionId", null),
                n.text("WorkflowStepId", null), outcome);
    }

    ObjectNode statistics(RoutingStatistics s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", s.tenantId().value());
        n.put("AgentKey", s.agentKey());
        n.put("Total", s.total());
        n.put("Successful", s.successful());
        n.put("Failed", s.failed());
        n.put("TotalDuration", s.totalDuration().toString());
        n.put("LastUpdated", LegacyValues.time(s.lastUpdated()));
        n.put("Version", s.version());
        return n;
    }

    RoutingStatistics statistics(JsonProps n) {
        return new RoutingStatistics(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())),
                n.text("AgentKey", null), n.number("Total", 0), n.number("Successful", 0), n.number("Failed", 0),
                n.duration("TotalDuration", Duration.ZERO), n.time("LastUpdated"), n.number("Version", 0));
    }
}
