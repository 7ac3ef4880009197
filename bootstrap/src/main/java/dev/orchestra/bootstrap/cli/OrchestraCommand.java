package dev.orchestra.bootstrap.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code orchestra} command line. */
@Command(name = "orchestra", mixinStandardHelpOptions = true, version = "Orchestra Store 0.1.0",
        description = "The persistent memory of an AI-agent orchestrator.",
        subcommands = {ServeCommand.class, MigrateCommand.class, CopyCommand.class, CheckCommand.class,
                RepairCommand.class,
                BackupCommands.Backup.class, BackupCommands.List.class, BackupCommands.Verify.class,
                BackupCommands.Restore.class, CleanupCommand.class, KeysCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:invalid input, nothing written", "2:usage", "3:I/O or store failure"})
public final class OrchestraCommand implements Runnable {
    /** Returned by {@code serve}: the service runs on after main returns. */
    public static final int KEEP_RUNNING = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: serve, migrate, copy, check, repair, backup, backups, verify, restore or cleanup");
    }

    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new OrchestraCommand());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("orchestra: " + e.getMessage());
            return ExitCodes.FAILURE;
        });
        return line.execute(args);
    }
}
