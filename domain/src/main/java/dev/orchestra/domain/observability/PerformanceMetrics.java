package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** Performance metrics of each tenant: raw samples and their roll-ups. Call inside a {@code UnitOfWork}. */
public interface PerformanceMetrics {
    /** Stores a sample or roll-up; {@code Conflict} when its id is taken. */
    PerformanceMetric add(PerformanceMetric metric);

    Optional<PerformanceMetric> findById(TenantId tenant, String id);

    Page<PerformanceMetric> find(TenantId tenant, Specification<PerformanceMetric> where,
                                 PageRequest<PerformanceMetric> page);
}
