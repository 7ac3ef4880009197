package dev.orchestra.bootstrap.cli;

/** The documented exit codes of the command line. */
public final class ExitCodes {
    /** Done (imported, copied, valid on a dry run, or already imported). */
    public static final int DONE = 0;
    /** The input is invalid or conflicts with the target; nothing was written. */
    public static final int INVALID_INPUT = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** An I/O or store failure; nothing was committed. */
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
