package dev.orchestra.application.chat;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.chat.MessageAttachment;

/** Inbound port: files attached to chat messages, up to 10 MiB each, their bytes kept once per digest. */
public interface ChatAttachments {
    /** An attachment and its bytes. */
    record Download(MessageAttachment attachment, byte[] content) {
    }

    /** Attaches a file to a message of this tenant, audited (its digest, not its bytes). */
    MessageAttachment attach(Caller caller, String messageId, MessageAttachment.Upload upload);

    MessageAttachment attachment(Caller caller, String id);

    Download download(Caller caller, String id);
}
