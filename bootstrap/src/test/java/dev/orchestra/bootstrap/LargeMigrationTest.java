package dev.orchestra.bootstrap;

import static dev.orchestra.adapter.json.testing.LegacyFileWriter.legacyFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-task legacy file migrates in a JVM limited to 512 MB: memory stays flat because the
 * reader streams. Slow (minutes), so it runs only with {@code mvn -Plarge verify}.
 */
@Tag("large")
class LargeMigrationTest {
    private static final long TASKS = 1_000_000;

    @TempDir
    Path directory;

    @Test
    void givenMillionTaskFile_migrateUnderXmx512m_importsEveryTask() throws Exception {
        long generated = System.nanoTime();
        Path source = legacyFile().agents(200).repositories(10).tasks(TASKS)
                .writeTo(directory.resolve("orchestrator-state.json"));
        System.out.printf("generated %,d tasks (%,d bytes) in %.1fs%n", TASKS, Files.size(source),
                (System.nanoTime() - generated) / 1e9);
        Path db = directory.resolve("orchestra.db");
        Path log = directory.resolve("migrate.log");

        long started = System.nanoTime();
        Process migration = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                dev.orchestra.bootstrap.cli.Main.class.getName(), "migrate", source.toString(), "--to",
                db.toString(), "--progress", "LINES").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = migration.waitFor(20, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        String output = read(log);
        System.out.println(output);
        System.out.printf("migrated %,d tasks under -Xmx512m in %.1fs: %,.0f tasks/s (whole process, JVM start"
                + " included)%n", TASKS, seconds, TASKS / seconds);

        assertThat(finished).isTrue();
        assertThat(migration.exitValue()).as(output).isZero();
        assertThat(output).contains("IMPORTED").doesNotContain("OutOfMemoryError");
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(db))) {
            assertThat(store.unitOfWork().read(() -> store.tasks().count(TenantId.DEFAULT, Specification.all())))
                    .isEqualTo(TASKS);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
