package dev.orchestra.adapter.json;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.contract.StoreAreasContractTest;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Area;
import dev.orchestra.domain.task.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON store's journal: what a crash leaves on disk (the document and the journal, copied while
 * the store is open, so no close compacts them) opens to every acknowledged unit, exactly once.
 */
class JsonJournalTest {
    @TempDir
    Path directory;
    private JournalWarnings warnings;

    @BeforeEach
    void captureWarnings() {
        warnings = new JournalWarnings();
    }

    @AfterEach
    void stopCapturing() {
        warnings.close();
    }

    private static JsonStore open(Path folder) {
        return JsonStore.open(folder.resolve("orchestrator-state.json"), JsonTestStore.VALIDATOR, Clock.systemUTC());
    }

    /** The files as a crash would leave them: every acknowledged unit is fsynced, so a copy has it. */
    private Path crashImage(JsonStore store, String name) throws Exception {
        Path image = Files.createDirectories(directory.resolve(name));
        Files.copy(store.path(), image.resolve("orchestrator-state.json"));
        Files.copy(store.journalPath(), image.resolve("orchestrator-state.json.journal"));
        // Attachment bytes are files beside the document, synced before their unit is journaled.
        if (Files.isDirectory(store.attachmentsPath())) {
            Path bytes = Files.createDirectories(image.resolve("orchestrator-state.json.attachments"));
            try (var files = Files.list(store.attachmentsPath())) {
                for (Path file : files.toList()) {
                    Files.copy(file, bytes.resolve(file.getFileName()));
                }
            }
        }
        return image;
    }

