package dev.orchestra.adapter.rest.task;

import dev.orchestra.adapter.rest.shared.JsonValues;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskProgress;
import java.time.Duration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Tasks to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface TaskMapper {
    TaskMapper INSTANCE = Mappers.getMapper(TaskMapper.class);

    @Mapping(target = "executionDuration", expression = "java(text(task.executionDuration()))")
    @Mapping(target = "leaseToken", ignore = true)
    @Mapping(target = "leaseExpiresAt", source = "lease.expiresAt")
    TaskResponse toResponse(Task task);

    TaskResponse.Progress toResponse(TaskProgress progress);

    /** Clients enqueue plain tasks; containers come only from instantiating a template. */
    @Mapping(target = "container", ignore = true)
    Task.NewTask toNewTask(TaskRequests.Enqueue request);

    default String text(Duration duration) {
        return JsonValues.text(duration);
    }
}
