package dev.orchestra.bootstrap.cli;

import dev.orchestra.application.maintenance.StoreBackups;
import dev.orchestra.bootstrap.StoreHealthConfiguration;
import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.maintenance.BackupTrigger;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code orchestra backup}, {@code backups} and {@code verify}: backups beside a store, with their manifests. */
final class BackupCommands {
    private BackupCommands() {
    }

    /** What the three commands share: the store, opened for the length of the command. */
    abstract static class OnStore extends StoreCommand {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract String name();

        abstract int run(Store opened, StoreBackups backups, PrintWriter out, PrintWriter err);

        /** Whether the command may create the store it names (a restore into a new file). */
        boolean createsStore() {
            return false;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!createsStore() && !Files.isRegularFile(store.path())) {
                err.println("orchestra " + name() + ": " + store + " does not exist");
                return ExitCodes.FAILURE;
            }
            Clock clock = Clock.systemUTC();
            try (Store opened = store.open(clock)) {
                return run(opened, StoreHealthConfiguration.storeBackups(StoreSpec.wiring(opened, clock), store.path()),
                        spec.commandLine().getOut(), err);
            } catch (dev.orchestra.domain.shared.NotFound e) {
                err.println("orchestra " + name() + ": " + e.getMessage() + " (see 'orchestra backups')");
                return ExitCodes.INVALID_INPUT;
            } catch (dev.orchestra.domain.shared.Conflict e) {
                err.println("orchestra " + name() + ": " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            } catch (DomainException e) {
                err.println("orchestra " + name() + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }

        static void print(PrintWriter out, BackupManifest m) {
            out.println(m.id() + " " + m.createdAt() + " " + m.trigger() + " " + m.sizeBytes() + " bytes sha256="
                    + m.sha256() + " schema=" + m.schemaVersion() + " " + (m.verified() ? "verified" : "NOT verified: "
                    + m.problem()) + " " + m.file());
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Back the store up into backups/ beside it, then verify the copy (opened read-only, the "
                    + "engine's check, its rows against those counted when it was taken).",
                    "Prints the manifest: id, time, size, SHA-256, schema version, verified."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:backed up and verified", "1:backed up but the copy did not verify", "2:usage",
                    "3:the store cannot be opened or copied"})
    static final class Backup extends OnStore {
        @Override
        String name() {
            return "backup";
        }

        @Override
        int run(Store opened, StoreBackups backups, PrintWriter out, PrintWriter err) {
            BackupManifest manifest = backups.take(BackupTrigger.MANUAL);
            print(out, manifest);
            return manifest.verified() ? ExitCodes.DONE : ExitCodes.INVALID_INPUT;
        }
    }

    @Command(name = "backups", mixinStandardHelpOptions = true,
            description = "List the store's backups, newest first, one a line.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed", "2:usage", "3:store failure"})
    static final class List extends OnStore {
        @Override
        String name() {
            return "backups";
        }

        @Override
        int run(Store opened, StoreBackups backups, PrintWriter out, PrintWriter err) {
            java.util.List<BackupManifest> all = backups.list();
            all.forEach(m -> print(out, m));
            out.println(all.size() + " backups");
            return ExitCodes.DONE;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a backup: by its id (against its manifest: SHA-256, rows, the engine's check), "
                    + "or any backup file of this kind of store (the engine's check only)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the backup verifies", "1:it does not", "2:usage", "3:store failure"})
    static final class Verify extends OnStore {
        @Parameters(paramLabel = "<backup id or file>", description = "an id from 'orchestra backups', or a file")
        String backup;

        @Override
        String name() {
            return "verify";
        }

        @Override
        int run(Store opened, StoreBackups backups, PrintWriter out, PrintWriter err) {
            Path file = Path.of(backup);
            if (!backup.contains("/") && !backup.contains("\\") || !Files.isRegularFile(file)) {
                BackupManifest manifest = backups.verify(backup);
                print(out, manifest);
                return manifest.verified() ? ExitCodes.DONE : ExitCodes.INVALID_INPUT;
            }
            StoreMaintenance.Inspection inspection = opened.maintenance().inspect(file);
            inspection.problems().forEach(p -> out.println("ERROR " + p));
            out.println((inspection.problems().isEmpty() ? "verified: " : "NOT verified: ") + file + " sha256="
                    + inspection.sha256() + " schema=" + inspection.schemaVersion() + " rows=" + inspection.rowCounts());
            return inspection.problems().isEmpty() ? ExitCodes.DONE : ExitCodes.INVALID_INPUT;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replace the whole store with a backup: by its id (see 'orchestra backups') or any backup "
                    + "file of this kind of store. The backup is verified first and refused if it fails; then a "
                    + "verified safety backup of the store as it is (BEFORE_RESTORE) is taken; then the backup's rows "
                    + "replace the store's in one step, and the store is checked against the backup's counts.",
                    "A store that does not exist yet is created: a backup restored into a new file.",
                    "Prints what was restored, the safety backup (restore it to undo) and the rows now held."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:restored and verified", "1:the backup does not verify (nothing changed), or the "
                    + "restored store does not match it", "2:usage", "3:store failure (nothing changed)"})
    static final class Restore extends OnStore {
        @Parameters(paramLabel = "<backup id or file>", description = "an id from 'orchestra backups', or a file")
        String backup;

        @Override
        String name() {
            return "restore";
        }

        @Override
        boolean createsStore() {
            return true;
        }

        @Override
        int run(Store opened, StoreBackups backups, PrintWriter out, PrintWriter err) {
            Path file = Path.of(backup);
            dev.orchestra.application.maintenance.Restoration r =
                    backup.contains("/") || backup.contains("\\") || Files.isRegularFile(file)
                            ? backups.restoreFile(file) : backups.restore(backup);
            out.print("safety backup: ");
            print(out, r.safetyBackup());
            out.println("rows now: " + r.rowCounts());
            out.println((r.verified() ? "restored and verified: " : "restored but NOT verified: " + r.problem()
                    + ": ") + r.restoredFrom() + " into " + store);
            return r.verified() ? ExitCodes.DONE : ExitCodes.INVALID_INPUT;
        }
    }
}
