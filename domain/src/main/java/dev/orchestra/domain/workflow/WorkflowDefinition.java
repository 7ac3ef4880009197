package dev.orchestra.domain.workflow;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One version of a workflow: its steps (content that never changes once stored, identified by
 * {@link #contentHash}), linked to the version before it. What may change is bookkeeping: whether it is
 * the latest version of its name, whether it is active, and how often it was run ({@link #revision}
 * counts those changes).
 */
public record WorkflowDefinition(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @SingleLine @Size(max = 200) String name,
        @NotBlank @Size(max = SemanticVersion.MAX_LENGTH) @Pattern(regexp = SemanticVersion.PATTERN, message = SemanticVersion.MESSAGE)
        String version,
        @Size(max = 128) String previousVersionId,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}") String contentHash,
        @NotNull List<@NotNull @Valid WorkflowStep> steps,
        @JsonSize(max = JsonSize.SETTINGS) JsonDocument inputSchema,
        @JsonSize(max = JsonSize.SETTINGS) JsonDocument outputSchema,
        @SingleLine @Size(max = 100) String category,
        @NotNull @Size(max = 100) Set<@NotBlank @SingleLine @Size(max = 100) String> tags,
        @SingleLine @Size(max = 255) String author,
        boolean publicDefinition,
        boolean active,
        boolean latest,
        @NotNull @Valid Usage usage,
        @NotNull Instant createdAt,
        @SingleLine @Size(max = 255) String createdBy,
        long revision) {
    public static final String ENTITY = "WorkflowDefinition";

    /** How often this version was run: executions created (forks too), and those that ended either way. */
    public record Usage(@PositiveOrZero long started, @PositiveOrZero long completed, @PositiveOrZero long failed) {
        public static final Usage NONE = new Usage(0, 0, 0);

        public Usage plus(long moreStarted, long moreCompleted, long moreFailed) {
            return new Usage(started + moreStarted, completed + moreCompleted, failed + moreFailed);
        }
    }

    /** What a client gives for a new version. */
    public record Content(String name, String version, List<WorkflowStep> steps, JsonDocument inputSchema,
                          JsonDocument outputSchema, String category, Set<String> tags, String author,
                          Boolean publicDefinition) {
    }

    public WorkflowDefinition {
        Objects.requireNonNull(tenantId, "tenantId");
        steps = steps == null ? List.of() : List.copyOf(steps);
        tags = tags == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        usage = usage == null ? Usage.NONE : usage;
        if (!steps.isEmpty() && contentHash != null && !contentHash.equals(StepGraph.contentHash(steps))) {
            throw ValidationFailed.of("contentHash", "does not match the steps (" + StepGraph.contentHash(steps)
                    + ")");
        }
    }

    /**
     * A new version of {@code content.name()}: the steps are checked and hashed; it must be higher than
     * {@code latest} (the newest stored version of the name, or null for the first), which it links to.
     */
    public static WorkflowDefinition create(TenantId tenant, String id, Content content, WorkflowDefinition latest,
                                            Instant now, String by) {
        SemanticVersion version = SemanticVersion.parse("version", content.version());
        StepGraph.check(content.steps() == null ? List.of() : content.steps());
        if (latest != null) {
            SemanticVersion newest = SemanticVersion.parse("version", latest.version());
            int order = version.compareTo(newest);
            if (order == 0) {
                throw new Conflict("workflow '" + content.name() + "' version " + latest.version()
                        + " already exists (id " + latest.id() + ")" + (content.version().equals(latest.version())
                        ? "" : "; " + content.version() + " is the same version"));
            }
            if (order < 0) {
                throw new Conflict("workflow '" + content.name() + "' version " + content.version()
                        + " must be higher than its latest version " + latest.version() + " (id " + latest.id() + ")");
            }
        }
        return new WorkflowDefinition(tenant, id, content.name(), content.version(),
                latest == null ? null : latest.id(), StepGraph.contentHash(content.steps()), content.steps(),
                content.inputSchema(), content.outputSchema(), content.category(), content.tags(), content.author(),
                Boolean.TRUE.equals(content.publicDefinition()), true, true, Usage.NONE, now, by, 0);
    }

    public WorkflowStep step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
    }

    /** No longer the newest version of its name. */
    public WorkflowDefinition superseded() {
        return bookkeeping(active, false, usage);
    }

    public WorkflowDefinition counted(long started, long completed, long failed) {
        return bookkeeping(active, latest, usage.plus(started, completed, failed));
    }

    public WorkflowDefinition withRevision(long newRevision) {
        return new WorkflowDefinition(tenantId, id, name, version, previousVersionId, contentHash, steps, inputSchema,
                outputSchema, category, tags, author, publicDefinition, active, latest, usage, createdAt, createdBy,
                newRevision);
    }

    private WorkflowDefinition bookkeeping(boolean isActive, boolean isLatest, Usage newUsage) {
        return new WorkflowDefinition(tenantId, id, name, version, previousVersionId, contentHash, steps, inputSchema,
                outputSchema, category, tags, author, publicDefinition, isActive, isLatest, newUsage, createdAt,
                createdBy, revision);
    }
}
