package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.application.maintenance.StoreCleanup;
import dev.orchestra.application.maintenance.StoreRetentionPolicy;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.maintenance.RetentionKind;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Area;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retention over a year of synthetic history: a dry run counts and changes nothing; the cleanup removes exactly
 * what was counted, keeps unfinished and referenced work, OPEN circuits, each circuit's newest transition and
 * the audit trail (kept by default), audits each kind's removal, and the store's file shrinks.
 */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");
    private static final int DAYS = 365;
    private static final int TASKS_A_DAY = 20;
    private static final int DECISIONS_A_DAY = 10;
    private static final String RESULT = "ok " + "x".repeat(600);

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAYearOfHistory_cleanup_removesWhatIsDueKeepsWhatMustStayAndTheFileShrinks(String type)
            throws Exception {
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(NOW);
        try (Store store = TestStores.open(type, directory, clock)) {
            TenantId tenant = TestData.TENANT;
            for (int day = 0; day < DAYS; day++) {
                Instant at = NOW.minus(Duration.ofDays(DAYS - day));
                int d = day;
                store.unitOfWork().write(() -> {
                    for (int i = 0; i < TASKS_A_DAY; i++) {
                        store.tasks().add(finished(String.format("t-%03d-%02d", d, i), null, at));
                    }
                    for (int i = 0; i < DECISIONS_A_DAY; i++) {
                        store.routingDecisions().add(TestData.decision(String.format("r-%03d-%02d", d, i),
                                "agent-" + (i % 3), at));
                    }
                    store.circuitBreakers().append(TestData.transition("c-" + d, d % 2 == 0 ? "agent-a" : "agent-b",
                            at));
                    store.auditTrail().append(new AuditEntry(tenant, "audit-" + d, "Task", "t-" + d,
                            AuditAction.UPDATE, null, "{}", List.of(), "tester", null, at, true, null, 0));
                    return null;
                });
            }
            Instant old = NOW.minus(Duration.ofDays(300));
            store.unitOfWork().write(() -> {
                // What must stay whatever its age: unfinished work, a finished parent of a kept child, an OPEN
                // circuit.
                store.tasks().add(TestData.task("old-pending", "/repo", TaskPriority.NORMAL, old));
                store.tasks().add(finished("old-parent", null, old));
                store.tasks().add(finished("new-child", "old-parent", NOW.minus(Duration.ofDays(1))));
                store.circuitBreakers().add(TestData.openBreaker("agent-open"));
                // A circuit's newest transition explains its state: it stays however old.
                store.circuitBreakers().append(TestData.transition("quiet-1", "agent-quiet", old));
                return null;
            });
            Map<String, Long> rowsBefore = rows(store);
            long tasksBefore = rowsBefore.get("tasks");
            StoreRetentionPolicy policy = StoreRetentionPolicy.defaults()
                    .with(RetentionKind.FINISHED_TASKS, Duration.ofDays(90))
                    .with(RetentionKind.ROUTING_DECISIONS, Duration.ofDays(90));
            StoreCleanup cleanup = StoreHealthConfiguration.storeCleanup(
                    Wiring.of(store, TestStores.VALIDATOR, clock, Duration.ofMinutes(5)), policy);
            // Days 0..274 are older than 90 days (the cutoff is NOW - 90d = day 275 exactly, not before it).
            long dueTasks = 275L * TASKS_A_DAY;
            long dueDecisions = 275L * DECISIONS_A_DAY;

            StoreCleanup.Report dry = cleanup.cleanup(true);

            assertThat(rows(store)).as("a dry run changes nothing").isEqualTo(rowsBefore);
            Map<RetentionKind, Long> wouldGo = dry.kinds().stream().collect(Collectors.toMap(
                    StoreCleanup.KindReport::kind, StoreCleanup.KindReport::removed));
            assertThat(wouldGo).containsEntry(RetentionKind.FINISHED_TASKS, dueTasks)
                    .containsEntry(RetentionKind.ROUTING_DECISIONS, dueDecisions)
                    .doesNotContainKey(RetentionKind.AUDIT_ENTRIES);
            assertThat(wouldGo.get(RetentionKind.CIRCUIT_HISTORY)).isPositive();
            long sizeBefore = bytesOnDisk(type, store);

            StoreCleanup.Report done = cleanup.cleanup(false);

            Map<RetentionKind, Long> removed = done.kinds().stream().collect(Collectors.toMap(
                    StoreCleanup.KindReport::kind, StoreCleanup.KindReport::removed));
            assertThat(removed).as("the cleanup removes what the dry run counted").isEqualTo(wouldGo);
            long sizeAfter = bytesOnDisk(type, store);
            System.out.printf("retention %s: %d bytes before, %d after (report %d -> %d)%n", type, sizeBefore,
                    sizeAfter, done.bytesBefore(), done.bytesAfter());
            assertThat(sizeAfter).as("the file shrinks").isLessThan(sizeBefore * 3 / 4);
            assertThat(done.bytesGivenBack()).isPositive();
            Map<String, Long> rowsAfter = rows(store);
            assertThat(rowsAfter.get("tasks")).isEqualTo(tasksBefore - dueTasks);
            assertThat(rowsAfter.get("auditEntries")).as("the audit trail is kept by default, and grows by the "
                    + "cleanup's own entries").isEqualTo(rowsBefore.get("auditEntries") + 3);
            store.unitOfWork().read(() -> {
                Instant taskCutoff = NOW.minus(Duration.ofDays(90));
                List<Task> left = new java.util.ArrayList<>();
                for (int page = 0; left.size() == page * 500; page++) {
                    left.addAll(store.tasks().find(tenant, Specification.all(), new PageRequest<>(page, 500,
                            List.of(TaskFields.ID.asc()))).items());
                }
                assertThat(left).extracting(Task::id).contains("old-pending", "old-parent", "new-child");
                assertThat(left).filteredOn(t -> !t.id().startsWith("old-"))
                        .allMatch(t -> !t.completedAt().isBefore(taskCutoff));
                assertThat(store.circuitBreakers().findByKey(tenant, "agent-open")).isPresent();
                List<CircuitTransition> transitions = store.circuitBreakers().transitions(tenant,
                        Specification.all(), new PageRequest<>(0, 500, List.of())).items();
                Map<String, Instant> newest = new HashMap<>();
                transitions.forEach(t -> newest.merge(t.agentKey(), t.at(), (a, b) -> a.isAfter(b) ? a : b));
                assertThat(newest).containsEntry("agent-a", NOW.minus(Duration.ofDays(1)))
                        .containsEntry("agent-b", NOW.minus(Duration.ofDays(2))).containsEntry("agent-quiet", old);
                Instant circuitCutoff = NOW.minus(Duration.ofDays(30));
                assertThat(transitions).filteredOn(t -> !t.at().isBefore(circuitCutoff)).hasSize(30);
                // The JSON store's transitions are a log in time order: it drops the oldest ones up to the first
                // that must stay; the SQLite store drops every old one but a circuit's newest.
                assertThat(transitions).filteredOn(t -> t.at().isBefore(circuitCutoff))
                        .allMatch(t -> type.equals("json") ? !t.at().isBefore(old) : t.id().equals("quiet-1"))
                        .extracting(CircuitTransition::id).contains("quiet-1");
                List<AuditEntry> audit = store.auditTrail().find(tenant, Specification.all(),
                        new PageRequest<>(0, 500, List.of())).items();
                assertThat(audit).filteredOn(e -> e.userId().equals("retention"))
                        .extracting(AuditEntry::entityId)
                        .containsExactlyInAnyOrder("finished-tasks", "routing-decisions", "circuit-history");
                return null;
            });
            assertThat(cleanup.cleanup(true).kinds()).allMatch(k -> k.removed() == 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenOldAuditEntriesAndArchivedSessions_cleanup_removesThemButNotASessionWithWorkPending(String type) {
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(TestData.T0.plus(Duration.ofDays(400)));
        try (Store store = TestStores.open(type, directory, clock)) {
            TenantId tenant = TestData.TENANT;
            dev.orchestra.domain.chat.ChatSession.Details archive = new dev.orchestra.domain.chat.ChatSession.Details(
                    null, null, null, null, dev.orchestra.domain.chat.SessionStatus.ARCHIVED, null, null, null, null,
                    null);
            store.unitOfWork().write(() -> {
                for (String id : List.of("done", "waiting", "active")) {
                    dev.orchestra.domain.chat.ChatSession session = TestData.chatSession(id, "u1");
                    store.chatSessions().addSession(id.equals("active") ? session
                            : session.with(archive, TestData.T0));
                    store.chatSessions().addMessage(TestData.chatMessage(id + "-m1", id, 1, "hello"));
                }
                store.toolExecutions().add(TestData.toolExecution("x1", "waiting", true));
                for (int i = 0; i < 50; i++) {
                    store.auditTrail().append(new AuditEntry(tenant, "a-" + i, "Task", "t", AuditAction.UPDATE, null,
                            "{}", List.of(), "tester", null, TestData.T0.plusSeconds(i), true, null, 0));
                }
                return null;
            });
            StoreCleanup cleanup = StoreHealthConfiguration.storeCleanup(
                    Wiring.of(store, TestStores.VALIDATOR, clock, Duration.ofMinutes(5)), new StoreRetentionPolicy(
                            Map.of(RetentionKind.AUDIT_ENTRIES, Duration.ofDays(30),
                                    RetentionKind.ARCHIVED_CHAT_SESSIONS, Duration.ofDays(30))));

            StoreCleanup.Report report = cleanup.cleanup(false);

            assertThat(report.kinds()).extracting(StoreCleanup.KindReport::kind, StoreCleanup.KindReport::removed)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(RetentionKind.ARCHIVED_CHAT_SESSIONS,
                            1L), org.assertj.core.groups.Tuple.tuple(RetentionKind.AUDIT_ENTRIES, 50L));
            store.unitOfWork().read(() -> {
                assertThat(store.chatSessions().findSession(tenant, "done")).isEmpty();
                assertThat(store.chatSessions().findSession(tenant, "waiting")).isPresent();
                assertThat(store.chatSessions().findSession(tenant, "active")).isPresent();
                assertThat(store.auditTrail().find(tenant, Specification.all(), new PageRequest<>(0, 500, List.of()))
                        .items()).extracting(AuditEntry::userId).containsOnly("retention");
                return null;
            });
            assertThat(rows(store).get("chatMessages")).isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void givenNoConfiguration_theServicesAgesAreTheCommandLinesDefaults() {
        OrchestraProperties bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("orchestra", OrchestraProperties.class);
        OrchestraProperties tasksKept = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of(
                        "orchestra.retention.finished-tasks", "30d", "orchestra.retention.routing-decisions", "0")))
                .bindOrCreate("orchestra", OrchestraProperties.class);

        assertThat(bound.retention().policy()).isEqualTo(StoreRetentionPolicy.defaults());
        assertThat(tasksKept.retention().policy().ages()).containsEntry(RetentionKind.FINISHED_TASKS,
                Duration.ofDays(30)).doesNotContainKey(RetentionKind.ROUTING_DECISIONS);
    }

    private static Task finished(String id, String parent, Instant at) {
        return new Task(TestData.TENANT, id, "run " + id, "/repo", null, null, TaskPriority.NORMAL,
                TaskStatus.COMPLETED, at.minusSeconds(60), at.minusSeconds(50), at.minusSeconds(40), at, RESULT, null,
                0, null, null, 0, parent, false, TaskProgress.NONE, null, at, 0);
    }

    private static Map<String, Long> rows(Store store) {
        Map<String, Long> rows = new HashMap<>();
        store.unitOfWork().read(() -> {
            for (Area<?> area : store.areas()) {
                rows.put(area.name(), area.count(TestData.TENANT));
            }
            return null;
        });
        return rows;
    }

    private long bytesOnDisk(String type, Store store) throws Exception {
        long bytes = 0;
        try (var files = Files.list(directory)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(f);
            }
        }
        return bytes;
    }
}
