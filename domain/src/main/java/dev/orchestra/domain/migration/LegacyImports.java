package dev.orchestra.domain.migration;

import dev.orchestra.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** Outbound port: the imports done so far, so that a file is never imported twice. */
public interface LegacyImports {
    Optional<LegacyImport> findBySha256(TenantId tenant, String sha256);

    void add(LegacyImport legacyImport);

    /** Newest first. */
    List<LegacyImport> list(TenantId tenant);
}
