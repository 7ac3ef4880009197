package dev.orchestra.domain.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One step: a command with {@code {{parameter}}} placeholders, and what it is for. */
public record TemplateStep(@NotBlank @Size(max = 2000) String command, @Size(max = 1000) String description) {
}
