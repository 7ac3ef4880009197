package dev.orchestra.bootstrap.cli;

import dev.orchestra.application.copy.StoreCopy;
import dev.orchestra.application.copy.StoreCopyService;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code orchestra copy --from json:<file> --to sqlite:<file>} and back. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy every tenant's data from one store to another (SQLite to JSON and back).",
                "The JSON store keeps the legacy shape, so the old program can read a copy."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:copied", "1:the target holds data (and no --merge) or refused it; nothing written",
                "2:usage", "3:I/O or store failure; nothing committed"})
final class CopyCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "<kind:file>", converter = StoreSpec.Converter.class,
            description = "the source store: sqlite:<file> or json:<file>")
    StoreSpec from;

    @Option(names = "--to", required = true, paramLabel = "<kind:file>", converter = StoreSpec.Converter.class,
            description = "the target store: sqlite:<file> or json:<file> (created when missing)")
    StoreSpec to;

    @Option(names = "--merge", description = "copy into a store that holds data; what it has under the same id stays")
    boolean merge;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (from.path().toAbsolutePath().normalize().equals(to.path().toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to name the same file");
        }
        if (!java.nio.file.Files.isRegularFile(from.path())) {
            err.println("orchestra copy: the source " + from + " does not exist");
            return ExitCodes.FAILURE;
        }
        Clock clock = Clock.systemUTC();
        try (Store source = from.open(clock); Store target = to.open(clock)) {
            StoreCopy.CopyReport report = new StoreCopyService(new ConstraintCheck(StoreSpec.VALIDATOR))
                    .copy(source, target, merge);
            out.println("copied " + from + " to " + to + ": " + report.copied());
            if (!report.keptFromTarget().isEmpty()) {
                out.println("kept as the target had them: " + report.keptFromTarget());
            }
            return ExitCodes.DONE;
        } catch (Conflict | ValidationFailed e) {
            err.println("orchestra copy: " + e.getMessage() + "; nothing was written");
            return ExitCodes.INVALID_INPUT;
        } catch (DomainException e) {
            err.println("orchestra copy: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
