package dev.orchestra.application.chat;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.MessageAttachments;
import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.UnitOfWork;
import java.time.Clock;

/** The attachment use cases; the digest is computed on the caller's thread, before the write. */
public final class ChatAttachmentsService implements ChatAttachments {
    static final String ATTACHMENT = MessageAttachment.ENTITY;
    private static final String DEFAULT_TYPE = "application/octet-stream";

    private final UnitOfWork unitOfWork;
    private final ChatSessions chats;
    private final MessageAttachments attachments;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public ChatAttachmentsService(UnitOfWork unitOfWork, ChatSessions chats, MessageAttachments attachments,
                                  ConstraintCheck constraints, Auditor auditor, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.chats = chats;
        this.attachments = attachments;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public MessageAttachment attach(Caller caller, String messageId, MessageAttachment.Upload upload) {
        String id = upload.id() == null ? Ids.newId() : upload.id();
        String sha256 = Digests.sha256(upload.content());
        String type = upload.contentType() == null || upload.contentType().isBlank() ? DEFAULT_TYPE
                : upload.contentType();
        // Checked with a stand-in session; the unit takes the message's.
        constraints.require(new MessageAttachment(caller.tenant(), id, messageId, "-", upload.fileName(), type,
                upload.content().length, sha256, clock.instant()));
        return unitOfWork.write(() -> {
            ChatMessage message = chats.findMessage(caller.tenant(), messageId)
                    .orElseThrow(() -> new NotFound(ChatMessage.ENTITY, messageId));
            MessageAttachment stored = attachments.add(new MessageAttachment(caller.tenant(), id, messageId,
                    message.sessionId(), upload.fileName(), type, upload.content().length, sha256, clock.instant()),
                    upload.content());
            auditor.created(caller, ATTACHMENT, id, stored);
            return stored;
        });
    }

    @Override
    public MessageAttachment attachment(Caller caller, String id) {
        return unitOfWork.read(() -> attachments.find(caller.tenant(), id))
                .orElseThrow(() -> new NotFound(ATTACHMENT, id));
    }

    @Override
    public Download download(Caller caller, String id) {
        return unitOfWork.read(() -> {
            MessageAttachment found = attachments.find(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(ATTACHMENT, id));
            byte[] content = attachments.content(caller.tenant(), found.sha256()).orElseThrow(() ->
                    new StoreFailure("the bytes of attachment '" + id + "' (SHA-256 " + found.sha256()
                            + ") are missing from the store"));
            return new Download(found, content);
        });
    }
}
