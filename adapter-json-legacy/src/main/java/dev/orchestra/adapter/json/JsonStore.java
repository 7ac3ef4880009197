package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Tasks;
import dev.orchestra.domain.template.TaskTemplates;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The legacy store: every port over one JSON document in the shape of {@code orchestrator-state.json}.
 * One process at a time: a lock file beside the document refuses a second one. Each write unit ends
 * with one atomic replace of the file (temporary file, fsync, atomic move, fsync of the folder).
 */
public final class JsonStore implements Store {
    private final Path file;
    private final ObjectMapper mapper;
    private final LegacyDocument document;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JsonUnitOfWork unitOfWork;
    private final JsonAgents agents;
    private final JsonTasks tasks;
    private final JsonCodeRepositories repositories;
    private final JsonPreferences preferences;
    private final JsonAuditTrail auditTrail;
    private final JsonLegacyImports legacyImports;
    private final JsonMaintenance maintenance;
    private final JsonTaskTemplates templates;

    private JsonStore(Path file, Validator validator, Clock clock, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        this.document = new LegacyDocument(mapper);
        JsonState initial = load();
        this.unitOfWork = new JsonUnitOfWork(initial, this::persist);
        SchemaDoor door = new SchemaDoor(validator);
        this.agents = new JsonAgents(unitOfWork, door);
        this.tasks = new JsonTasks(unitOfWork, door);
        this.repositories = new JsonCodeRepositories(unitOfWork, door);
        this.preferences = new JsonPreferences(unitOfWork, door);
        this.auditTrail = new JsonAuditTrail(unitOfWork, door);
        this.legacyImports = new JsonLegacyImports(unitOfWork);
        this.maintenance = new JsonMaintenance(unitOfWork, file);
        this.templates = new JsonTaskTemplates(unitOfWork, door);
    }

    /** Opens the document, creating it (and its folder) when missing. */
    public static JsonStore open(Path file, Validator validator, Clock clock) {
        Path absolute = file.toAbsolutePath();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new StoreFailure("the JSON store " + absolute + " is already open in another process"
                        + " (lock file " + lockFile + "); stop that process first");
            }
            return new JsonStore(absolute, validator, clock, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreFailure("cannot open the JSON store " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public Agents agents() {
        return agents;
    }

    public Tasks tasks() {
        return tasks;
    }

    public CodeRepositories repositories() {
        return repositories;
    }

    public Preferences preferences() {
        return preferences;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public LegacyImports legacyImports() {
        return legacyImports;
    }

    public StoreMaintenance maintenance() {
        return maintenance;
    }

    public TaskTemplates templates() {
        return templates;
    }

    @Override
    public String description() {
        return "JSON document " + path();
    }

    public Path path() {
        return file;
    }

    @Override
    public void close() {
        unitOfWork.close();
        try {
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel anyway.
        }
        closeQuietly(lockChannel);
    }

    private JsonState load() {
        if (!Files.exists(file)) {
            JsonState empty = new JsonState();
            persist(empty);
            return empty;
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = mapper.readTree(withoutByteOrderMark(in));
            if (root == null || !root.isObject()) {
                throw new StoreFailure("the JSON store " + file + " does not hold a JSON object");
            }
            return document.read(root);
        } catch (JacksonException e) {
            throw new StoreFailure("the JSON store " + file + " is not valid: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new StoreFailure("cannot read the JSON store " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof StoreFailure) {
                throw e;
            }
            throw new StoreFailure("the JSON store " + file + " holds data this store cannot read: "
                    + e.getMessage(), e);
        }
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            pushback.unread(head);
        }
        return pushback;
    }

    /** Temporary file, fsync, atomic move over the document, fsync of the folder. */
    private void persist(JsonState state) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 OutputStream stream = Channels.newOutputStream(out)) {
                mapper.writerWithDefaultPrettyPrinter().writeValue(nonClosing(stream), document.write(state, clock.instant()));
                out.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StoreFailure("the file system of " + file + " cannot replace files atomically", e);
            }
            try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            } catch (IOException e) {
                // Some systems cannot sync a folder; the file itself is synced already.
            }
        } catch (IOException | JacksonException e) {
            throw new StoreFailure("cannot write the JSON store " + file + ": " + e.getMessage(), e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to do.
            }
        }
    }
}
