package dev.orchestra.bootstrap;

import dev.orchestra.application.task.LeaseReaper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sweeps expired leases at start-up and then every period; stops before the store closes. */
final class LeaseReaperSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseReaperSchedule.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lease-reaper");
        thread.setDaemon(true);
        return thread;
    });
    private final LeaseReaper reaper;

    LeaseReaperSchedule(LeaseReaper reaper, Duration period) {
        this.reaper = reaper;
        executor.scheduleWithFixedDelay(this::sweep, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            LeaseReaper.Sweep sweep = reaper.sweep();
            if (sweep.requeued() + sweep.failed() + sweep.agentsOffline() > 0) {
                LOG.info("lease reaper: {} task(s) re-queued, {} failed for good, {} agent(s) marked OFFLINE",
                        sweep.requeued(), sweep.failed(), sweep.agentsOffline());
            }
        } catch (RuntimeException e) {
            // A failed sweep is retried at the next period; the scheduler must not die of it.
            LOG.warn("lease reaper sweep failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
