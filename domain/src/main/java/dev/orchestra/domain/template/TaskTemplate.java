package dev.orchestra.domain.template;

import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * A reusable recipe of tasks: ordered steps whose commands use {@code {{name}}} placeholders, and the
 * parameters that fill them. Instantiating it yields a parent task and one child per step.
 */
public record TaskTemplate(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotBlank @SingleLine @Size(max = 255) String name,
        @StorableText @Size(max = 2000) String description,
        @SingleLine @Size(max = 100) String category,
        @NotNull @Pattern(regexp = SEMVER, message = "must be a semantic version such as 1.0.0") String templateVersion,
        boolean publicTemplate,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid TemplateStep> steps,
        @NotNull @Size(max = 100) Map<@NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_.-]{0,63}") String, @NotNull @Valid TemplateParameter> parameters,
        @NotNull @Size(max = 100) Set<@NotBlank @SingleLine @Size(max = 100) String> tags,
        @NotNull @Valid AuditFields audit,
        long version) {
    /** The entity type this aggregate is known by in audit entries and messages. */
    public static final String ENTITY = "TaskTemplate";


    public static final String SEMVER = "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?";
    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    public TaskTemplate {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(audit, "audit");
        steps = steps == null ? List.of() : List.copyOf(steps);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
        tags = tags == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** What a client may set. */
    public record Details(String name, String description, String category, String templateVersion,
                          Boolean publicTemplate, List<TemplateStep> steps, Map<String, TemplateParameter> parameters,
                          Set<String> tags) {
    }

    public static TaskTemplate create(TenantId tenant, String id, Details d, java.time.Instant now, String by) {
        return new TaskTemplate(tenant, id, d.name(), d.description(), d.category(),
                d.templateVersion() == null ? "1.0.0" : d.templateVersion(), Boolean.TRUE.equals(d.publicTemplate()),
                d.steps(), d.parameters(), d.tags(), AuditFields.createdNow(now, by), 0).requireConsistent();
    }

    public TaskTemplate withDetails(Details d, java.time.Instant now, String by) {
        return new TaskTemplate(tenantId, id, d.name(), d.description(), d.category(),
                d.templateVersion() == null ? templateVersion : d.templateVersion(),
                d.publicTemplate() == null ? publicTemplate : d.publicTemplate(), d.steps(), d.parameters(),
                d.tags(), audit.touched(now, by), version).requireConsistent();
    }

    /** The same state at another version: stores use it to return what they wrote. */
    public TaskTemplate withVersion(long newVersion) {
        return new TaskTemplate(tenantId, id, name, description, category, templateVersion, publicTemplate, steps,
                parameters, tags, audit, newVersion);
    }

    /** Every placeholder names a declared parameter, and every default has its parameter's type. */
    public TaskTemplate requireConsistent() {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null || steps.get(i).command() == null) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(steps.get(i).command());
            while (m.find()) {
                if (!parameters.containsKey(m.group(1))) {
                    violations.add(new Violation("steps[" + i + "].command",
                            "uses {{" + m.group(1) + "}}, which is not a parameter"));
                }
            }
        }
        parameters.forEach((name, parameter) -> {
            if (parameter != null && parameter.defaultValue() != null && parameter.type() != null) {
                String problem = parameter.type().problemWith(parameter.defaultValue());
                if (problem != null) {
                    violations.add(new Violation("parameters." + name + ".defaultValue", problem));
                }
            }
        });
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return this;
    }

    /** The tasks an instantiation creates: the parent first, then one child per step, in order. */
    public record Instantiation(Task.NewTask parent, List<Task.NewTask> children) {
        public List<Task.NewTask> all() {
            List<Task.NewTask> all = new ArrayList<>(children.size() + 1);
            all.add(parent);
            all.addAll(children);
            return all;
        }
    }

    /**
     * Fills the placeholders with the arguments (or the defaults); a missing required argument, an
     * argument the template does not declare, or one of the wrong type is refused, each by name.
     */
    public Instantiation instantiate(String parentId, Map<String, String> arguments, String repositoryPath,
                                     TaskPriority priority) {
        Map<String, String> given = arguments == null ? Map.of() : arguments;
        List<Violation> violations = new ArrayList<>();
        given.keySet().stream().filter(k -> !parameters.containsKey(k)).sorted().forEach(k ->
                violations.add(new Violation("arguments." + k, "is not a parameter of template '" + name + "'")));
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((key, parameter) -> {
            String value = given.containsKey(key) ? given.get(key) : parameter.defaultValue();
            if (value == null) {
                if (parameter.required()) {
                    violations.add(new Violation("arguments." + key, "is required"));
                }
                value = "";
            } else {
                String problem = parameter.type().problemWith(value);
                if (problem != null) {
                    violations.add(new Violation("arguments." + key, problem));
                }
            }
            values.put(key, value);
        });
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        // The parent is a container: agents claim its steps, in order, and it finishes with them.
        Task.NewTask parent = new Task.NewTask(parentId, "template " + name + " " + templateVersion, repositoryPath,
                priority, parentId, null, null, 0, true);
        List<Task.NewTask> children = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Matcher m = PLACEHOLDER.matcher(steps.get(i).command());
            StringBuilder command = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(command, Matcher.quoteReplacement(values.get(m.group(1))));
            }
            m.appendTail(command);
            children.add(new Task.NewTask(null, command.toString(), repositoryPath, priority, parentId, parentId, null,
                    i + 1));
        }
        return new Instantiation(parent, children);
    }
}
