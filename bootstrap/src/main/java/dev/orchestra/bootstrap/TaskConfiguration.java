package dev.orchestra.bootstrap;

import dev.orchestra.application.task.LeaseReaper;
import dev.orchestra.application.task.LeaseReaperService;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.application.task.TaskQueueService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task queue and the reaper that takes back lost work. */
@Configuration(proxyBeanMethods = false)
public class TaskConfiguration {
    @Bean
    public static TaskQueue taskQueue(Wiring w) {
        return new TaskQueueService(w.store().unitOfWork(), w.store().tasks(), w.store().agents(),
                w.store().repositories(), w.constraints(), w.auditor(), w.clock(), w.leaseDuration());
    }

    @Bean
    public static LeaseReaper leaseReaper(Wiring w) {
        return new LeaseReaperService(w.store().unitOfWork(), w.store().tasks(), w.store().agents(),
                w.store().maintenance(), w.auditor(), w.clock(), w.leaseDuration());
    }

    /** Expired leases are swept at start-up and every reaper period. */
    @Bean(destroyMethod = "close")
    LeaseReaperSchedule leaseReaperSchedule(LeaseReaper reaper, OrchestraProperties properties) {
        return new LeaseReaperSchedule(reaper, properties.tasks().reaperPeriod());
    }
}
