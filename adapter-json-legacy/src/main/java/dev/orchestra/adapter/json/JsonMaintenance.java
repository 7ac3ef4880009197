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
import java.util.List;
import java.util.Set;

/** {@link StoreMaintenance} of the JSON store; a backup is a copy of the compacted document, taken between units. */
final class JsonMaintenance implements StoreMaintenance {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS").withZone(ZoneOffset.UTC);

    private final JsonUnitOfWork unitOfWork;
    private final Path file;
    private final Runnable compact;
    private final java.util.function.Function<Path, JsonStore> opener;
    private final java.util.function.Consumer<Path> replaceWith;

    JsonMaintenance(JsonUnitOfWork unitOfWork, Path file, Runnable compact,
                    java.util.function.Function<Path, JsonStore> opener, java.util.function.Consumer<Path> replaceWith) {
        this.unitOfWork = unitOfWork;
        this.file = file;
        this.compact = compact;
        this.opener = opener;
        this.replaceWith = replaceWith;
    }

    /** The JSON document's format version (the store's own sections), as a backup's manifest names it. */
    static final String FORMAT = "json-1";

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
    public Space space() {
        Path journal = file.resolveSibling(file.getFileName() + ".journal");
        try {
            long bytes = (Files.exists(file) ? Files.size(file) : 0) + (Files.exists(journal) ? Files.size(journal) : 0);
            Path attachments = JsonMessageAttachments.folderOf(file);
            if (Files.isDirectory(attachments)) {
                try (java.util.stream.Stream<Path> files = Files.list(attachments)) {
                    for (Path f : files.toList()) {
                        bytes += Files.size(f);
                    }
                }
            }
            return new Space(file.getParent().toString(), bytes, file.getParent().toFile().getUsableSpace());
        } catch (IOException e) {
            throw new StoreFailure("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Backup backup(String reason, Instant at) {
        Backup[] taken = new Backup[1];
        unitOfWork.exclusively(() -> taken[0] = copy(reason, at));
        return taken[0];
    }

    /**
     * The document is the backup, with the attachment files beside it: first it takes in what the journal
     * holds. Called while no unit runs, so the counts are the copy's, and two backups taken in the same
     * millisecond get two files.
     */
    private Backup copy(String reason, Instant at) {
        Path folder = file.getParent().resolve("backups");
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "") + "_" + STAMP.format(at) + "_"
                + reason.replaceAll("[^A-Za-z0-9-]", "-");
        Path target = unused(folder, stem, ".json");
        compact.run();
        java.util.Map<String, Long> counts = new java.util.TreeMap<>(unitOfWork.state().rowCounts());
        try {
            Files.createDirectories(folder);
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            copyAttachments(file, target);
            return new Backup(target.toString(), at, Files.size(target), FORMAT, counts);
        } catch (IOException e) {
            throw JsonStore.failure("backup to " + target + " failed", e, file);
        }
    }

    @Override
    public Restored restore(Path backup, String safetyReason, Instant at,
                            java.util.function.Predicate<Backup> safetyAccepted) {
        Inspection source = inspect(backup);
        if (!source.problems().isEmpty()) {
            throw new StoreFailure("the backup " + backup + " does not verify, so it is not restored: "
                    + String.join("; ", source.problems()));
        }
        Restored[] restored = new Restored[1];
        unitOfWork.exclusively(() -> {
            Backup safety = copy(safetyReason, at);
            if (!safetyAccepted.test(safety)) {
                throw new StoreFailure("the safety backup " + safety.location() + " did not verify, so the store"
                        + " was not replaced");
            }
            try {
                // Attachment files are named by their digest: adding the backup's first changes no current row.
                copyAttachments(backup, file);
            } catch (IOException e) {
                throw JsonStore.failure("restore from " + backup + " failed", e, file);
            }
            replaceWith.accept(backup);
            try {
                restored[0] = new Restored(safety, new Inspection(null, Files.size(file), FORMAT,
                        unitOfWork.state().rowCounts(), List.of()));
            } catch (IOException e) {
                throw new StoreFailure("the restored store " + file + " cannot be read: " + e.getMessage(), e);
            }
        });
        return restored[0];
    }

    /**
     * Opens a copy of the backup (and its attachment files) in a temporary folder, so nothing is written beside
     * the backup itself, and counts what it holds; a document that does not load is the problem found.
     */
    @Override
    public Inspection inspect(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreFailure("there is no backup file " + backup);
        }
        String sha256;
        long size;
        try (java.io.InputStream in = Files.newInputStream(backup)) {
            sha256 = dev.orchestra.domain.shared.Digests.sha256(in);
            size = Files.size(backup);
        } catch (IOException e) {
            throw new StoreFailure("cannot read the backup " + backup + ": " + e.getMessage(), e);
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("orchestra-verify-");
            Path copy = scratch.resolve(file.getFileName());
            Files.copy(backup, copy);
            copyAttachments(backup, copy);
            // Loading is this store's check of its own format (every row read by the reader's rules), as
            // SQLite's integrity_check is the other's. What the integrity rules find in the data (a task of an
            // agent that is gone) is part of what was copied, not damage to the copy: a backup of a store that
            // needs repair must verify, or repair, which takes one first, could never run.
            try (JsonStore opened = opener.apply(copy)) {
                return new Inspection(sha256, size, FORMAT, opened.rowCounts(), List.of());
            }
        } catch (StoreFailure e) {
            return new Inspection(sha256, size, null, java.util.Map.of(), List.of("the document does not load: "
                    + e.getMessage()));
        } catch (IOException e) {
            throw new StoreFailure("cannot inspect the backup " + backup + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** {@code stem + extension} in {@code folder}, or {@code stem-2 + extension}, … whichever is not there yet. */
    private static Path unused(Path folder, String stem, String extension) {
        Path candidate = folder.resolve(stem + extension);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }

    /** The attachment files beside document {@code from} into the folder beside document {@code to}. */
    private static void copyAttachments(Path from, Path to) throws IOException {
        Path bytes = JsonMessageAttachments.folderOf(from);
        if (Files.isDirectory(bytes)) {
            Path into = Files.createDirectories(JsonMessageAttachments.folderOf(to));
            try (java.util.stream.Stream<Path> files = Files.list(bytes)) {
                for (Path f : files.toList()) {
                    Files.copy(f, into.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder the system cleans up anyway.
        }
    }
}
