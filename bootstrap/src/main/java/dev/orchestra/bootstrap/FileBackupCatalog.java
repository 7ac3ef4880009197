package dev.orchestra.bootstrap;

import dev.orchestra.domain.maintenance.BackupCatalog;
import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.shared.StoreFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manifests as {@code <id>.manifest.json} files in the {@code backups} folder beside the store, next to the
 * copies they describe: they outlive the store file, and a person can read them.
 */
public final class FileBackupCatalog implements BackupCatalog {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final String SUFFIX = ".manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private final Path folder;
    /** Backups are named after their store's file: two stores in one folder share it, not their lists. */
    private final String prefix;

    public FileBackupCatalog(Path storeFile) {
        this.folder = storeFile.toAbsolutePath().getParent().resolve("backups");
        this.prefix = storeFile.getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "") + "_";
    }

    @Override
    public void save(BackupManifest manifest) {
        Path target = folder.resolve(manifest.id() + SUFFIX);
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(manifest.id() + SUFFIX + ".tmp");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JacksonException e) {
            throw new StoreFailure("cannot write the backup manifest " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<BackupManifest> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupManifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                    && f.getFileName().toString().startsWith(prefix)).toList()) {
                read(file).ifPresent(manifests::add);
            }
        } catch (IOException e) {
            throw new StoreFailure("cannot list the backups in " + folder + ": " + e.getMessage(), e);
        }
        manifests.sort(Comparator.comparing(BackupManifest::createdAt).reversed()
                .thenComparing(BackupManifest::id));
        return manifests;
    }

    @Override
    public Optional<BackupManifest> find(String id) {
        // An id is a file name here: anything else (a path, "..") names no backup.
        if (id == null || !ID.matcher(id).matches() || id.startsWith(".") || !id.startsWith(prefix)) {
            return Optional.empty();
        }
        Path file = folder.resolve(id + SUFFIX);
        return Files.isRegularFile(file) ? read(file) : Optional.empty();
    }

    @Override
    public void remove(BackupManifest manifest) {
        Path copy = Path.of(manifest.file());
        try {
            // Only what lies in this catalog's folder: a manifest naming another file deletes nothing else.
            if (copy.toAbsolutePath().normalize().getParent().equals(folder.normalize())) {
                Files.deleteIfExists(copy);
                Path bytes = copy.resolveSibling(copy.getFileName() + ".attachments");
                if (Files.isDirectory(bytes)) {
                    try (Stream<Path> files = Files.walk(bytes)) {
                        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            }
            Files.deleteIfExists(folder.resolve(manifest.id() + SUFFIX));
        } catch (IOException e) {
            throw new StoreFailure("cannot delete the backup " + copy + ": " + e.getMessage(), e);
        }
    }

    private static Optional<BackupManifest> read(Path file) {
        try {
            return Optional.of(JSON.readValue(file.toFile(), BackupManifest.class));
        } catch (JacksonException e) {
            // A manifest someone edited into something else is not a backup this store can vouch for.
            return Optional.empty();
        }
    }
}
