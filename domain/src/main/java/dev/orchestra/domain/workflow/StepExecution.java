package dev.orchestra.domain.workflow;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of one step of an execution ({@code workflow_step_executions}), numbered by
 * {@link #position} in the order the execution recorded them. An ended attempt never changes: recording
 * it again with the same result is a no-op, with another result a conflict.
 */
public record StepExecution(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 100) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String executionId,
        @NotBlank @Size(max = 100) String stepId,
        @Min(1) @Max(MAX_ATTEMPTS) int attempt,
        @Min(1) long position,
        @NotNull StepStatus status,
        @JsonSize(max = MAX_JSON) JsonDocument input,
        @JsonSize(max = MAX_JSON) JsonDocument output,
        @StorableText @Size(max = 10_000) String error,
        @NotNull Instant startedAt,
        Instant completedAt,
        @NotNull Instant recordedAt) {
    public static final String ENTITY = "StepExecution";
    public static final int MAX_ATTEMPTS = 1000;
    /** A step's input or output: a megabyte of JSON text. */
    public static final int MAX_JSON = 1_048_576;

    public StepExecution {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        if (status.ended() && completedAt == null) {
            throw ValidationFailed.of("completedAt", "an attempt that ended " + status + " has completedAt");
        }
        if (!status.ended() && completedAt != null) {
            throw ValidationFailed.of("completedAt", "a RUNNING attempt has no completedAt");
        }
        if (completedAt != null && startedAt != null && completedAt.isBefore(startedAt)) {
            throw ValidationFailed.of("completedAt", "must not be before startedAt (" + startedAt + ")");
        }
    }

    public Duration duration() {
        return completedAt == null ? null : Duration.between(startedAt, completedAt);
    }

    /** Whether {@code again} reports this attempt's ended result unchanged (a retried call). */
    public boolean sameResultAs(StepExecution again) {
        return status == again.status && Objects.equals(output, again.output) && Objects.equals(error, again.error);
    }

    /**
     * This attempt after {@code next} reported on it: an ended attempt only accepts its own result again
     * (answered as stored), a RUNNING one takes the new state.
     */
    public StepExecution then(StepExecution next) {
        if (status.ended()) {
            if (sameResultAs(next)) {
                return this;
            }
            throw new Conflict("step '" + stepId + "' attempt " + attempt + " of execution " + executionId
                    + " already ended " + status + (Objects.equals(output, next.output) ? "" : " with another output")
                    + "; an ended attempt never changes (record attempt " + (attempt + 1) + " to run it again)");
        }
        return new StepExecution(tenantId, executionId, stepId, attempt, position, next.status,
                next.input == null ? input : next.input, next.output, next.error, startedAt, next.completedAt,
                next.recordedAt);
    }
}
