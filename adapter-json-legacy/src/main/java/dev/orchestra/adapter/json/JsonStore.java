package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.MessageAttachments;
import dev.orchestra.domain.chat.ToolExecutions;
import dev.orchestra.domain.integrity.IntegrityCheck;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.resilience.CircuitBreakers;
import dev.orchestra.domain.routing.RoutingDecisions;
import dev.orchestra.domain.workflow.WorkflowDefinitions;
import dev.orchestra.domain.workflow.WorkflowExecutions;
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
 * One process at a time: a lock file beside the document refuses a second one. Each write unit is
 * appended to a journal beside the document ({@link JsonJournal}) and fsynced before it returns; the
 * document is rewritten whole (temporary file, fsync, atomic move, fsync of the folder) only when the
 * journal is compacted: at a clean close, after a replay at open, before a backup, and when the journal
 * has grown past the document's size (so rewriting costs at most as much again as the appends did).
 */
public final class JsonStore implements Store {
    private static final System.Logger LOG = System.getLogger(JsonStore.class.getName());
    /** The journal is compacted when it outgrows the document, but not before it holds this much. */
    public static final long DEFAULT_COMPACTION_BYTES = 4L * 1024 * 1024;

    private final Path file;
    private final ObjectMapper mapper;
    private final LegacyDocument document;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Replaced only by a restore, while no unit runs (see {@link JsonUnitOfWork#replace}). */
    private volatile JsonState state;
    private final JsonJournal journal;
    private final long compactionBytes;
    private long documentBytes;
    private final JsonUnitOfWork unitOfWork;
    private final JsonAgents agents;
    private final JsonTasks tasks;
    private final JsonCodeRepositories repositories;
    private final JsonPreferences preferences;
    private final JsonAuditTrail auditTrail;
    private final JsonLegacyImports legacyImports;
    private final JsonMaintenance maintenance;
    private final JsonTaskTemplates templates;
    private final JsonCircuitBreakers circuitBreakers;
    private final JsonRoutingDecisions routingDecisions;
    private final JsonWorkflowDefinitions workflowDefinitions;
    private final JsonWorkflowExecutions workflowExecutions;
    private final JsonChatSessions chatSessions;
    private final JsonToolExecutions toolExecutions;
    private final JsonMessageAttachments attachments;
    private final JsonIntegrityCheck integrity;
    private final JsonRetention retention;
    private final JsonObservability.Logs logs;
    private final JsonObservability.Metrics metrics;
    private final JsonObservability.Clients clientSessions;
    private final JsonApiKeys apiKeys;

    private JsonStore(Path file, Validator validator, Clock clock, FileChannel lockChannel, FileLock lock,
                      long compactionBytes) {
        this.file = file;
        this.compactionBytes = compactionBytes;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        this.document = new LegacyDocument(mapper);
        boolean existed = Files.exists(file);
        this.state = existed ? load(file) : new JsonState();
        this.documentBytes = existed ? sizeOf(file) : 0;
        this.journal = JsonJournal.open(file.resolveSibling(file.getFileName() + ".journal"), mapper, document);
        try {
            JsonJournal.Replay replay = journal.replay(state);
            if (!existed || replay.applied() > 0 || replay.skipped() > 0 || replay.tornBytes() > 0) {
                compact();
            }
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        this.unitOfWork = new JsonUnitOfWork(state, this::commit, this::afterCommit);
        SchemaDoor door = new SchemaDoor(validator);
        this.agents = new JsonAgents(unitOfWork, door);
        this.tasks = new JsonTasks(unitOfWork, door);
        this.repositories = new JsonCodeRepositories(unitOfWork, door);
        this.preferences = new JsonPreferences(unitOfWork, door);
        this.auditTrail = new JsonAuditTrail(unitOfWork, door);
        this.legacyImports = new JsonLegacyImports(unitOfWork);
        this.maintenance = new JsonMaintenance(unitOfWork, file, this::compact,
                copy -> JsonStore.open(copy, validator, clock), this::replaceWith);
        this.templates = new JsonTaskTemplates(unitOfWork, door);
        this.circuitBreakers = new JsonCircuitBreakers(unitOfWork, door);
        this.routingDecisions = new JsonRoutingDecisions(unitOfWork, door);
        this.workflowDefinitions = new JsonWorkflowDefinitions(unitOfWork, door);
        this.workflowExecutions = new JsonWorkflowExecutions(unitOfWork, door);
        this.chatSessions = new JsonChatSessions(unitOfWork, door);
        this.toolExecutions = new JsonToolExecutions(unitOfWork, door);
        this.attachments = new JsonMessageAttachments(unitOfWork, door, JsonMessageAttachments.folderOf(file));
        // Bytes a unit wrote before it failed, or a crash cut short, are named by no row.
        attachments.collect(state);
        this.integrity = new JsonIntegrityCheck(unitOfWork, JsonMessageAttachments.folderOf(file));
        this.logs = new JsonObservability.Logs(unitOfWork, door);
        this.metrics = new JsonObservability.Metrics(unitOfWork, door);
        this.clientSessions = new JsonObservability.Clients(unitOfWork, door);
        this.apiKeys = new JsonApiKeys(unitOfWork, door);
        this.retention = new JsonRetention(unitOfWork, chatSessions, toolExecutions, attachments, maintenance,
                this::compact);
    }

    /** Opens the document, creating it (and its folder) when missing, and replays its journal. */
    public static JsonStore open(Path file, Validator validator, Clock clock) {
        return open(file, validator, clock, DEFAULT_COMPACTION_BYTES);
    }

    /** As {@link #open(Path, Validator, Clock)}, compacting once the journal holds {@code compactionBytes}. */
    public static JsonStore open(Path file, Validator validator, Clock clock, long compactionBytes) {
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
            return new JsonStore(absolute, validator, clock, channel, lock, compactionBytes);
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

    public CircuitBreakers circuitBreakers() {
        return circuitBreakers;
    }

    @Override
    public RoutingDecisions routingDecisions() {
        return routingDecisions;
    }

    @Override
    public WorkflowDefinitions workflowDefinitions() {
        return workflowDefinitions;
    }

    @Override
    public WorkflowExecutions workflowExecutions() {
        return workflowExecutions;
    }

    @Override
    public ChatSessions chatSessions() {
        return chatSessions;
    }

    @Override
    public ToolExecutions toolExecutions() {
        return toolExecutions;
    }

    @Override
    public MessageAttachments attachments() {
        return attachments;
    }

    @Override
    public IntegrityCheck integrity() {
        return integrity;
    }

    /** Rows per area over every tenant: what a backup's manifest counts. */
    java.util.Map<String, Long> rowCounts() {
        return unitOfWork.read(state::rowCounts);
    }

    /** The folder of attachment bytes beside the document. */
    public Path attachmentsPath() {
        return JsonMessageAttachments.folderOf(file);
    }

    @Override
    public dev.orchestra.domain.maintenance.StoreRetention retention() {
        return retention;
    }

    @Override
    public dev.orchestra.domain.observability.OrchestrationLogs logs() {
        return logs;
    }

    @Override
    public dev.orchestra.domain.observability.PerformanceMetrics metrics() {
        return metrics;
    }

    @Override
    public dev.orchestra.domain.observability.ClientSessions clientSessions() {
        return clientSessions;
    }

    @Override
    public dev.orchestra.domain.access.ApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public String description() {
        return "JSON document " + path();
    }

    public Path path() {
        return file;
    }

    /** The journal beside the document. */
    public Path journalPath() {
        return journal.path();
    }

    @Override
    public void close() {
        unitOfWork.close(() -> {
            try {
                compact();
            } catch (StoreFailure e) {
                // Every unit is in the journal; the next open replays it.
                LOG.log(System.Logger.Level.WARNING, "the JSON store " + file + " could not be compacted at close ("
                        + e.getMessage() + "); its journal is kept and replayed at the next open");
            }
        });
        journal.close();
        try {
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel anyway.
        }
        closeQuietly(lockChannel);
    }

    /** Makes a unit durable: one journal record, fsynced. */
    private void commit(java.util.List<JsonChanges.Change> changes) {
        journal.append(state.sequence() + 1, clock.instant(), changes);
        state.sequence(state.sequence() + 1);
    }

    private void afterCommit() {
        attachments.afterCommit(state);
        compactIfGrown();
    }

    /** Rewrites the document once the journal has outgrown it, so the rewrite costs no more than the appends. */
    private void compactIfGrown() {
        if (journal.size() >= Math.max(compactionBytes, documentBytes)) {
            try {
                compact();
            } catch (StoreFailure e) {
                // The unit is durable in the journal already; compaction is tried again later.
                LOG.log(System.Logger.Level.WARNING, "the JSON store " + file + " could not be compacted ("
                        + e.getMessage() + "); its journal keeps growing until it can");
            }
        }
    }

    /** Rewrites the document from the state, then empties the journal, which the document now holds. */
    private void compact() {
        persist(state);
        journal.reset();
    }

    /**
     * The store becomes the document at {@code from} (a backup, checked already), with no unit running: its
     * state is read first, so a document that does not load changes nothing; then it is written over this
     * store's document atomically, the journal emptied, and files no row names any more deleted.
     */
    private void replaceWith(Path from) {
        JsonState loaded = load(from);
        persist(loaded);
        journal.reset();
        unitOfWork.replace(loaded);
        state = loaded;
        attachments.collect(loaded);
    }

    private JsonState load(Path file) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            JsonNode root = mapper.readTree(LegacyFiles.withoutByteOrderMark(in));
            if (root == null || !root.isObject()) {
                throw new StoreFailure("the JSON store " + file + " does not hold a JSON object");
            }
            return document.read(root);
        } catch (JacksonException e) {
            // A parse error has a place in the file; a refused conversion of a value read has none.
            throw new StoreFailure("the JSON store " + file + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new StoreFailure("cannot read the JSON store " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof StoreFailure) {
                throw e;
            }
            throw new StoreFailure("the JSON store " + file + " holds data this store cannot read: "
                    + e.getMessage(), e);
        }
    }


    /** Temporary file, fsync, atomic move over the document, fsync of the folder. */
    private void persist(JsonState state) {
        persistTo(state);
        documentBytes = sizeOf(file);
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private void persistTo(JsonState state) {
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
            syncFolder(file.getParent());
        } catch (IOException | JacksonException e) {
            throw new StoreFailure("cannot write the JSON store " + file + ": " + e.getMessage(), e);
        }
    }

    /** A failed file operation of the store at {@code file}: {@link StoreFull} when the disk is full. */
    static StoreFailure failure(String what, IOException e, Path file) {
        if (JsonJournal.isDiskFull(e)) {
            Path folder = file.toAbsolutePath().getParent();
            return new dev.orchestra.domain.shared.StoreFull(what, e).at(folder.toString(),
                    folder.toFile().getUsableSpace());
        }
        return new StoreFailure(what + ": " + e.getMessage(), e);
    }

    /** Makes a file's creation, rename or removal in {@code folder} durable. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems cannot sync a folder; the files themselves are synced already.
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
