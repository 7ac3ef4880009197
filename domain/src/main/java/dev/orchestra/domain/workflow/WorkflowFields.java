package dev.orchestra.domain.workflow;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of workflow definitions, executions and step attempts. */
public final class WorkflowFields {
    private WorkflowFields() {
    }

    /** Of a definition. */
    public static final class Definition {
        public static final Field<WorkflowDefinition, String> ID =
                new Field<>("id", String.class, WorkflowDefinition::id);
        public static final Field<WorkflowDefinition, String> NAME =
                new Field<>("name", String.class, WorkflowDefinition::name);
        public static final Field<WorkflowDefinition, String> CATEGORY =
                new Field<>("category", String.class, WorkflowDefinition::category);
        public static final Field<WorkflowDefinition, Boolean> ACTIVE =
                new Field<>("active", Boolean.class, WorkflowDefinition::active);
        public static final Field<WorkflowDefinition, Boolean> LATEST =
                new Field<>("latest", Boolean.class, WorkflowDefinition::latest);
        public static final Field<WorkflowDefinition, Instant> CREATED_AT =
                new Field<>("createdAt", Instant.class, WorkflowDefinition::createdAt);
        public static final List<Field<WorkflowDefinition, ?>> ALL =
                List.of(ID, NAME, CATEGORY, ACTIVE, LATEST, CREATED_AT);

        private Definition() {
        }
    }

    /** Of an execution. */
    public static final class Execution {
        public static final Field<WorkflowExecution, String> ID =
                new Field<>("id", String.class, WorkflowExecution::id);
        public static final Field<WorkflowExecution, String> DEFINITION_ID =
                new Field<>("definitionId", String.class, WorkflowExecution::definitionId);
        public static final Field<WorkflowExecution, String> WORKFLOW_NAME =
                new Field<>("workflowName", String.class, WorkflowExecution::workflowName);
        public static final Field<WorkflowExecution, ExecutionStatus> STATUS =
                new Field<>("status", ExecutionStatus.class, WorkflowExecution::status);
        public static final Field<WorkflowExecution, String> PARENT_EXECUTION_ID =
                new Field<>("parentExecutionId", String.class, WorkflowExecution::parentExecutionId);
        public static final Field<WorkflowExecution, Instant> CREATED_AT =
                new Field<>("createdAt", Instant.class, WorkflowExecution::createdAt);
        public static final Field<WorkflowExecution, Instant> UPDATED_AT =
                new Field<>("updatedAt", Instant.class, WorkflowExecution::updatedAt);
        public static final List<Field<WorkflowExecution, ?>> ALL =
                List.of(ID, DEFINITION_ID, WORKFLOW_NAME, STATUS, PARENT_EXECUTION_ID, CREATED_AT, UPDATED_AT);

        private Execution() {
        }
    }

    /** Of a step attempt. */
    public static final class Step {
        /** Unique per tenant: execution, step and attempt. */
        public static final Field<StepExecution, String> KEY = new Field<>("key", String.class,
                s -> s.executionId() + "/" + s.stepId() + "/" + s.attempt());
        public static final Field<StepExecution, String> EXECUTION_ID =
                new Field<>("executionId", String.class, StepExecution::executionId);
        public static final Field<StepExecution, Long> POSITION =
                new Field<>("position", Long.class, StepExecution::position);
        public static final Field<StepExecution, StepStatus> STATUS =
                new Field<>("status", StepStatus.class, StepExecution::status);
        public static final List<Field<StepExecution, ?>> ALL = List.of(KEY, EXECUTION_ID, POSITION, STATUS);

        private Step() {
        }
    }
}
