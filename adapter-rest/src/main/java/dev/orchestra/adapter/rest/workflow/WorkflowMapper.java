package dev.orchestra.adapter.rest.workflow;

import dev.orchestra.adapter.rest.shared.JsonValues;
import dev.orchestra.application.workflow.WorkflowRuns;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowStep;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Workflow records to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, imports = JsonValues.class)
public interface WorkflowMapper {
    WorkflowMapper INSTANCE = Mappers.getMapper(WorkflowMapper.class);

    @Mapping(target = "definition", expression = "java(new WorkflowResponses.Graph(toSteps(definition.steps())))")
    WorkflowResponses.Definition toResponse(WorkflowDefinition definition);

    List<WorkflowResponses.Step> toSteps(List<WorkflowStep> steps);

    WorkflowResponses.Step toResponse(WorkflowStep step);

    WorkflowResponses.Usage toResponse(WorkflowDefinition.Usage usage);

    @Mapping(target = "steps", ignore = true)
    WorkflowResponses.Execution toResponse(WorkflowExecution execution);

    @Mapping(target = "duration", expression = "java(step.duration())")
    WorkflowResponses.StepAttempt toResponse(StepExecution step);

    default WorkflowResponses.Execution toResponse(WorkflowRuns.ExecutionView view) {
        WorkflowResponses.Execution e = toResponse(view.execution());
        return new WorkflowResponses.Execution(e.id(), e.definitionId(), e.workflowName(), e.workflowVersion(),
                e.contentHash(), e.status(), e.context(), e.input(), e.output(), e.currentStage(), e.errorMessage(),
                e.createdAt(), e.startedAt(), e.completedAt(), e.initiatedBy(), e.tags(), e.parentExecutionId(),
                e.forkedFrom(), e.forkedFromStepId(), e.executorId(), e.leaseToken(), e.leaseExpiresAt(),
                e.recoveryAttempts(), e.updatedAt(), e.version(), view.steps().stream().map(this::toResponse).toList());
    }

    WorkflowResponses.Recorded toResponse(WorkflowRuns.Recorded recorded);

    @Mapping(target = "steps", expression = "java(toDomainSteps(request.definition().steps()))")
    @Mapping(target = "inputSchema", expression = "java(JsonValues.document(\"inputSchema\", request.inputSchema()))")
    @Mapping(target = "outputSchema",
            expression = "java(JsonValues.document(\"outputSchema\", request.outputSchema()))")
    WorkflowDefinition.Content toContent(WorkflowRequests.Definition request);

    List<WorkflowStep> toDomainSteps(List<WorkflowRequests.Step> steps);

    WorkflowStep toDomain(WorkflowRequests.Step step);

    @Mapping(target = "input", expression = "java(JsonValues.document(\"input\", request.input()))")
    @Mapping(target = "context", expression = "java(JsonValues.document(\"context\", request.context()))")
    WorkflowRuns.NewExecution toNew(WorkflowRequests.NewExecution request);

    @Mapping(target = "input", expression = "java(JsonValues.document(\"input\", request.input()))")
    @Mapping(target = "context", expression = "java(JsonValues.document(\"context\", request.context()))")
    @Mapping(target = "output", expression = "java(JsonValues.document(\"output\", request.output()))")
    WorkflowRuns.ExecutionState toState(WorkflowRequests.State request);

    @Mapping(target = "input", expression = "java(JsonValues.document(\"input\", request.input()))")
    @Mapping(target = "output", expression = "java(JsonValues.document(\"output\", request.output()))")
    WorkflowRuns.StepReport toReport(WorkflowRequests.StepRecord request);

    @Mapping(target = "output", expression = "java(JsonValues.document(\"execution.output\", request.output()))")
    @Mapping(target = "context", expression = "java(JsonValues.document(\"execution.context\", request.context()))")
    dev.orchestra.domain.workflow.ExecutionChange toChange(WorkflowRequests.ExecutionChange request);

    default String text(JsonDocument document) {
        return JsonValues.text(document);
    }
}
