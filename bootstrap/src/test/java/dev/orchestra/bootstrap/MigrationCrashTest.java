package dev.orchestra.bootstrap;

import static dev.orchestra.adapter.json.testing.LegacyFileWriter.legacyFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.bootstrap.cli.OrchestraCommand;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration killed with SIGKILL while it writes leaves the target as it was: the database file is
 * byte for byte the same, and reopened it holds what it held before.
 */
class MigrationCrashTest {
    @TempDir
    Path directory;

    @Test
    void givenMigrationWriting_sigkill_leavesTheTargetAsItWas() throws Exception {
        Path db = directory.resolve("target.db");
        Path small = legacyFile().agents(2).tasks(10).writeTo(directory.resolve("small.json"));
        assertThat(OrchestraCommand.execute(new String[] {"migrate", small.toString(), "--to", db.toString(),
                "--progress", "NONE"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
                .isZero();
        String before = sha256(db);
        Path big = legacyFile().agents(50).repositories(5).tasks(150_000)
                .writeTo(directory.resolve("orchestrator-state.json"));

        Process migration = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), dev.orchestra.bootstrap.cli.Main.class.getName(), "migrate", big.toString(),
                "--to", db.toString(), "--tenant", "crash", "--progress", "LINES").redirectErrorStream(true).start();
        boolean importing = false;
        StringBuilder seen = new StringBuilder();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(migration.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("import: started")) {
                    importing = true;
                    break;
                }
            }
            assertThat(importing).as("the migration reached its write phase; it printed:%n%s", seen).isTrue();
            Thread.sleep(1500);
            assertThat(migration.isAlive()).as("still writing when killed").isTrue();
            migration.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(sha256(db)).isEqualTo(before);
        assertThat(big).exists();
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(db))) {
            assertThat(store.unitOfWork().read(() -> store.tasks().count(TenantId.DEFAULT, Specification.all())))
                    .isEqualTo(10);
            assertThat(store.unitOfWork().read(() -> store.legacyImports().list(TenantId.DEFAULT))).hasSize(1);
            assertThat(store.unitOfWork().read(() -> store.maintenance().tenants())).containsExactly(TenantId.DEFAULT);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
