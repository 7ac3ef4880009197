package dev.orchestra.domain.template;

import dev.orchestra.domain.shared.StorableText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/** A parameter of a template: its type, an optional default, and whether an argument is required. */
public record TemplateParameter(@NotNull ParameterType type, @StorableText @Size(max = 2000) String defaultValue,
                                boolean required) {
    public TemplateParameter {
        Objects.requireNonNull(type, "type");
    }
}
