package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.application.chat.ChatTools;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Approvals are durable and decided once: a decision made before a restart is there after it with who and
 * when; racing approvers and rejecters get one decision and 409s; an overdue request is expired by the sweep
 * (or by a late decision), audited, and never approved afterwards.
 */
class ToolApprovalTest {
    private static final Caller ALICE = new Caller(TenantId.DEFAULT, "alice");
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path directory;
    private final UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(T0);
    private Store store;
    private ChatHistory chat;
    private ChatTools tools;

    private void open(String type) {
        store = TestStores.open(type, directory, clock);
        Wiring wiring = Wiring.of(store, TestStores.VALIDATOR, clock, Duration.ofMinutes(5));
        chat = ChatConfiguration.chatHistory(wiring);
        tools = ChatConfiguration.chatTools(wiring);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private ToolExecution request(String id, Instant expiresAt) {
        return tools.request(ALICE, "s1", new ToolExecution.Request(id, null, "run_shell",
                new JsonDocument("{\"command\":\"deploy\"}"), "agent-1", true, expiresAt));
    }

    private void session() {
        chat.openSession(ALICE, "s1", new ChatSession.Details("Deploy", null, "alice", null, null, null, null, null,
                null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenADecisionBeforeARestart_afterIt_theDecisionWhoAndWhenAreKeptAndTheOtherIs409(String type) {
        open(type);
        session();
        ToolExecution requested = request("run-1", null);
        clock.advance(Duration.ofSeconds(30));
        ToolExecution approved = tools.decide(ALICE, "run-1", ApprovalDecision.APPROVED,
                new ChatTools.Decision("alice", "checked the diff", requested.approval().argumentsSha256()));
        store.close();
        open(type);

        ToolExecution read = tools.execution(ALICE, "run-1");
        assertThat(read).isEqualTo(approved);
        assertThat(read.approval().by()).isEqualTo("alice");
        assertThat(read.approval().at()).isEqualTo(T0.plusSeconds(30));
        assertThat(read.approval().reason()).isEqualTo("checked the diff");
        assertThat(tools.decide(ALICE, "run-1", ApprovalDecision.APPROVED, new ChatTools.Decision("bob", null, null)))
                .isEqualTo(approved);
        assertThatThrownBy(() -> tools.decide(ALICE, "run-1", ApprovalDecision.REJECTED,
                new ChatTools.Decision("bob", null, null))).isInstanceOf(Conflict.class)
                .hasMessageContaining("already APPROVED by alice");
        List<AuditEntry> audit = store.unitOfWork().read(() -> store.auditTrail().find(TenantId.DEFAULT,
                AuditFieldsOfEntry.ENTITY_ID.eq("run-1"), PageRequest.first(10, List.of()))).items();
        assertThat(audit).hasSize(2);
        assertThat(audit).anySatisfy(e -> assertThat(e.newValues()).contains("APPROVED").contains("alice")
                .contains(requested.approval().argumentsSha256()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSixteenRacingDeciders_exactlyOneDecisionIsStoredAndTheOthersAgreeOrConflict(String type)
            throws Exception {
        open(type);
        session();
        request("run-1", null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApprovalDecision>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ApprovalDecision wanted = i % 2 == 0 ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED;
            String who = "person-" + i;
            Callable<ApprovalDecision> decide = () -> {
                start.await();
                try {
                    return tools.decide(ALICE, "run-1", wanted, new ChatTools.Decision(who, null, null)).approval()
                            .decision();
                } catch (Conflict e) {
                    return null;
                }
            };
            answers.add(pool.submit(decide));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        ApprovalDecision stored = tools.execution(ALICE, "run-1").approval().decision();
        int agreed = 0;
        for (Future<ApprovalDecision> answer : answers) {
            ApprovalDecision got = answer.get();
            if (got != null) {
                assertThat(got).isEqualTo(stored);
                agreed++;
            }
        }
        assertThat(agreed).as("the deciders of the stored decision").isEqualTo(8);
        assertThat(store.unitOfWork().read(() -> store.auditTrail().find(TenantId.DEFAULT,
                AuditFieldsOfEntry.ENTITY_ID.eq("run-1"), PageRequest.first(50, List.of()))).items())
                .as("one creation and one decision").hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenOverdueRequests_theSweepCancelsThemAsExpiredAndALateApprovalIs409(String type) {
        open(type);
        session();
        request("due", T0.plusSeconds(60));
        request("late", T0.plusSeconds(60));
        request("later", T0.plusSeconds(3600));
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> tools.decide(ALICE, "late", ApprovalDecision.APPROVED,
                new ChatTools.Decision("alice", null, null))).isInstanceOf(Conflict.class)
                .hasMessageContaining("EXPIRED");
        List<ToolExecution> swept = tools.expireOverdueEveryTenant();
        store.close();
        open(type);

        assertThat(swept).extracting(ToolExecution::id).containsExactly("due");
        for (String id : List.of("due", "late")) {
            ToolExecution expired = tools.execution(ALICE, id);
            assertThat(expired.status()).isEqualTo(ToolExecutionStatus.CANCELLED);
            assertThat(expired.approval().decision()).isEqualTo(ApprovalDecision.EXPIRED);
            assertThat(expired.approval().at()).isEqualTo(T0.plusSeconds(61));
        }
        assertThat(tools.execution(ALICE, "later").status()).isEqualTo(ToolExecutionStatus.AWAITING_APPROVAL);
        assertThat(tools.expireOverdueEveryTenant()).isEmpty();
        assertThat(store.unitOfWork().read(() -> store.auditTrail().find(TenantId.DEFAULT,
                AuditFieldsOfEntry.ENTITY_ID.eq("due"), PageRequest.first(10, List.of()))).items()).hasSize(2);
    }
}
