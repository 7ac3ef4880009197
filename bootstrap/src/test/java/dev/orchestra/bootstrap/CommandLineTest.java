package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.bootstrap.cli.ExitCodes;
import dev.orchestra.bootstrap.cli.OrchestraCommand;
import jakarta.validation.Validation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The command line as a newcomer meets it: help never starts anything, usage errors are exit 2. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest {
    @TempDir
    Path directory;

    private record Run(int exit, String out, String err) {
    }

    private static Run orchestra(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OrchestraCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"serve", "migrate", "copy"})
    void givenACommand_helpAndDashDashHelp_printItsUsageAndStartNothing(String command) {
        Run help = orchestra("help", command);
        Run dashed = orchestra(command, "--help");

        assertThat(help.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(help.out()).startsWith("Usage: orchestra " + command);
        assertThat(dashed.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(dashed.out()).isEqualTo(help.out());
    }

    @Test
    void givenBadOptions_everyCommand_answersUsageErrorsWithExit2() {
        Path file = directory.resolve("state.json");

        assertThat(orchestra("migrate", file.toString(), "--tenant=../x").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate", file.toString(), "--tenant=../x").err()).contains("--tenant");
        assertThat(orchestra("migrate", file.toString(), "--assume-zone=Mars").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate", file.toString(), "--max-findings=-1").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate", file.toString(), "--progress=LOUD").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("copy", "--from", "json:" + file).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("bogus").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra().exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void givenAJsonStoreLockedByAnotherProcess_serve_saysSoInOneLineWithoutATrace(CapturedOutput output) {
        Path file = directory.resolve("orchestrator-state.json");
        try (JsonStore holder = JsonStore.open(file, Validation.buildDefaultValidatorFactory().getValidator(),
                Clock.systemUTC())) {
            Run serve = orchestra("serve", "--server.port=0", "--orchestra.storage.type=json",
                    "--orchestra.storage.path=" + file, "--orchestra.tasks.reaper-period=1h");

            assertThat(serve.exit()).isEqualTo(ExitCodes.FAILURE);
        }
        assertThat(output.getAll()).contains("is already open in another process")
                .doesNotContain("\tat org.springframework").doesNotContain("UnsatisfiedDependencyException");
    }
}
