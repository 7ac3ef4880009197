package dev.orchestra.application.integrity;

import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.IntegrityCheck;
import dev.orchestra.domain.integrity.Severity;
import dev.orchestra.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs the store's integrity check in one read unit, so it sees one consistent state while writers go on. */
public final class StoreIntegrityService implements StoreIntegrity {
    public static final int LIMIT_PER_RULE = 1_000;

    private final UnitOfWork unitOfWork;
    private final IntegrityCheck integrity;
    private final Clock clock;

    public StoreIntegrityService(UnitOfWork unitOfWork, IntegrityCheck integrity, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.integrity = integrity;
        this.clock = clock;
    }

    @Override
    public Report check(boolean full) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        List<Finding> findings = unitOfWork.read(() -> integrity.check(now, full, LIMIT_PER_RULE));
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new Report(now, full, Duration.ofNanos(System.nanoTime() - started), errors,
                findings.size() - errors, LIMIT_PER_RULE, findings);
    }
}
