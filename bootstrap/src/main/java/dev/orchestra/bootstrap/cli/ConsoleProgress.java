package dev.orchestra.bootstrap.cli;

import dev.orchestra.application.migration.MigrationProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a bar with rate and ETA when stderr is a terminal, otherwise a plain line every
 * few seconds (logs and CI stay readable).
 */
final class ConsoleProgress implements MigrationProgress {
    enum Mode { AUTO, BAR, LINES, NONE }

    private static final Duration LINE_EVERY = Duration.ofSeconds(5);
    private final PrintStream err;
    private final boolean bar;
    private final boolean quiet;
    private ProgressBar progressBar;
    private String phase;
    private long total;
    private String unit;
    private Instant phaseStarted;
    private Instant lastLine;

    ConsoleProgress(Mode mode, PrintStream err) {
        this.err = err;
        this.quiet = mode == Mode.NONE;
        this.bar = mode == Mode.BAR || (mode == Mode.AUTO && System.console() != null
                && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public void phase(String name, long total, String unit) {
        finished();
        this.phase = name;
        this.total = total;
        this.unit = unit;
        this.phaseStarted = Instant.now();
        this.lastLine = phaseStarted;
        if (bar && !quiet) {
            ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).showSpeed();
            if (unit.equals("bytes")) {
                builder.setUnit(" MB", 1_000_000);
            } else {
                builder.setUnit(" " + unit, 1);
            }
            progressBar = builder.build();
        } else if (!quiet) {
            err.println(name + ": started (" + total + " " + unit + ")");
        }
    }

    @Override
    public void at(long done) {
        if (quiet) {
            return;
        }
        if (progressBar != null) {
            progressBar.stepTo(done);
            return;
        }
        Instant now = Instant.now();
        if (Duration.between(lastLine, now).compareTo(LINE_EVERY) >= 0) {
            lastLine = now;
            err.println(line(done, now));
        }
    }

    @Override
    public void finished() {
        if (progressBar != null) {
            progressBar.stepTo(total);
            progressBar.close();
            progressBar = null;
        } else if (phase != null && !quiet && Duration.between(phaseStarted, Instant.now()).compareTo(LINE_EVERY) >= 0) {
            err.println(phase + ": done in " + seconds(Duration.between(phaseStarted, Instant.now())));
        }
        phase = null;
    }

    private String line(long done, Instant now) {
        double elapsed = Math.max(0.001, Duration.between(phaseStarted, now).toMillis() / 1000.0);
        double rate = done / elapsed;
        String eta = rate > 0 && total > done ? ", ETA " + seconds(Duration.ofMillis((long) ((total - done) / rate
                * 1000))) : "";
        long percent = total == 0 ? 100 : done * 100 / total;
        return phase + ": " + percent + "% (" + done + " of " + total + " " + unit + "), "
                + String.format("%.0f %s/s", rate, unit) + eta;
    }

    private static String seconds(Duration duration) {
        return String.format("%.1fs", duration.toMillis() / 1000.0);
    }
}
