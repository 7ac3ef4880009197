package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowStep;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workflow definitions, executions and step attempts as rows of the {@code Orchestra} section (see
 * {@link StoreRows}). JSON values given by clients are kept as their text, so they read back exactly.
 */
final class WorkflowRows {
    private final ObjectMapper mapper;

    WorkflowRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode definition(WorkflowDefinition d) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", d.tenantId().value());
        n.put("Id", d.id());
        n.put("Name", d.name());
        n.put("Version", d.version());
        n.put("PreviousVersionId", d.previousVersionId());
        n.put("ContentHash", d.contentHash());
        ArrayNode steps = n.putArray("Steps");
        for (WorkflowStep s : d.steps()) {
            ObjectNode step = steps.addObject();
            step.put("Id", s.id());
            step.put("Type", s.type());
            step.put("Command", s.command());
            ArrayNode depends = step.putArray("DependsOn");
            s.dependsOn().forEach(depends::add);
        }
        n.put("InputSchema", text(d.inputSchema()));
        n.put("OutputSchema", text(d.outputSchema()));
        n.put("Category", d.category());
        ArrayNode tags = n.putArray("Tags");
        d.tags().forEach(tags::add);
        n.put("Author", d.author());
        n.put("Public", d.publicDefinition());
        n.put("Active", d.active());
        n.put("Latest", d.latest());
        n.put("ExecutionsStarted", d.usage().started());
        n.put("ExecutionsCompleted", d.usage().completed());
        n.put("ExecutionsFailed", d.usage().failed());
        n.put("CreatedAt", LegacyValues.time(d.createdAt()));
        n.put("CreatedBy", d.createdBy());
        n.put("Revision", d.revision());
        return n;
    }

    WorkflowDefinition definition(JsonProps n) {
        List<WorkflowStep> steps = new ArrayList<>();
        for (JsonNode node : n.array("Steps")) {
            JsonProps s = new JsonProps(mapper, node);
            steps.add(new WorkflowStep(s.text("Id", null), s.text("Type", null), s.text("Command", null),
                    s.strings("DependsOn")));
        }
        return new WorkflowDefinition(tenant(n), n.text("Id", null), n.text("Name", null), n.text("Version", null),
                n.text("PreviousVersionId", null), n.text("ContentHash", null), steps, document(n, "InputSchema"),
                document(n, "OutputSchema"), n.text("Category", null), new LinkedHashSet<>(n.strings("Tags")),
                n.text("Author", null), n.bool("Public", false), n.bool("Active", true), n.bool("Latest", true),
                new WorkflowDefinition.Usage(n.number("ExecutionsStarted", 0), n.number("ExecutionsCompleted", 0),
                        n.number("ExecutionsFailed", 0)), n.time("CreatedAt"), n.text("CreatedBy", null),
                n.number("Revision", 0));
    }

    ObjectNode execution(WorkflowExecution e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", e.tenantId().value());
        n.put("Id", e.id());
        n.put("DefinitionId", e.definitionId());
        n.put("WorkflowName", e.workflowName());
        n.put("WorkflowVersion", e.workflowVersion());
        n.put("ContentHash", e.contentHash());
        n.put("Status", e.status().name());
        n.put("Context", text(e.context()));
        n.put("Input", text(e.input()));
        n.put("Output", text(e.output()));
        n.put("CurrentStage", e.currentStage());
        n.put("ErrorMessage", e.errorMessage());
        n.put("CreatedAt", LegacyValues.time(e.createdAt()));
        n.put("StartedAt", LegacyValues.time(e.startedAt()));
        n.put("CompletedAt", LegacyValues.time(e.completedAt()));
        n.put("InitiatedBy", e.initiatedBy());
        ArrayNode tags = n.putArray("Tags");
        e.tags().forEach(tags::add);
        n.put("ParentExecutionId", e.parentExecutionId());
        n.put("ForkedFrom", e.forkedFrom());
        n.put("ForkedFromStepId", e.forkedFromStepId());
        n.put("ExecutorId", e.executorId());
        n.put("LeaseToken", e.leaseToken());
        n.put("LeaseExpiresAt", LegacyValues.time(e.leaseExpiresAt()));
        n.put("RecoveryAttempts", e.recoveryAttempts());
        n.put("UpdatedAt", LegacyValues.time(e.updatedAt()));
        n.put("Version", e.version());
        return n;
    }

    WorkflowExecution execution(JsonProps n) {
        return new WorkflowExecution(tenant(n), n.text("Id", null), n.text("DefinitionId", null),
                n.text("WorkflowName", null), n.text("WorkflowVersion", null), n.text("ContentHash", null),
                ExecutionStatus.valueOf(n.text("Status", null)), document(n, "Context"), document(n, "Input"),
                document(n, "Output"), n.text("CurrentStage", null), n.text("ErrorMessage", null), n.time("CreatedAt"),
                n.time("StartedAt"), n.time("CompletedAt"), n.text("InitiatedBy", null),
                new LinkedHashSet<>(n.strings("Tags")), n.text("ParentExecutionId", null), n.text("ForkedFrom", null),
                n.text("ForkedFromStepId", null), n.text("ExecutorId", null), n.text("LeaseToken", null),
                n.time("LeaseExpiresAt"), (int) n.number("RecoveryAttempts", 0), n.time("UpdatedAt"),
                n.number("Version", 0));
    }

    ObjectNode step(StepExecution s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", s.tenantId().value());
        n.put("ExecutionId", s.executionId());
        n.put("StepId", s.stepId());
        n.put("Attempt", s.attempt());
        n.put("Position", s.position());
        n.put("Status", s.status().name());
        n.put("Input", text(s.input()));
        n.put("Output", text(s.output()));
        n.put("Error", s.error());
        n.put("StartedAt", LegacyValues.time(s.startedAt()));
        n.put("CompletedAt", LegacyValues.time(s.completedAt()));
        n.put("RecordedAt", LegacyValues.time(s.recordedAt()));
        return n;
    }

    StepExecution step(JsonProps n) {
        return new StepExecution(tenant(n), n.text("ExecutionId", null), n.text("StepId", null),
                (int) n.number("Attempt", 1), n.number("Position", 1), StepStatus.valueOf(n.text("Status", null)),
                document(n, "Input"), document(n, "Output"), n.text("Error", null), n.time("StartedAt"),
                n.time("CompletedAt"), n.time("RecordedAt"));
    }

    private static TenantId tenant(JsonProps n) {
        return new TenantId(n.text("TenantId", TenantId.DEFAULT.value()));
    }

    private static String text(JsonDocument document) {
        return document == null ? null : document.json();
    }

    private static JsonDocument document(JsonProps n, String name) {
        String text = n.text(name, null);
        return text == null ? null : new JsonDocument(text);
    }
}
