package dev.orchestra.adapter.rest.template;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.template.TemplateParameter;
import dev.orchestra.domain.template.TemplateStep;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies of the task-template endpoints. */
public final class TemplateRequests {
    private TemplateRequests() {
    }

    /** Create or update; {@code templateVersion} is the template's semantic version (default 1.0.0). */
    @Schema(name = "TaskTemplateRequest")
    public record Template(String id, @NotBlank String name, String description, String category,
                           String templateVersion, Boolean publicTemplate, @NotEmpty List<TemplateStep> steps,
                           Map<String, TemplateParameter> parameters, Set<String> tags) {
    }

    @Schema(name = "InstantiateRequest")
    public record Instantiate(Map<String, String> arguments, @NotBlank String repositoryPath,
                              TaskPriority priority) {
    }
}
