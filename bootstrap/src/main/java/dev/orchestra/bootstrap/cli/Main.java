package dev.orchestra.bootstrap.cli;

/** Entry point of the executable jar: {@code serve}, {@code migrate}, {@code copy}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].equals("serve")) {
            // The command line reports for itself; library chatter would bury the summary.
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        int exitCode = OrchestraCommand.execute(args);
        if (exitCode != OrchestraCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
