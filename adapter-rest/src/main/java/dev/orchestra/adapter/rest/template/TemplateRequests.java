package dev.orchestra.adapter.rest.template;

import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TemplateParameter;
import dev.orchestra.domain.template.TemplateStep;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies of the task-template endpoints. */
public final class TemplateRequests {
    private TemplateRequests() {
    }

    /** Create or update; {@code templateVersion} is the template's semantic version (default 1.0.0). */
    @Schema(name = "TaskTemplateRequest")
    public record Template(@Size(min = 1, max = 128) String id, @NotBlank @Size(max = 255) String name,
                           @Size(max = 2000) String description, @Size(max = 100) String category,
                           @Pattern(regexp = "^" + TaskTemplate.SEMVER + "$") String templateVersion, Boolean publicTemplate,
                           @NotEmpty @Size(max = 100) List<@Valid TemplateStep> steps,
                           @Size(max = 100) Map<String, @Valid TemplateParameter> parameters,
                           @Size(max = 100) Set<@NotBlank @Size(max = 100) String> tags) {
    }

    @Schema(name = "InstantiateRequest")
    public record Instantiate(@Size(max = 100) Map<String, @Size(max = 2000) String> arguments,
                              @NotBlank @Size(max = 500) String repositoryPath, TaskPriority priority) {
    }
}
