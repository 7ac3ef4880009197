package dev.orchestra.bootstrap;

import dev.orchestra.bootstrap.cli.OrchestraCommand;

/** Entry point of the executable jar: {@code serve}, {@code migrate}, {@code copy}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = OrchestraCommand.execute(args);
        if (exitCode != OrchestraCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
