package dev.orchestra.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a job at start-up and then every period on its own thread; stops before the store closes. */
final class PeriodicJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);
    private final ScheduledExecutorService executor;
    private final String name;
    private final Runnable job;

    PeriodicJob(String name, Duration period, Runnable job) {
        this(name, Duration.ZERO, period, job);
    }

    /** The first run after {@code initialDelay} instead of at once. */
    PeriodicJob(String name, Duration initialDelay, Duration period, Runnable job) {
        this.name = name;
        this.job = job;
        this.executor = executor(name);
        executor.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code job} as {@code schedule} says: every period (the first a period after start-up), or by cron. */
    static PeriodicJob scheduled(String name, Schedule schedule, Runnable job) {
        if (schedule.every() != null) {
            return new PeriodicJob(name, schedule.every(), schedule.every(), job);
        }
        return new PeriodicJob(name, schedule, job);
    }

    private PeriodicJob(String name, Schedule cron, Runnable job) {
        this.name = name;
        this.job = job;
        this.executor = executor(name);
        scheduleNext(cron);
    }

    private void scheduleNext(Schedule cron) {
        if (executor.isShutdown()) {
            return;
        }
        executor.schedule(() -> {
            runOnce();
            scheduleNext(cron);
        }, cron.untilNext(Schedule.now()).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One daemon thread named for the job: a job never keeps the process alive. */
    private static ScheduledExecutorService executor(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private void runOnce() {
        try {
            job.run();
        } catch (RuntimeException e) {
            // A failed run is retried at the next period; the scheduler must not die of it.
            LOG.warn("{} failed: {}", name, e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
