package dev.orchestra.application.observability;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.observability.LogFields;
import dev.orchestra.domain.observability.LogLevel;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.observability.OrchestrationLogs;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Appends log entries (validated before the write) and reads them newest first. */
public final class OrchestrationLoggingService implements OrchestrationLogging {
    private final UnitOfWork unitOfWork;
    private final OrchestrationLogs logs;
    private final ConstraintCheck constraints;
    private final Clock clock;

    public OrchestrationLoggingService(UnitOfWork unitOfWork, OrchestrationLogs logs, ConstraintCheck constraints,
                                       Clock clock) {
        this.unitOfWork = unitOfWork;
        this.logs = logs;
        this.constraints = constraints;
        this.clock = clock;
    }

    @Override
    public OrchestrationLog record(Caller caller, Entry e) {
        OrchestrationLog entry = constraints.require(new OrchestrationLog(caller.tenant(), Ids.newId(), e.level(),
                e.category(), e.message(), e.properties() == null ? JsonDocument.EMPTY : e.properties(),
                e.timestamp() == null ? clock.instant() : e.timestamp()));
        unitOfWork.write(() -> {
            logs.append(entry);
            return null;
        });
        return entry;
    }

    @Override
    public Page<OrchestrationLog> entries(Caller caller, Filter f, PageRequest<OrchestrationLog> page) {
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw ValidationFailed.of("to", "must be after from (" + f.from() + "), not " + f.to());
        }
        Specification<OrchestrationLog> where = Specification.all();
        if (f.level() != null && f.level() != LogLevel.TRACE) {
            where = where.and(LogFields.LEVEL.in(Arrays.stream(LogLevel.values())
                    .filter(l -> l.compareTo(f.level()) >= 0).toList()));
        }
        if (f.category() != null) {
            where = where.and(LogFields.CATEGORY.eq(f.category()));
        }
        if (f.from() != null) {
            where = where.and(LogFields.TIMESTAMP.atOrAfter(f.from()));
        }
        if (f.to() != null) {
            where = where.and(LogFields.TIMESTAMP.before(f.to()));
        }
        PageRequest<OrchestrationLog> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(LogFields.TIMESTAMP.desc(), LogFields.ID.desc())) : page;
        Specification<OrchestrationLog> filter = where;
        return unitOfWork.read(() -> logs.find(caller.tenant(), filter, ordered));
    }
}
