package dev.orchestra.bootstrap;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.store.Store;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;

/**
 * What every area's use cases are built from: the store, the constraint check, the auditor, the clock,
 * the lease duration and the signal that wakes waiting claims. The service builds one from its beans; the use-case tests and the benchmark
 * build one by hand and call the same {@code …Configuration} factories, so wiring is written once.
 */
public record Wiring(Store store, ConstraintCheck constraints, Auditor auditor, Clock clock, Duration leaseDuration,
                     dev.orchestra.application.task.WorkArrivals arrivals) {
    public static Wiring of(Store store, Validator validator, Clock clock, Duration leaseDuration) {
        return new Wiring(store, new ConstraintCheck(validator), new Auditor(store.auditTrail(), clock), clock,
                leaseDuration, new dev.orchestra.application.task.WorkArrivals());
    }
}
