package dev.orchestra.domain.migration;

import dev.orchestra.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The record of one migration of a legacy file: what was read, how much, when. */
public record LegacyImport(
        TenantId tenantId,
        String id,
        String sourceName,
        long sizeBytes,
        String sha256,
        long repositories,
        long agents,
        long tasks,
        long warnings,
        Instant importedAt,
        Duration took,
        String importedBy) {

    public LegacyImport {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
