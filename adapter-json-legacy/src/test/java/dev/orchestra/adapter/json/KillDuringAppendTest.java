package dev.orchestra.adapter.json;

import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.task.Task;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the JSON store's journal: a separate JVM appends units (and compacts now and then),
 * it is killed with SIGKILL mid-run, and the files are opened again. Every acknowledged unit must be
 * there, whole; no unit may be there in part; and a torn record at the end — the kill may cut an append
 * short, and one is added here in any case, since a kill does not always land mid-write — is dropped
 * with a warning.
 */
class KillDuringAppendTest {
    @TempDir
    Path directory;

    @Test
    void givenAProcessAppendingUnits_sigkillThenReopen_keepsEveryAcknowledgedUnitWholeAndDropsTheTornTail()
            throws Exception {
        Path file = directory.resolve("orchestrator-state.json");
        Process appender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), JournalAppender.class.getName(),
                file.toString(), String.valueOf(256 * 1024))
                .redirectError(directory.resolve("appender.err").toFile()).start();
        AtomicInteger acknowledged = new AtomicInteger(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(appender.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("ack ")) {
                        acknowledged.set(Integer.parseInt(line.substring(4)));
                    }
                }
            } catch (java.io.IOException e) {
                // The process died: what was read is what was acknowledged.
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.get() < 500 && appender.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(appender.isAlive()).as("the appender runs; see appender.err").isTrue();
        appender.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        reader.join(30_000);
        int lastAcknowledged = acknowledged.get();

        Path journal = directory.resolve("orchestrator-state.json.journal");
        byte[] tail = Files.readAllBytes(journal);
        boolean tornByTheKill = tail.length > 0 && tail[tail.length - 1] != '\n';
        Files.writeString(journal, "{\"unit\":{\"sequence\":999999999,\"changes\":[{\"tenant\":\"def",
                StandardOpenOption.APPEND);
        JournalWarnings warnings = new JournalWarnings();
        try (JsonStore reopened = JsonStore.open(file, JsonTestStore.VALIDATOR, Clock.systemUTC())) {
            List<Task> tasks = reopened.unitOfWork().read(() -> all(reopened));
            Map<Integer, Integer> perUnit = new HashMap<>();
            tasks.forEach(t -> perUnit.merge(Integer.parseInt(t.id().substring(1, t.id().indexOf('-'))), 1,
                    Integer::sum));
            System.out.printf("JSON journal kill: %d units acknowledged, %d stored after reopening"
                    + " (journal %s by the kill itself)%n", lastAcknowledged + 1, perUnit.size(),
                    tornByTheKill ? "torn" : "not torn");

            for (int unit = 0; unit <= lastAcknowledged; unit++) {
                assertThat(perUnit.get(unit)).as("acknowledged unit %d", unit)
                        .isEqualTo(JournalAppender.TASKS_PER_UNIT);
            }
            assertThat(perUnit.values()).as("no unit in part").containsOnly(JournalAppender.TASKS_PER_UNIT);
            // Units beyond the last "ack" line this test read may be stored: the kill can take acknowledgement
            // lines still in the pipe with it. What must hold is a gapless prefix: no unit after a lost one.
            int highest = perUnit.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            assertThat(perUnit.keySet()).as("the stored units are 0..%d without a gap", highest)
                    .hasSize(highest + 1);
        } finally {
            warnings.close();
        }
        assertThat(warnings.messages()).singleElement().asString().contains("torn record").contains("dropped");
        assertThat(Files.size(journal)).as("replayed and compacted").isZero();
    }

    private static List<Task> all(JsonStore store) {
        List<Task> tasks = new ArrayList<>();
        store.areas().stream().filter(a -> a.name().equals("tasks")).findFirst().orElseThrow()
                .each(TENANT, row -> tasks.add((Task) row));
        return tasks;
    }
}
