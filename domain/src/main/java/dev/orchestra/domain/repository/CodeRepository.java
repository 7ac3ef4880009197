package dev.orchestra.domain.repository;

import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A code repository agents work in. Its identity for agents and tasks is its path (unique per tenant). */
public record CodeRepository(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotBlank @SingleLine @Size(max = 255) String name,
        @NotBlank @SingleLine @Size(max = 500) String path,
        @StorableText @Size(max = 2000) String description,
        @NotNull RepositoryType type,
        boolean active,
        @JsonSize(max = JsonSize.SETTINGS) JsonDocument settings,
        @SingleLine @Size(max = 255) String defaultBranch,
        @NotNull @Size(max = 100) Set<@NotBlank @SingleLine @Size(max = 100) String> allowedOperations,
        @NotNull AccessLevel accessLevel,
        @SingleLine @Size(max = 128) String ownerUserId,
        @NotNull @Valid RepositoryStatistics statistics,
        @DecimalMin("0") @DecimalMax("10") double performanceRating,
        @DecimalMin("0") @DecimalMax("1") double reliabilityScore,
        Instant lastAccessedAt,
        @NotNull @Valid AuditFields audit,
        long version) {
    /** The entity type this aggregate is known by in audit entries and messages. */
    public static final String ENTITY = "CodeRepository";


    public CodeRepository {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(audit, "audit");
        allowedOperations = allowedOperations == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(allowedOperations));
    }

    /** What a client may set; absent values take defaults (GIT, active, READ_WRITE). */
    public record Details(
            String name,
            String path,
            String description,
            RepositoryType type,
            Boolean active,
            JsonDocument settings,
            String defaultBranch,
            Set<String> allowedOperations,
            AccessLevel accessLevel,
            String ownerUserId) {
    }

    public static CodeRepository create(TenantId tenant, String id, Details d, Instant now, String by) {
        return new CodeRepository(tenant, id, d.name(), d.path(), d.description(),
                d.type() == null ? RepositoryType.GIT : d.type(), d.active() == null || d.active(), d.settings(),
                d.defaultBranch(), d.allowedOperations(),
                d.accessLevel() == null ? AccessLevel.READ_WRITE : d.accessLevel(), d.ownerUserId(),
                RepositoryStatistics.NONE, 0.0, 0.0, null, AuditFields.createdNow(now, by), 0);
    }

    /** The same state at another version: stores use it to return what they wrote. */
    public CodeRepository withVersion(long newVersion) {
        return new CodeRepository(tenantId, id, name, path, description, type, active, settings, defaultBranch,
                allowedOperations, accessLevel, ownerUserId, statistics, performanceRating, reliabilityScore,
                lastAccessedAt, audit, newVersion);
    }

    public CodeRepository withDetails(Details d, Instant now, String by) {
        return new CodeRepository(tenantId, id, d.name(), d.path(), d.description(),
                d.type() == null ? type : d.type(), d.active() == null ? active : d.active(), d.settings(),
                d.defaultBranch(), d.allowedOperations(), d.accessLevel() == null ? accessLevel : d.accessLevel(),
                d.ownerUserId(), statistics, performanceRating, reliabilityScore, lastAccessedAt,
                audit.touched(now, by), version);
    }

    /**
     * Repair: statistics whose successful + failed exceed the total get the total raised to their sum; the
     * counts themselves are history (finished tasks may have been removed by retention) and stay.
     */
    public CodeRepository withConsistentStatistics(Instant now) {
        long finished = statistics.successfulTasks() + statistics.failedTasks();
        if (finished <= statistics.totalTasks()) {
            return this;
        }
        RepositoryStatistics mended = new RepositoryStatistics(finished, statistics.successfulTasks(),
                statistics.failedTasks(), statistics.totalExecutionTime(), statistics.lastTaskExecutedAt());
        return new CodeRepository(tenantId, id, name, path, description, type, active, settings, defaultBranch,
                allowedOperations, accessLevel, ownerUserId, mended, performanceRating, reliabilityScore,
                lastAccessedAt, audit.touched(now, "repair"), version);
    }

    /** A task in this repository finished; reliability follows the success share of finished tasks. */
    public CodeRepository recordTask(boolean succeeded, Duration duration, Instant now) {
        RepositoryStatistics next = succeeded
                ? statistics.withSuccess(duration == null ? Duration.ZERO : duration, now)
                : statistics.withFailure(now);
        long finished = next.successfulTasks() + next.failedTasks();
        double reliability = finished == 0 ? 0.0 : (double) next.successfulTasks() / finished;
        return new CodeRepository(tenantId, id, name, path, description, type, active, settings, defaultBranch,
                allowedOperations, accessLevel, ownerUserId, next, reliability * 10.0, reliability, now,
                audit.touched(now, audit.updatedBy()), version);
    }
}
