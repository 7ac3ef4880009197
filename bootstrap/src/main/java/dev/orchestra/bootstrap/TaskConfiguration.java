package dev.orchestra.bootstrap;

import dev.orchestra.application.task.LeaseReaper;
import dev.orchestra.application.task.LeaseReaperService;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.application.task.TaskQueueService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task queue and the reaper that takes back lost work. */
@Configuration(proxyBeanMethods = false)
public class TaskConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(TaskConfiguration.class);

    @Bean
    public static TaskQueue taskQueue(Wiring w) {
        return new TaskQueueService(w.store().unitOfWork(), w.store().tasks(), w.store().agents(),
                w.store().repositories(), w.constraints(), w.auditor(), w.clock(), w.leaseDuration(), w.arrivals());
    }

    @Bean
    public static LeaseReaper leaseReaper(Wiring w) {
        return new LeaseReaperService(w.store().unitOfWork(), w.store().tasks(), w.store().agents(),
                w.store().maintenance(), w.auditor(), w.clock(), w.leaseDuration(), w.arrivals());
    }

    /** Claims that wait for work ({@code POST /tasks/claim?wait=PT30S}). */
    @Bean(destroyMethod = "close")
    public static dev.orchestra.application.task.WaitingClaims waitingClaims(TaskQueue queue, Wiring w) {
        return new dev.orchestra.application.task.WaitingClaims(queue, w.arrivals());
    }

    /** Expired leases are swept at start-up and every reaper period. */
    @Bean(destroyMethod = "close")
    PeriodicJob leaseReaperSchedule(LeaseReaper reaper, OrchestraProperties properties) {
        return new PeriodicJob("lease-reaper", properties.tasks().reaperPeriod(), () -> {
            LeaseReaper.Sweep sweep = reaper.sweep();
            if (sweep.requeued() + sweep.failed() + sweep.agentsOffline() > 0) {
                LOG.info("lease reaper: {} task(s) re-queued, {} failed for good, {} agent(s) marked OFFLINE",
                        sweep.requeued(), sweep.failed(), sweep.agentsOffline());
            }
        });
    }
}
