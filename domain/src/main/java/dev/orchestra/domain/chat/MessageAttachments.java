package dev.orchestra.domain.chat;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/**
 * Files attached to chat messages. The bytes are stored once per digest and tenant, however many
 * attachments carry them, and removed with the last one. Call inside a {@code UnitOfWork}.
 */
public interface MessageAttachments {
    Optional<MessageAttachment> find(TenantId tenant, String id);

    /** Stores an attachment, and its bytes unless the tenant holds them already; an existing id is a {@code Conflict}. */
    MessageAttachment add(MessageAttachment attachment, byte[] content);

    /** The bytes stored for a digest. */
    Optional<byte[]> content(TenantId tenant, String sha256);

    Page<MessageAttachment> find(TenantId tenant, Specification<MessageAttachment> where,
                                 PageRequest<MessageAttachment> page);

    /** Removes every attachment of a session, and bytes no attachment carries any more; answers how many. */
    int removeOfSession(TenantId tenant, String sessionId);
}