    /** A store given {@code tasks} units of one task each, and what a crash after them leaves. */
    private Path crashImageAfterTasks(int tasks) throws Exception {
        try (JsonStore store = open(directory)) {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                store.unitOfWork().write(() -> store.tasks().add(task("t-" + n, "/r")));
            }
            return crashImage(store, "crash");
        }
    }

    private static Map<String, List<Object>> everyRow(JsonStore store) {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        store.unitOfWork().read(() -> {
            for (Area<?> area : store.areas()) {
                for (TenantId tenant : List.of(TENANT, OTHER_TENANT)) {
                    List<Object> list = rows.computeIfAbsent(area.name() + "@" + tenant.value(),
                            k -> new ArrayList<>());
                    area.each(tenant, list::add);
                }
            }
            return null;
        });
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static <T> void addSample(JsonStore store, Area<T> area) {
        T sample = (T) StoreAreasContractTest.SAMPLES.get(area.name());
        store.unitOfWork().writeVoid(() -> area.addAll(List.of(sample)));
    }

    @Test
    void givenUnitsInEveryAreaAndNoClose_openingWhatTheCrashLeft_replaysEveryRowExactly() throws Exception {
        try (JsonStore store = open(directory)) {
            for (Area<?> area : store.areas()) {
                addSample(store, area);
            }
            // A replacement and a removal, besides the additions.
            store.unitOfWork().writeVoid(() -> {
                Task stored = store.tasks().findById(OTHER_TENANT, "task-1").orElseThrow();
                store.tasks().update(stored.cancel(T0.plusSeconds(1)));
                store.tasks().add(dev.orchestra.domain.testing.Builders.aTask("task-2", "/repo")
                        .tenantId(OTHER_TENANT).build());
                store.preferences().remove(OTHER_TENANT, "p1", 0);
            });
            Map<String, List<Object>> before = everyRow(store);
            assertThat(Files.size(store.journalPath())).isPositive();
            Path image = crashImage(store, "crash");

            try (JsonStore reopened = open(image)) {
                assertThat(everyRow(reopened)).isEqualTo(before);
                assertThat(Files.size(reopened.journalPath())).as("replayed, then compacted").isZero();
            }
            try (JsonStore again = open(image)) {
                assertThat(everyRow(again)).as("from the compacted document alone").isEqualTo(before);
            }
        }
    }

    @Test
    void givenATornLastRecord_open_dropsItWithAWarningAndKeepsEveryWholeUnit() throws Exception {
        Path image = crashImageAfterTasks(5);
        Path journal = image.resolve("orchestrator-state.json.journal");
        List<String> lines = Files.readAllLines(journal);
        String whole = lines.get(lines.size() - 1).replace("t-4", "t-5").replace("\"sequence\":5", "\"sequence\":6");
        Files.writeString(journal, whole.substring(0, whole.length() / 2), StandardOpenOption.APPEND);

        try (JsonStore reopened = open(image)) {
            assertThat(reopened.unitOfWork().read(() -> reopened.tasks().count(TENANT, Specification.all())))
                    .isEqualTo(5);
            assertThat(reopened.unitOfWork().read(() -> reopened.tasks().findById(TENANT, "t-5"))).isEmpty();
        }
        assertThat(warnings.messages()).singleElement().asString().contains("torn record").contains("line 6")
                .contains("dropped");
    }

    @Test
    void givenAWholeLastRecordWithAWrongChecksum_open_dropsItAsTorn() throws Exception {
        Path image = crashImageAfterTasks(2);
        Path journal = image.resolve("orchestrator-state.json.journal");
        Files.writeString(journal, Files.readString(journal).replace("run t-1", "run t-X"));

        try (JsonStore reopened = open(image)) {
            assertThat(reopened.unitOfWork().read(() -> reopened.tasks().findById(TENANT, "t-0"))).isPresent();
            assertThat(reopened.unitOfWork().read(() -> reopened.tasks().findById(TENANT, "t-1"))).isEmpty();
        }
        assertThat(warnings.messages()).singleElement().asString().contains("line 2");
    }

    @Test
    void givenADamagedRecordBeforeOthers_open_isRefusedNamingTheLineAndLeavesTheFiles() throws Exception {
        Path image = crashImageAfterTasks(3);
        Path journal = image.resolve("orchestrator-state.json.journal");
        Files.writeString(journal, Files.readString(journal).replace("run t-1", "run t-X"));
        byte[] journalBefore = Files.readAllBytes(journal);
        byte[] documentBefore = Files.readAllBytes(image.resolve("orchestrator-state.json"));

        assertThatThrownBy(() -> open(image)).isInstanceOf(StoreFailure.class).hasMessageContaining("line 2")
                .hasMessageContaining("damaged");

        assertThat(Files.readAllBytes(journal)).isEqualTo(journalBefore);
        assertThat(Files.readAllBytes(image.resolve("orchestrator-state.json"))).isEqualTo(documentBefore);
        try (JsonStore unlocked = JsonStore.open(directory.resolve("other.json"), JsonTestStore.VALIDATOR,
                Clock.systemUTC())) {
            assertThat(unlocked).isNotNull();
        }
    }

    @Test
    void givenACrashAfterTheDocumentWasRewrittenButBeforeTheJournalWasEmptied_reopen_appliesNoUnitTwice()
            throws Exception {
        Path journalCopy = directory.resolve("journal-before-close");
        try (JsonStore store = open(directory)) {
            for (int i = 0; i < 3; i++) {
                AuditEntry entry = new AuditEntry(TENANT, "e" + i, "Task", "t", AuditAction.UPDATE, null, "{}",
                        List.of(), "alice", null, T0, true, null, 1);
                store.unitOfWork().writeVoid(() -> store.auditTrail().append(entry));
            }
            Files.copy(store.journalPath(), journalCopy);
        }
        // The close rewrote the document with all three units; the emptied journal comes back full.
        Files.copy(journalCopy, directory.resolve("orchestrator-state.json.journal"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (JsonStore reopened = open(directory)) {
            assertThat(reopened.unitOfWork().read(() -> reopened.auditTrail()
                    .find(TENANT, Specification.all(), PageRequest.first(100, List.of())).items()))
                    .extracting(AuditEntry::id).containsExactly("e0", "e1", "e2");
        }
    }

    @Test
    void givenAJournalThatDoesNotFollowTheDocument_open_isRefused() throws Exception {
        Path image = crashImageAfterTasks(3);
        Path journal = image.resolve("orchestrator-state.json.journal");
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(1, lines.size()));

        assertThatThrownBy(() -> open(image)).isInstanceOf(StoreFailure.class)
                .hasMessageContaining("holds unit 2").hasMessageContaining("ends at unit 0");
    }

    @Test
    void givenTheJournalOutgrowingItsThreshold_theDocumentIsRewrittenAndTheJournalStartsAgain() throws Exception {
        Path file = directory.resolve("orchestrator-state.json");
        try (JsonStore store = JsonStore.open(file, JsonTestStore.VALIDATOR, Clock.systemUTC(), 8 * 1024)) {
            long largest = 0;
            for (int i = 0; i < 40; i++) {
                int n = i;
                store.unitOfWork().write(() -> store.tasks().add(task("t-" + n, "/r")));
                largest = Math.max(largest, Files.size(store.journalPath()));
            }
            JsonNode document = JsonMapper.builder().build().readTree(Files.readString(file));

            assertThat(largest).isLessThan(8 * 1024 + 2_000);
            assertThat(Files.size(store.journalPath())).isLessThan(largest);
            int inDocument = document.get("TaskQueue").size();
            assertThat(inDocument).as("compacted at least once").isBetween(1, 39);
            assertThat(document.get("Orchestra").get("JournalSequence").asLong()).isEqualTo(inDocument);
            assertThat(Files.readAllLines(store.journalPath())).hasSize(40 - inDocument);
        }
    }

    @Test
    void givenACleanClose_theDocumentAloneHoldsEverythingAndTheMigrationReaderReadsIt() throws Exception {
        Path file = directory.resolve("orchestrator-state.json");
        try (JsonStore store = open(directory)) {
            store.unitOfWork().writeVoid(() -> {
                store.repositories().add(dev.orchestra.domain.testing.TestData.repository("r1", "/r"));
                store.agents().add(dev.orchestra.domain.testing.TestData.agent("a1", "/r"));
            });
            for (int i = 0; i < 10; i++) {
                int n = i;
                store.unitOfWork().write(() -> store.tasks().add(task("t-" + n, "/r")));
            }
            assertThat(Files.readString(file)).doesNotContain("t-0");
        }

        assertThat(Files.size(directory.resolve("orchestrator-state.json.journal"))).isZero();
        LegacyStateReaderTest.Collected read = new LegacyStateReaderTest.Collected();
        new LegacyStateReader().read(file, LegacyReadOptions.defaults(TenantId.DEFAULT), read);
        assertThat(read.errors()).isEmpty();
        assertThat(read.agents).extracting(dev.orchestra.domain.agent.Agent::id).containsExactly("a1");
        assertThat(read.tasks).extracting(Task::id).containsExactly("t-0", "t-1", "t-2", "t-3", "t-4", "t-5", "t-6",
                "t-7", "t-8", "t-9");
    }

    @Test
    void givenABackupWhileUnitsAreOnlyInTheJournal_theBackupHoldsThem() throws Exception {
        try (JsonStore store = open(directory)) {
            store.unitOfWork().write(() -> store.tasks().add(task("t-0", "/r")));

            var backup = store.maintenance().backup("test", T0);

            assertThat(Files.readString(Path.of(backup.location()), StandardCharsets.UTF_8)).contains("\"t-0\"");
        }
    }
}
