package dev.orchestra.application.template;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.template.TaskTemplate;
import java.util.List;
import java.util.Map;

/** Inbound port: task templates and their instantiation into tasks. */
public interface TemplateCatalog {
    TaskTemplate create(Caller caller, String id, TaskTemplate.Details details);

    TaskTemplate update(Caller caller, String id, Long expectedVersion, TaskTemplate.Details details);

    void delete(Caller caller, String id, Long expectedVersion);

    TaskTemplate get(Caller caller, String id);

    Page<TaskTemplate> list(Caller caller, String category, PageRequest<TaskTemplate> page);

    /** Enqueues the parent task and its ordered children in one unit; they are returned parent first. */
    List<Task> instantiate(Caller caller, String id, Map<String, String> arguments, String repositoryPath,
                           TaskPriority priority);

    /** Creates "Code Review" and "Build and Test" when the tenant has no template yet; true when it did. */
    boolean createDefaults(Caller caller);
}
