package dev.orchestra.domain.chat;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.NonNegativeDuration;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A tool run for a session, with its lifecycle and, when a person must allow it first, its approval.
 * AWAITING_APPROVAL goes to PENDING when approved and to CANCELLED when rejected or overdue; PENDING to
 * RUNNING (or straight to an end); RUNNING to COMPLETED, FAILED or CANCELLED. The input never changes after
 * the request, so the approval's digest always names what was approved.
 */
public record ToolExecution(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @Size(max = 128) String sessionId,
        @SingleLine @Size(max = 128) String toolCallId,
        @NotBlank @SingleLine @Size(max = 200) String toolName,
        @NotNull @JsonSize(max = ToolCall.MAX_JSON) JsonDocument input,
        @JsonSize(max = ToolCall.MAX_JSON) JsonDocument output,
        @SingleLine @Size(max = 128) String agentId,
        @NotNull ToolExecutionStatus status,
        @StorableText @Size(max = 10_000) String error,
        @NotNull Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        @NonNegativeDuration Duration duration,
        @Valid Approval approval,
        long version) {
    public static final String ENTITY = "ToolExecution";

    public ToolExecution {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        boolean awaiting = approval != null && !approval.isDecided();
        if (awaiting != (status == ToolExecutionStatus.AWAITING_APPROVAL)) {
            throw ValidationFailed.of("status", status == ToolExecutionStatus.AWAITING_APPROVAL
                    ? "AWAITING_APPROVAL needs an undecided approval request"
                    : "an undecided approval request keeps the execution AWAITING_APPROVAL, not " + status);
        }
        if (approval != null && approval.decision() != null && approval.decision() != ApprovalDecision.APPROVED
                && status != ToolExecutionStatus.CANCELLED) {
            throw ValidationFailed.of("status", "an execution whose approval was " + approval.decision()
                    + " is CANCELLED, not " + status);
        }
        if (approval != null && input != null && !approval.argumentsSha256().equals(Digests.sha256(input.json()))) {
            throw ValidationFailed.of("approval.argumentsSha256", "is not the SHA-256 of the input");
        }
    }

    /** What a client asks for; the store numbers nothing, but sets the times and the approval's digest. */
    public record Request(String id, String toolCallId, String toolName, JsonDocument input, String agentId,
                          Boolean requiresApproval, Instant approvalExpiresAt) {
    }

    /** A move a client reports: the next status, and what the tool gave back. Null keeps a value. */
    public record Progress(ToolExecutionStatus status, JsonDocument output, String error, String agentId) {
    }

    public static ToolExecution requested(TenantId tenant, String id, String sessionId, Request r, Instant now) {
        if (r.approvalExpiresAt() != null && !Boolean.TRUE.equals(r.requiresApproval())) {
            throw ValidationFailed.of("approvalExpiresAt", "is only for an execution with requiresApproval true");
        }
        if (r.approvalExpiresAt() != null && !r.approvalExpiresAt().isAfter(now)) {
            throw ValidationFailed.of("approvalExpiresAt", "must be in the future, not " + r.approvalExpiresAt());
        }
        Approval approval = Boolean.TRUE.equals(r.requiresApproval()) && r.input() != null
                ? Approval.requested(now, Digests.sha256(r.input().json()), r.approvalExpiresAt()) : null;
        return new ToolExecution(tenant, id, sessionId, r.toolCallId(), r.toolName(), r.input(), null, r.agentId(),
                approval == null ? ToolExecutionStatus.PENDING : ToolExecutionStatus.AWAITING_APPROVAL, null, now,
                null, null, null, approval, 0);
    }

    public boolean requiresApproval() {
        return approval != null;
    }

    /**
     * The approval decided: APPROVED moves to PENDING, REJECTED (and EXPIRED) to CANCELLED. Deciding what is
     * already decided the same way answers the stored execution unchanged; deciding it the other way, or
     * deciding one that needs no approval, is a {@link Conflict}.
     */
    public ToolExecution decided(ApprovalDecision decision, String by, String reason, Instant now) {
        if (approval == null) {
            throw new Conflict(ENTITY + " '" + id + "' needs no approval");
        }
        if (approval.isDecided()) {
            if (approval.decision() == decision) {
                return this;
            }
            throw new Conflict(ENTITY + " '" + id + "' was already " + approval.decision() + " by " + approval.by()
                    + " at " + approval.at() + "; a decision is made once");
        }
        return new ToolExecution(tenantId, id, sessionId, toolCallId, toolName, input, output, agentId,
                decision == ApprovalDecision.APPROVED ? ToolExecutionStatus.PENDING : ToolExecutionStatus.CANCELLED,
                error, createdAt, startedAt, decision == ApprovalDecision.APPROVED ? null : now, duration,
                approval.decided(decision, by, now, reason), version);
    }

    /** An undecided request past its expiry, CANCELLED with decision EXPIRED by the system. */
    public ToolExecution expired(Instant now) {
        return decided(ApprovalDecision.EXPIRED, Approval.SYSTEM, "no decision before " + approval.expiresAt(), now);
    }

    public boolean isOverdue(Instant now) {
        return approval != null && approval.isOverdue(now);
    }

    /** A reported move; the same status again only updates what came with it while the run is not over. */
    public ToolExecution moved(Progress p, Instant now) {
        ToolExecutionStatus to = p.status() == null ? status : p.status();
        if (status == ToolExecutionStatus.AWAITING_APPROVAL) {
            throw new InvalidTransition(ENTITY + " '" + id + "' is AWAITING_APPROVAL; approve or reject it first");
        }
        if (status.isFinal()) {
            throw new InvalidTransition(ENTITY + " '" + id + "' is " + status + ", which is final");
        }
        boolean allowed = switch (status) {
            case PENDING -> to != ToolExecutionStatus.AWAITING_APPROVAL;
            case RUNNING -> to != ToolExecutionStatus.PENDING && to != ToolExecutionStatus.AWAITING_APPROVAL;
            default -> false;
        };
        if (!allowed) {
            throw new InvalidTransition(ENTITY, id, status, to);
        }
        Instant started = startedAt == null && to != ToolExecutionStatus.PENDING
                && to != ToolExecutionStatus.CANCELLED ? now : startedAt;
        Instant completed = to.isFinal() ? now : null;
        Duration took = completed != null && started != null ? Duration.between(started, completed) : duration;
        return new ToolExecution(tenantId, id, sessionId, toolCallId, toolName, input,
                p.output() == null ? output : p.output(), p.agentId() == null ? agentId : p.agentId(), to,
                p.error() == null ? error : p.error(), createdAt, started, completed, took, approval, version);
    }

    public ToolExecution withVersion(long newVersion) {
        return new ToolExecution(tenantId, id, sessionId, toolCallId, toolName, input, output, agentId, status, error,
                createdAt, startedAt, completedAt, duration, approval, newVersion);
    }
}
