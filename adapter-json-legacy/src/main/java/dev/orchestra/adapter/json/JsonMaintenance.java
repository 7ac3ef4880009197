package dev.orchestra.adapter.json;

import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@link StoreMaintenance} of the JSON store; a backup is a copy of the compacted document, taken between units. */
final class JsonMaintenance implements StoreMaintenance {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS").withZone(ZoneOffset.UTC);

    private final JsonUnitOfWork unitOfWork;
    private final Path file;
    private final Runnable compact;

    JsonMaintenance(JsonUnitOfWork unitOfWork, Path file, Runnable compact) {
        this.unitOfWork = unitOfWork;
        this.file = file;
        this.compact = compact;
    }

    @Override
    public Set<TenantId> tenants() {
        Set<TenantId> tenants = new LinkedHashSet<>();
        unitOfWork.state().tenants().forEach((tenant, data) -> {
            if (!data.isEmpty()) {
                tenants.add(tenant);
            }
        });
        return tenants;
    }

    @Override
    public boolean isEmpty() {
        return tenants().isEmpty();
    }

    @Override
    public Backup backup(String reason, Instant at) {
        Path folder = file.getParent().resolve("backups");
        String name = file.getFileName().toString().replaceFirst("\\.json$", "") + "_" + STAMP.format(at) + "_"
                + reason.replaceAll("[^A-Za-z0-9-]", "-") + ".json";
        Path target = folder.resolve(name);
        unitOfWork.exclusively(() -> {
            // The document alone is the backup: first it takes in what the journal holds.
            compact.run();
            try {
                Files.createDirectories(folder);
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw new StoreFailure("backup to " + target + " failed: " + e.getMessage(), e);
            }
        });
        try {
            return new Backup(target.toString(), at, Files.size(target));
        } catch (IOException e) {
            throw new StoreFailure("backup " + target + " cannot be read back: " + e.getMessage(), e);
        }
    }
}
