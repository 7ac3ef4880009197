package dev.orchestra.domain.task;

import dev.orchestra.domain.shared.StorableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** How far a running task says it is, with its own message and time of the last report. */
public record TaskProgress(@Min(0) @Max(100) int percentage, @StorableText @Size(max = 1000) String message, Instant updatedAt) {
    public static final TaskProgress NONE = new TaskProgress(0, null, null);
}
