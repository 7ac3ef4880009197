package dev.orchestra.adapter.json;

import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.MessageAttachments;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link MessageAttachments} of the JSON store: the rows in the document, the bytes in files named by their
 * SHA-256 in a folder beside it ({@code orchestrator-state.json.attachments/}), never inside the document.
 * A file is written and synced before the unit that names it is journaled, so a committed row always finds
 * its bytes; files no row names (a removed session's, or a unit that failed) are deleted after the unit
 * that removed rows and at every compaction.
 */
final class JsonMessageAttachments implements MessageAttachments {
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;
    private final Path folder;
    private volatile boolean removed;

    JsonMessageAttachments(JsonUnitOfWork unitOfWork, SchemaDoor door, Path folder) {
        this.unitOfWork = unitOfWork;
        this.door = door;
        this.folder = folder;
    }

    static Path folderOf(Path document) {
        return document.resolveSibling(document.getFileName() + ".attachments");
    }

    @Override
    public Optional<MessageAttachment> find(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).attachments.get(id));
    }

    @Override
    public MessageAttachment add(MessageAttachment attachment, byte[] content) {
        door.check(MessageAttachment.ENTITY, attachment);
        if (content.length != attachment.size() || !Digests.sha256(content).equals(attachment.sha256())) {
            throw new IllegalArgumentException("the bytes do not match attachment " + attachment.id());
        }
        JsonState.TenantData data = unitOfWork.state().mutable(attachment.tenantId());
        if (data.attachments.containsKey(attachment.id())) {
            throw Conflict.alreadyExists(MessageAttachment.ENTITY, attachment.id());
        }
        write(attachment.sha256(), content);
        data.attachments.put(attachment.id(), attachment);
        return attachment;
    }

    /** Temporary file, fsync, atomic move, fsync of the folder; bytes already there are kept as they are. */
    private void write(String sha256, byte[] content) {
        Path target = folder.resolve(sha256);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == content.length) {
                return;
            }
            Files.createDirectories(folder);
            Path temporary = folder.resolve(sha256 + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            JsonStore.syncFolder(folder);
        } catch (IOException e) {
            if (JsonJournal.isDiskFull(e)) {
                throw new dev.orchestra.domain.shared.StoreFull("write the attachment bytes", e)
                        .at(folder.toString(), folder.toFile().getUsableSpace());
            }
            throw new StoreFailure("cannot write the attachment bytes " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> content(TenantId tenant, String sha256) {
        // Only digests a row of this tenant names are read: the folder is shared, the rows are not.
        boolean named = unitOfWork.state().of(tenant).attachments.values().stream()
                .anyMatch(a -> a.sha256().equals(sha256));
        if (!named || !DIGEST.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(sha256);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!Digests.sha256(bytes).equals(sha256)) {
                throw new StoreFailure("the attachment file " + file + " does not hold the bytes it is named for");
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            throw new StoreFailure("the attachment file " + file + " is missing", e);
        } catch (IOException e) {
            throw new StoreFailure("cannot read the attachment file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Page<MessageAttachment> find(TenantId tenant, Specification<MessageAttachment> where,
                                        PageRequest<MessageAttachment> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).attachments.values(), where, page,
                ChatFields.Attachment.ID);
    }

    @Override
    public int removeOfSession(TenantId tenant, String sessionId) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        List<String> ids = data.attachments.values().stream().filter(a -> a.sessionId().equals(sessionId))
                .map(MessageAttachment::id).toList();
        ids.forEach(data.attachments::remove);
        if (!ids.isEmpty()) {
            removed = true;
        }
        return ids.size();
    }

    /** After a unit, with no other unit running: deletes the files of removed attachments. */
    void afterCommit(JsonState state) {
        if (removed) {
            removed = false;
            collect(state);
        }
    }

    /** Deletes every file no committed row names (none of a unit in progress: the caller holds the writer). */
    void collect(JsonState state) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> named = new HashSet<>();
        for (JsonState.TenantData data : state.tenants().values()) {
            data.attachments.values().forEach(a -> named.add(a.sha256()));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!named.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // The rows are gone already; a file left over is deleted at the next compaction.
            System.getLogger(JsonMessageAttachments.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete unused attachment files in " + folder + ": " + e.getMessage());
        }
    }
}
