package dev.orchestra.bootstrap.cli;

import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.application.integrity.StoreRepair;
import dev.orchestra.bootstrap.StoreHealthConfiguration;
import dev.orchestra.bootstrap.Wiring;
import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orchestra repair [--dry-run] [--store …]}. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Mend what the integrity check finds, never deleting history: a verified backup first, then "
                + "every change in one transaction, each audited, and a second check.",
                "Prints one change a line, then what no repair mends."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the store is clean afterwards (or, with --dry-run, nothing needs more than a repair)",
                "1:errors remain that no repair mends (or the backup did not verify: nothing changed)", "2:usage",
                "3:the store cannot be opened or written"})
final class RepairCommand extends StoreCommand {
    @Option(names = "--dry-run", description = "list the changes and make none (no backup either)")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(store.path())) {
            err.println("orchestra repair: " + store + " does not exist");
            return ExitCodes.FAILURE;
        }
        Clock clock = Clock.systemUTC();
        try (Store opened = store.open(clock)) {
            Wiring wiring = StoreSpec.wiring(opened, clock);
            StoreIntegrity integrity = StoreHealthConfiguration.storeIntegrity(wiring);
            StoreRepair repair = StoreHealthConfiguration.storeRepair(wiring, integrity,
                    StoreHealthConfiguration.storeBackups(wiring, store.path()));
            StoreRepair.Report report = repair.repair(dryRun);
            for (StoreRepair.Change c : report.changes()) {
                out.println((dryRun ? "WOULD " : "") + "REPAIR " + c.rule().id() + " " + c.entityType() + " "
                        + c.tenant() + " " + c.id() + ": " + c.action());
            }
            for (Finding f : report.unrepaired()) {
                out.println("UNREPAIRED " + f.rule().id() + " " + f.entityType() + " "
                        + (f.tenant() == null ? "-" : f.tenant().value()) + " " + String.join(",", f.ids()) + ": "
                        + f.message());
            }
            out.println((dryRun ? "dry run: " : "repaired: ") + report.changes().size() + " changes"
                    + (report.backupId() == null ? "" : ", backup " + report.backupId()) + "; "
                    + report.after().errors() + " errors " + (dryRun ? "now" : "remain"));
            boolean remaining = dryRun ? !report.unrepaired().isEmpty() : report.after().errors() > 0;
            return remaining ? ExitCodes.INVALID_INPUT : ExitCodes.DONE;
        } catch (Conflict e) {
            err.println("orchestra repair: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (DomainException e) {
            err.println("orchestra repair: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
