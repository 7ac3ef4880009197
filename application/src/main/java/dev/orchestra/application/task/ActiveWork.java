package dev.orchestra.application.task;

import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.Tasks;
import java.util.List;

/** What an agent still works on once one of its tasks left it: the queue and the reaper ask the same. */
final class ActiveWork {
    private ActiveWork() {
    }

    /** The agent's oldest active task other than {@code exceptTaskId}, or null when it has none. */
    static String nextCurrentTask(Tasks tasks, TenantId tenant, String agentId, String exceptTaskId) {
        Specification<Task> where = TaskFields.AGENT_ID.eq(agentId)
                .and(TaskFields.STATUS.in(List.copyOf(TaskStatus.ACTIVE)));
        // Usually the finished task was the agent's only one, and a count from the index settles that
        // without reading rows.
        if (tasks.countActive(tenant, agentId) == 0) {
            return null;
        }
        return tasks.find(tenant, where, new PageRequest<>(0, 2, List.of(TaskFields.CREATED_AT.asc())))
                .items().stream().map(Task::id).filter(id -> !id.equals(exceptTaskId)).findFirst().orElse(null);
    }
}
