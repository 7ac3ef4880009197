package dev.orchestra.domain.template;

import dev.orchestra.domain.shared.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One step: a command with {@code {{parameter}}} placeholders, and what it is for. */
public record TemplateStep(@NotBlank @StorableText @Size(max = 2000) String command, @StorableText @Size(max = 1000) String description) {
}
