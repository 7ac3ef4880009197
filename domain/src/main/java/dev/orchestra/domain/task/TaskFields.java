package dev.orchestra.domain.task;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queryable and sortable properties of a task. */
public final class TaskFields {
    public static final Field<Task, String> ID = new Field<>("id", String.class, Task::id);
    public static final Field<Task, String> COMMAND = new Field<>("command", String.class, Task::command);
    public static final Field<Task, String> REPOSITORY_PATH =
            new Field<>("repositoryPath", String.class, Task::repositoryPath);
    public static final Field<Task, String> REPOSITORY_ID =
            new Field<>("repositoryId", String.class, Task::repositoryId);
    public static final Field<Task, String> AGENT_ID = new Field<>("agentId", String.class, Task::agentId);
    public static final Field<Task, TaskPriority> PRIORITY =
            new Field<>("priority", TaskPriority.class, Task::priority);
    public static final Field<Task, TaskStatus> STATUS = new Field<>("status", TaskStatus.class, Task::status);
    public static final Field<Task, Instant> CREATED_AT = new Field<>("createdAt", Instant.class, Task::createdAt);
    public static final Field<Task, Instant> STARTED_AT = new Field<>("startedAt", Instant.class, Task::startedAt);
    public static final Field<Task, Instant> COMPLETED_AT =
            new Field<>("completedAt", Instant.class, Task::completedAt);
    public static final Field<Task, String> CORRELATION_ID =
            new Field<>("correlationId", String.class, Task::correlationId);
    public static final Field<Task, String> WORKFLOW_ID = new Field<>("workflowId", String.class, Task::workflowId);
    public static final Field<Task, Integer> WORKFLOW_STEP =
            new Field<>("workflowStep", Integer.class, Task::workflowStep);
    public static final Field<Task, String> PARENT_TASK_ID =
            new Field<>("parentTaskId", String.class, Task::parentTaskId);
    public static final Field<Task, Instant> LEASE_EXPIRES_AT = new Field<>("leaseExpiresAt", Instant.class,
            t -> t.lease() == null ? null : t.lease().expiresAt());
    public static final Field<Task, Integer> RETRY_COUNT = new Field<>("retryCount", Integer.class, Task::retryCount);

    public static final List<Field<Task, ?>> ALL = List.of(ID, COMMAND, REPOSITORY_PATH, REPOSITORY_ID, AGENT_ID,
            PRIORITY, STATUS, CREATED_AT, STARTED_AT, COMPLETED_AT, CORRELATION_ID, WORKFLOW_ID, WORKFLOW_STEP,
            PARENT_TASK_ID, RETRY_COUNT, LEASE_EXPIRES_AT);

    private TaskFields() {
    }

    public static Optional<Field<Task, ?>> byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
