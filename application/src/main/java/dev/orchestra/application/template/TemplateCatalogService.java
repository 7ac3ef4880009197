package dev.orchestra.application.template;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.VersionRequired;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.template.ParameterType;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TaskTemplates;
import dev.orchestra.domain.template.TemplateFields;
import dev.orchestra.domain.template.TemplateParameter;
import dev.orchestra.domain.template.TemplateStep;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The template use cases; instantiation goes through the task queue's all-or-nothing batch. */
public final class TemplateCatalogService implements TemplateCatalog {
    static final String TEMPLATE = TaskTemplate.ENTITY;

    /** The two templates of a new store (DOMAIN.md). */
    static final List<TaskTemplate.Details> DEFAULTS = List.of(
            new TaskTemplate.Details("Code Review", "Review the changes of a branch", "review", "1.0.0", true,
                    List.of(new TemplateStep("git fetch origin {{branch}}", "fetch the branch"),
                            new TemplateStep("git diff {{base}}...origin/{{branch}}", "show the changes"),
                            new TemplateStep("review the changes of {{branch}} against {{base}}", "review them")),
                    Map.of("branch", new TemplateParameter(ParameterType.STRING, null, true),
                            "base", new TemplateParameter(ParameterType.STRING, "main", false)),
                    Set.of("review")),
            new TaskTemplate.Details("Build and Test", "Build the project and run its tests", "build", "1.0.0", true,
                    List.of(new TemplateStep("{{buildCommand}}", "build"),
                            new TemplateStep("{{testCommand}}", "test")),
                    Map.of("buildCommand", new TemplateParameter(ParameterType.STRING, "mvn -B -q compile", false),
                            "testCommand", new TemplateParameter(ParameterType.STRING, "mvn -B -q verify", false)),
                    Set.of("build", "test")));

    private final UnitOfWork unitOfWork;
    private final TaskTemplates templates;
    private final TaskQueue queue;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public TemplateCatalogService(UnitOfWork unitOfWork, TaskTemplates templates, TaskQueue queue,
                                  ConstraintCheck constraints, Auditor auditor, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.templates = templates;
        this.queue = queue;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public TaskTemplate create(Caller caller, String id, TaskTemplate.Details details) {
        return unitOfWork.write(() -> {
            String newId = id == null || id.isBlank() ? Ids.newId() : id;
            TaskTemplate template = constraints.require(TaskTemplate.create(caller.tenant(), newId, details,
                    clock.instant(), caller.userId()));
            if (templates.findById(caller.tenant(), newId).isPresent()) {
                throw Conflict.alreadyExists(TEMPLATE, newId);
            }
            TaskTemplate stored = templates.add(template);
            auditor.created(caller, TEMPLATE, newId, stored);
            return stored;
        });
    }

    @Override
    public TaskTemplate update(Caller caller, String id, Long expectedVersion, TaskTemplate.Details details) {
        return unitOfWork.write(() -> {
            TaskTemplate current = versioned(caller, id, expectedVersion);
            TaskTemplate stored = templates.update(constraints.require(current.withDetails(details, clock.instant(),
                    caller.userId())));
            auditor.changed(caller, TEMPLATE, id, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public void delete(Caller caller, String id, Long expectedVersion) {
        unitOfWork.writeVoid(() -> {
            TaskTemplate current = versioned(caller, id, expectedVersion);
            templates.remove(caller.tenant(), id, current.version());
            auditor.recorded(caller, TEMPLATE, id, AuditAction.DELETE, Map.of("name", current.name(),
                    "templateVersion", current.templateVersion()));
        });
    }

    @Override
    public TaskTemplate get(Caller caller, String id) {
        return unitOfWork.read(() -> existing(caller, id));
    }

    @Override
    public Page<TaskTemplate> list(Caller caller, String category, PageRequest<TaskTemplate> page) {
        Specification<TaskTemplate> where = category == null || category.isBlank() ? Specification.all()
                : TemplateFields.CATEGORY.eq(category);
        return unitOfWork.read(() -> templates.find(caller.tenant(), where, page));
    }

    @Override
    public List<Task> instantiate(Caller caller, String id, Map<String, String> arguments, String repositoryPath,
                                  TaskPriority priority) {
        if (repositoryPath == null || repositoryPath.isBlank()) {
            throw ValidationFailed.of("repositoryPath", "must not be blank");
        }
        return unitOfWork.write(() -> {
            TaskTemplate template = existing(caller, id);
            TaskTemplate.Instantiation tasks = template.instantiate(Ids.newId(), arguments, repositoryPath,
                    priority);
            List<Task> created = queue.enqueueBatch(caller, tasks.all());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("parentTaskId", created.get(0).id());
            details.put("tasks", created.size());
            details.put("arguments", arguments == null ? Map.of().toString() : new java.util.TreeMap<>(arguments)
                    .toString());
            auditor.recorded(caller, TEMPLATE, id, AuditAction.EXECUTE, details);
            return created;
        });
    }

    @Override
    public boolean createDefaults(Caller caller) {
        return unitOfWork.write(() -> {
            if (templates.find(caller.tenant(), Specification.all(), PageRequest.first(1, List.of())).totalItems()
                    > 0) {
                return false;
            }
            DEFAULTS.forEach(details -> create(caller, null, details));
            return true;
        });
    }

    private TaskTemplate existing(Caller caller, String id) {
        return templates.findById(caller.tenant(), id).orElseThrow(() -> new NotFound(TEMPLATE, id));
    }

    private TaskTemplate versioned(Caller caller, String id, Long expectedVersion) {
        TaskTemplate template = existing(caller, id);
        VersionRequired.check(TEMPLATE, id, expectedVersion, template.version());
        return template;
    }
}
