package dev.orchestra.bootstrap.cli;

import dev.orchestra.adapter.json.LegacyStateReader;
import dev.orchestra.application.migration.LegacyMigration;
import dev.orchestra.application.migration.LegacyMigrationService;
import dev.orchestra.application.migration.MigrationReport;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code orchestra migrate <file>}: a legacy orchestrator-state.json into SQLite. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Migrate a legacy orchestrator-state.json into a SQLite store.",
                "The whole file is validated first; a file with any error writes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (imported, valid on --dry-run, or already imported)",
                "1:invalid input or a conflict with the target; nothing written", "2:usage",
                "3:I/O or store failure; nothing committed"})
final class MigrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<file>", description = "the legacy state file")
    Path source;

    @Option(names = "--to", paramLabel = "<db>", defaultValue = "data/orchestra.db",
            description = "the SQLite database to write (created when missing; default: ${DEFAULT-VALUE})")
    Path target;

    @Option(names = "--dry-run", description = "validate and print the full report; write nothing")
    boolean dryRun;

    @Option(names = "--keep-source", description = "do not rename the file to <name>_migrated_<time>.json")
    boolean keepSource;

    @Option(names = "--agent-status-map", paramLabel = "0=IDLE,1=BUSY,…",
            description = "legacy agent status numbers to statuses (default 0=IDLE,1=BUSY,2=ERROR,3=OFFLINE,"
                    + "4=OFFLINE)")
    String agentStatusMap;

    @Option(names = "--unassign-orphans",
            description = "import tasks whose agent is not in the file unassigned (active ones as PENDING)")
    boolean unassignOrphans;

    @Option(names = "--assume-zone", paramLabel = "<offset>", defaultValue = "Z",
            description = "zone of timestamps written without one, e.g. +02:00 (default: UTC)")
    String assumeZone;

    @Option(names = "--report", paramLabel = "<report.json>", description = "also write the report as JSON")
    Path report;

    @Option(names = "--max-findings", defaultValue = "50",
            description = "how many findings to list (all are counted; default: ${DEFAULT-VALUE})")
    int maxFindings;

    @Option(names = "--tenant", defaultValue = "default", description = "the tenant to import into")
    String tenant;

    @Option(names = "--progress", defaultValue = "AUTO",
            description = "AUTO (a bar on a terminal, lines otherwise), BAR, LINES or NONE")
    ConsoleProgress.Mode progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Integer, AgentStatus> statusMap;
        ZoneOffset zone;
        try {
            statusMap = LegacyReadOptions.parseStatusMap(agentStatusMap);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--agent-status-map: " + e.getMessage());
        }
        try {
            zone = ZoneOffset.of(assumeZone);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--assume-zone: '" + assumeZone
                    + "' is not an offset such as Z, +02:00 or -05:30");
        }
        if (maxFindings < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-findings must not be negative");
        }
        TenantId into;
        try {
            into = TenantId.of(tenant);
        } catch (ValidationFailed e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tenant: '" + tenant + "' "
                    + e.violations().get(0).message());
        }
        if (!Files.isRegularFile(source)) {
            err.println("orchestra migrate: " + source + " is not a readable file");
            return ExitCodes.FAILURE;
        }
        Clock clock = Clock.systemUTC();
        LegacyMigration migration = new LegacyMigrationService(new LegacyStateReader(),
                new ConstraintCheck(StoreSpec.VALIDATOR), clock,
                store -> dev.orchestra.bootstrap.StoreHealthConfiguration.storeBackups(StoreSpec.wiring(store, clock),
                        target));
        Store[] opened = new Store[1];
        try {
            MigrationReport result = migration.migrate(new Caller(into, System.getProperty("user.name")),
                    new LegacyMigration.Options(source, dryRun, keepSource, statusMap, unassignOrphans, zone,
                            maxFindings, null),
                    () -> {
                        opened[0] = new StoreSpec(StoreSpec.Kind.SQLITE, target).open(clock);
                        return opened[0];
                    },
                    new ConsoleProgress(progress, errStream()));
            print(result, out);
            if (report != null) {
                writeReport(result);
                out.println("report: " + report);
            }
            return switch (result.outcome()) {
                case IMPORTED, VALID_DRY_RUN, ALREADY_IMPORTED -> ExitCodes.DONE;
                case INVALID, CONFLICT -> ExitCodes.INVALID_INPUT;
            };
        } catch (DomainException | IOException e) {
            err.println("orchestra migrate: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            if (opened[0] != null) {
                opened[0].close();
            }
        }
    }

    private PrintStream errStream() {
        return System.err;
    }

    private void print(MigrationReport r, PrintWriter out) {
        out.println(r.outcome() + ": " + r.message());
        out.printf("source: %s, %d bytes, SHA-256 %s%n", r.sourceName(), r.sizeBytes(), r.sha256());
        out.printf("counts: %d repositories, %d agents, %d tasks%n", r.repositories(), r.agents(), r.tasks());
        out.printf("findings: %d error(s), %d warning(s)%s%n", r.errors(), r.warnings(),
                r.errors() + r.warnings() > r.findings().size() ? " (first " + r.findings().size() + " listed)" : "");
        for (Finding finding : r.findings()) {
            out.println("  " + finding);
        }
        if (r.timesWithoutZone() > 0) {
            out.printf("times without a zone, read as %s: %d%n", assumeZone, r.timesWithoutZone());
        }
        if (r.backup() != null) {
            out.println("backup of the target: " + r.backup());
        }
        if (r.archivedAs() != null) {
            out.println("source archived as: " + r.archivedAs());
        }
        out.printf("time: %.1fs%s%n", r.took().toMillis() / 1000.0, r.tasks() > 0 && r.outcome()
                == MigrationReport.Outcome.IMPORTED ? String.format(" (%.0f tasks/s)", r.tasks() * 1000.0
                / Math.max(1, r.took().toMillis())) : "");
    }

    private void writeReport(MigrationReport r) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", r.outcome().name());
        json.put("message", r.message());
        json.put("source", Map.of("name", r.sourceName(), "sizeBytes", r.sizeBytes(), "sha256", r.sha256()));
        json.put("counts", Map.of("repositories", r.repositories(), "agents", r.agents(), "tasks", r.tasks()));
        json.put("errors", r.errors());
        json.put("warnings", r.warnings());
        json.put("findings", r.findings().stream().map(f -> Map.of("severity", f.severity().name(), "path",
                f.path(), "message", f.message())).toList());
        json.put("timesWithoutZone", r.timesWithoutZone());
        json.put("backup", r.backup());
        json.put("archivedAs", r.archivedAs());
        json.put("took", r.took().toString());
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(json));
    }
}
