package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.toolExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code ToolExecutions} must have. */
public abstract class ToolExecutionsContractTest extends StoreContract {

    @Test
    void givenAnApprovalDecided_reopen_thenTheDecisionWithWhoWhenAndDigestIsStillThere() {
        ToolExecution requested = write(() -> store.toolExecutions().add(toolExecution("run-1", "s1", true)));
        ToolExecution approved = write(() -> store.toolExecutions().update(
                requested.decided(ApprovalDecision.APPROVED, "alice", "looks safe", T0.plusSeconds(60))));
        reopen();

        ToolExecution read = read(() -> store.toolExecutions().find(TENANT, "run-1")).orElseThrow();
        assertThat(read).isEqualTo(approved);
        assertThat(read.status()).isEqualTo(ToolExecutionStatus.PENDING);
        assertThat(read.approval().decision()).isEqualTo(ApprovalDecision.APPROVED);
        assertThat(read.approval().by()).isEqualTo("alice");
        assertThat(read.approval().at()).isEqualTo(T0.plusSeconds(60));
        assertThat(read.approval().argumentsSha256()).isEqualTo(requested.approval().argumentsSha256()).hasSize(64);
        assertThat(read(() -> store.toolExecutions().find(OTHER_TENANT, "run-1"))).isEmpty();
    }

    @Test
    void givenADecidedApproval_rewritingTheDecision_isRefusedByTheStore() {
        ToolExecution requested = write(() -> store.toolExecutions().add(toolExecution("run-1", "s1", true)));
        ToolExecution approved = write(() -> store.toolExecutions().update(
                requested.decided(ApprovalDecision.APPROVED, "alice", null, T0.plusSeconds(60))));
        // A caller that skips the domain's check: the store itself keeps a decision as made.
        ToolExecution forged = new ToolExecution(approved.tenantId(), approved.id(), approved.sessionId(), null,
                approved.toolName(), approved.input(), null, approved.agentId(), ToolExecutionStatus.CANCELLED, null,
                approved.createdAt(), null, T0.plusSeconds(70), null,
                requested.approval().decided(ApprovalDecision.REJECTED, "mallory", T0.plusSeconds(70), null),
                approved.version());

        assertThatThrownBy(() -> write(() -> store.toolExecutions().update(forged))).isInstanceOf(Conflict.class);
        reopen();

        assertThat(read(() -> store.toolExecutions().find(TENANT, "run-1"))).contains(approved);
    }

    @Test
    void givenExecutions_update_checksTheVersionAndTheyAreListedBySessionAndStatus() {
        writeVoid(() -> {
            store.toolExecutions().add(toolExecution("run-1", "s1", false));
            store.toolExecutions().add(toolExecution("run-2", "s1", true));
            store.toolExecutions().add(toolExecution("run-3", "s2", false));
        });
        ToolExecution pending = read(() -> store.toolExecutions().find(TENANT, "run-1")).orElseThrow();
        ToolExecution running = write(() -> store.toolExecutions().update(
                pending.moved(new ToolExecution.Progress(ToolExecutionStatus.RUNNING, null, null, null),
                        T0.plusSeconds(1))));

        assertThat(running.version()).isEqualTo(1);
        assertThatThrownBy(() -> write(() -> store.toolExecutions().update(pending))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.toolExecutions().update(toolExecution("nope", "s1", false))))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> write(() -> store.toolExecutions().add(toolExecution("run-1", "s1", false))))
                .isInstanceOf(Conflict.class);
        reopen();

        PageRequest<ToolExecution> page = new PageRequest<>(0, 10, List.of(ChatFields.Execution.ID.asc()));
        assertThat(read(() -> store.toolExecutions().find(TENANT, ChatFields.Execution.SESSION_ID.eq("s1"), page))
                .items()).extracting(ToolExecution::id).containsExactly("run-1", "run-2");
        assertThat(read(() -> store.toolExecutions().find(TENANT, ChatFields.Execution.SESSION_ID.eq("s1")
                .and(ChatFields.Execution.STATUS.eq(ToolExecutionStatus.AWAITING_APPROVAL)), page)).items())
                .extracting(ToolExecution::id).containsExactly("run-2");
        assertThat(read(() -> store.toolExecutions().find(TENANT, "run-1")).orElseThrow().startedAt())
                .isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void givenWaitingRequests_overdueApprovals_listsOnlyThosePastTheirExpiry() {
        writeVoid(() -> {
            store.toolExecutions().add(toolExecution("due", "s1", true));
            store.toolExecutions().add(toolExecution("no-approval", "s1", false));
            store.toolExecutions().add(ToolExecution.requested(TENANT, "later", "s1", new ToolExecution.Request(
                    "later", null, "run_shell", new dev.orchestra.domain.shared.JsonDocument("{}"), null, true,
                    T0.plusSeconds(7200)), T0));
            store.toolExecutions().add(ToolExecution.requested(TENANT, "forever", "s1", new ToolExecution.Request(
                    "forever", null, "run_shell", new dev.orchestra.domain.shared.JsonDocument("{}"), null, true,
                    null), T0));
        });

        assertThat(read(() -> store.toolExecutions().overdueApprovals(TENANT, T0.plusSeconds(3599), 10))).isEmpty();
        assertThat(read(() -> store.toolExecutions().overdueApprovals(TENANT, T0.plusSeconds(3600), 10)))
                .extracting(ToolExecution::id).containsExactly("due");
        assertThat(read(() -> store.toolExecutions().overdueApprovals(TENANT, T0.plusSeconds(9000), 10)))
                .extracting(ToolExecution::id).containsExactly("due", "later");
        assertThat(read(() -> store.toolExecutions().overdueApprovals(TENANT, T0.plusSeconds(9000), 1)))
                .extracting(ToolExecution::id).containsExactly("due");
        assertThat(read(() -> store.toolExecutions().overdueApprovals(OTHER_TENANT, T0.plusSeconds(9000), 10)))
                .isEmpty();
    }

    @Test
    void givenASessionsExecutions_removeOfSession_removesThoseOnly() {
        writeVoid(() -> {
            store.toolExecutions().add(toolExecution("run-1", "s1", false));
            store.toolExecutions().add(toolExecution("run-2", "s1", true));
            store.toolExecutions().add(toolExecution("run-3", "s2", false));
        });

        assertThat(write(() -> store.toolExecutions().removeOfSession(TENANT, "s1"))).isEqualTo(2);
        reopen();

        assertThat(read(() -> store.toolExecutions().find(TENANT, Specification.all(),
                new PageRequest<>(0, 10, List.of(ChatFields.Execution.ID.asc()))).items()))
                .extracting(ToolExecution::id).containsExactly("run-3");
    }
}
