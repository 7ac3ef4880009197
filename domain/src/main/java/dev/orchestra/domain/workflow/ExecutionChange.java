package dev.orchestra.domain.workflow;

import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import jakarta.validation.constraints.Size;

/**
 * What a step reports about its execution as well, saved with it: the new status, stage, output, error
 * and context; null keeps the value. Checked on its own, before the write, so the store's single writer
 * does not spend its time on it.
 */
public record ExecutionChange(
        ExecutionStatus status,
        @SingleLine @Size(max = 200) String currentStage,
        @JsonSize(max = StepExecution.MAX_JSON) JsonDocument output,
        @StorableText @Size(max = 10_000) String errorMessage,
        @JsonSize(max = StepExecution.MAX_JSON) JsonDocument context) {
    public static final ExecutionChange NONE = new ExecutionChange(null, null, null, null, null);
}
