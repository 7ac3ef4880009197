package dev.orchestra.adapter.json;

import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link LegacyImports} in the document's {@code Orchestra.LegacyImports} array. */
final class JsonLegacyImports implements LegacyImports {
    private final JsonUnitOfWork unitOfWork;

    JsonLegacyImports(JsonUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<LegacyImport> findBySha256(TenantId tenant, String sha256) {
        return unitOfWork.state().of(tenant).imports.rows().stream().filter(i -> i.sha256().equals(sha256)).findFirst();
    }

    @Override
    public void add(LegacyImport legacyImport) {
        if (findBySha256(legacyImport.tenantId(), legacyImport.sha256()).isPresent()) {
            throw new Conflict("record import of " + legacyImport.sourceName()
                    + ": a row with the same key already exists (sha256)");
        }
        unitOfWork.state().mutable(legacyImport.tenantId()).imports.add(legacyImport);
    }

    @Override
    public List<LegacyImport> list(TenantId tenant) {
        return unitOfWork.state().of(tenant).imports.rows().stream()
                .sorted(Comparator.comparing(LegacyImport::importedAt).reversed().thenComparing(LegacyImport::id))
                .toList();
    }
}
