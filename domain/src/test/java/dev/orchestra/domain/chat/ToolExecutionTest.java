package dev.orchestra.domain.chat;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.toolExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ToolExecutionTest {
    private static final ToolExecution.Progress RUN =
            new ToolExecution.Progress(ToolExecutionStatus.RUNNING, null, null, null);
    private static final ToolExecution.Progress DONE =
            new ToolExecution.Progress(ToolExecutionStatus.COMPLETED, null, null, null);

    @Test
    void givenARequestNeedingApproval_requested_waitsWithTheDigestOfItsInput() {
        ToolExecution e = toolExecution("run-1", "s1", true);

        assertThat(e.status()).isEqualTo(ToolExecutionStatus.AWAITING_APPROVAL);
        assertThat(e.approval().argumentsSha256()).isEqualTo(Digests.sha256("{\"command\":\"rm -rf build\"}"));
        assertThat(e.approval().expiresAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(toolExecution("run-2", "s1", false).status()).isEqualTo(ToolExecutionStatus.PENDING);
    }

    @Test
    void givenAWaitingExecution_decided_isOnceAndTheSameDecisionAgainChangesNothing() {
        ToolExecution e = toolExecution("run-1", "s1", true);

        ToolExecution approved = e.decided(ApprovalDecision.APPROVED, "alice", "ok", T0.plusSeconds(5));

        assertThat(approved.status()).isEqualTo(ToolExecutionStatus.PENDING);
        assertThat(approved.approval().by()).isEqualTo("alice");
        assertThat(approved.decided(ApprovalDecision.APPROVED, "bob", null, T0.plusSeconds(9))).isSameAs(approved);
        assertThatThrownBy(() -> approved.decided(ApprovalDecision.REJECTED, "bob", null, T0.plusSeconds(9)))
                .isInstanceOf(Conflict.class).hasMessageContaining("already APPROVED by alice");
        ToolExecution rejected = e.decided(ApprovalDecision.REJECTED, "bob", "no", T0.plusSeconds(5));
        assertThat(rejected.status()).isEqualTo(ToolExecutionStatus.CANCELLED);
        assertThat(rejected.completedAt()).isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> toolExecution("run-2", "s1", false)
                .decided(ApprovalDecision.APPROVED, "alice", null, T0)).isInstanceOf(Conflict.class);
    }

    @Test
    void givenAWaitingExecution_moved_isRefusedUntilDecidedAndExpiryCancelsIt() {
        ToolExecution e = toolExecution("run-1", "s1", true);

        assertThatThrownBy(() -> e.moved(RUN, T0)).isInstanceOf(InvalidTransition.class)
                .hasMessageContaining("approve or reject");
        assertThat(e.isOverdue(T0.plusSeconds(3599))).isFalse();
        assertThat(e.isOverdue(T0.plusSeconds(3600))).isTrue();
        ToolExecution expired = e.expired(T0.plusSeconds(3600));
        assertThat(expired.status()).isEqualTo(ToolExecutionStatus.CANCELLED);
        assertThat(expired.approval().decision()).isEqualTo(ApprovalDecision.EXPIRED);
        assertThat(expired.approval().by()).isEqualTo(Approval.SYSTEM);
    }

    @Test
    void givenAPendingExecution_runToTheEnd_timesItAndAFinalStatusIsFinal() {
        ToolExecution pending = toolExecution("run-1", "s1", false);

        ToolExecution running = pending.moved(RUN, T0.plusSeconds(1));
        ToolExecution done = running.moved(DONE, T0.plusSeconds(4));

        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(done.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> done.moved(RUN, T0.plusSeconds(5))).isInstanceOf(InvalidTransition.class)
                .hasMessageContaining("final");
        assertThatThrownBy(() -> running.moved(new ToolExecution.Progress(ToolExecutionStatus.PENDING, null, null,
                null), T0)).isInstanceOf(InvalidTransition.class);
    }

    @Test
    void givenAnApprovalOfOtherArguments_construct_isRefused() {
        ToolExecution e = toolExecution("run-1", "s1", true);

        assertThatThrownBy(() -> new ToolExecution(e.tenantId(), e.id(), e.sessionId(), null, e.toolName(),
                new JsonDocument("{\"command\":\"ls\"}"), null, null, e.status(), null, e.createdAt(), null, null,
                null, e.approval(), 0)).isInstanceOf(ValidationFailed.class).hasMessageContaining("argumentsSha256");
        assertThatThrownBy(() -> ToolExecution.requested(e.tenantId(), "x", "s1", new ToolExecution.Request("x",
                null, "t", new JsonDocument("{}"), null, true, T0.minusSeconds(1)), T0))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("approvalExpiresAt");
    }
}
