package dev.orchestra.bootstrap.cli;

import dev.orchestra.application.maintenance.StoreCleanup;
import dev.orchestra.application.maintenance.StoreRetentionPolicy;
import dev.orchestra.bootstrap.StoreHealthConfiguration;
import dev.orchestra.domain.maintenance.RetentionKind;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orchestra cleanup [--dry-run] [--keep kind=age …] [--store …]}: retention. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Remove what has aged out, per kind, then give the space back (the file shrinks) and "
                + "checkpoint the write-ahead log. Never removed: unfinished work, OPEN circuits, anything a kept "
                + "row refers to. Each kind's removal is audited.",
                "Ages by default: finished-workflow-executions 90d, routing-decisions 90d, circuit-history 30d, "
                        + "orchestration-logs 30d, raw-metrics 7d, closed-client-sessions 30d; "
                        + "finished-tasks, archived-chat-sessions and audit-entries are kept unless named.",
                "Prints one line a kind (removed, or would be), then the bytes before and after."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or, with --dry-run, counted)", "2:usage",
                "3:the store cannot be opened or written, or the disk has less room than the store takes"})
final class CleanupCommand extends StoreCommand {
    @Option(names = "--dry-run", description = "count what would go and change nothing")
    boolean dryRun;

    @Option(names = "--keep", paramLabel = "<kind>=<age>", description = "keep a kind this long instead of its "
            + "default, e.g. finished-tasks=30d or audit-entries=P365D (0 keeps it forever); kinds: "
            + "finished-tasks, finished-workflow-executions, routing-decisions, circuit-history, "
            + "archived-chat-sessions, orchestration-logs, raw-metrics, closed-client-sessions, audit-entries")
    Map<String, String> keep = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StoreRetentionPolicy policy = StoreRetentionPolicy.defaults();
        for (Map.Entry<String, String> e : keep.entrySet()) {
            RetentionKind kind = java.util.Arrays.stream(RetentionKind.values()).filter(k -> k.id().equals(e.getKey()))
                    .findFirst().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                            "--keep: no kind '" + e.getKey() + "'"));
            try {
                policy = policy.with(kind, age(e.getKey(), e.getValue()));
            } catch (DomainException invalid) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--keep " + e.getKey() + ": "
                        + invalid.getMessage());
            }
        }
        if (!Files.isRegularFile(store.path())) {
            err.println("orchestra cleanup: " + store + " does not exist");
            return ExitCodes.FAILURE;
        }
        Clock clock = Clock.systemUTC();
        try (Store opened = store.open(clock)) {
            StoreCleanup cleanup = StoreHealthConfiguration.storeCleanup(StoreSpec.wiring(opened, clock), policy);
            StoreCleanup.Report report = cleanup.cleanup(dryRun);
            for (StoreCleanup.KindReport k : report.kinds()) {
                out.println(k.kind().id() + " older than " + k.olderThan() + " (before " + k.cutoff() + "): "
                        + k.removed() + (dryRun ? " would be removed" : " removed"));
            }
            out.println(dryRun ? "dry run: nothing changed; the store takes " + report.bytesBefore() + " bytes"
                    : "bytes before " + report.bytesBefore() + ", after " + report.bytesAfter() + " ("
                            + report.bytesGivenBack() + " given back)");
            return ExitCodes.DONE;
        } catch (DomainException e) {
            err.println("orchestra cleanup: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** {@code 30d}, {@code 12h} or ISO-8601 ({@code P30D}). */
    private Duration age(String kind, String text) {
        try {
            return org.springframework.boot.convert.DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep " + kind + ": '" + text
                    + "' is not a duration (30d, 12h or P30D)");
        }
    }
}
