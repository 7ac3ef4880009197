package dev.orchestra.bootstrap.cli;

import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.bootstrap.StoreHealthConfiguration;
import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orchestra check [--full] [--store sqlite:<file>|json:<file>]}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a store's integrity: the engine's own checks and every rule of the domain.",
                "Prints one finding a line: severity, rule, entity type, tenant, ids and what is wrong."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error found (warnings may be printed)", "1:at least one error found", "2:usage",
                "3:the store cannot be opened or read"})
final class CheckCommand extends StoreCommand {
    @Option(names = "--full", description = "the engine's full integrity check (slower) instead of its quick one")
    boolean full;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!java.nio.file.Files.isRegularFile(store.path())) {
            err.println("orchestra check: " + store + " does not exist");
            return ExitCodes.FAILURE;
        }
        Clock clock = Clock.systemUTC();
        try (Store opened = store.open(clock)) {
            StoreIntegrity.Report report = StoreHealthConfiguration.storeIntegrity(StoreSpec.wiring(opened, clock))
                    .check(full);
            for (Finding f : report.findings()) {
                out.println(f.severity() + " " + f.rule().id() + " " + f.entityType() + " "
                        + (f.tenant() == null ? "-" : f.tenant().value()) + " " + String.join(",", f.ids()) + ": "
                        + f.message());
            }
            out.println((report.clean() ? "clean: " : "not clean: ") + report.errors() + " errors, "
                    + report.warnings() + " warnings in " + report.took().toMillis() + " ms ("
                    + (full ? "full" : "quick") + " engine check) of " + store);
            return report.clean() ? ExitCodes.DONE : ExitCodes.INVALID_INPUT;
        } catch (DomainException e) {
            err.println("orchestra check: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
