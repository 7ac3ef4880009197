package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.MessageAttachments;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * {@link MessageAttachments} in {@code message_attachments}, the bytes in {@code attachment_contents}
 * keyed by tenant and digest: inside the database, so a backup or a copy of the file carries them.
 */
final class SqliteMessageAttachments implements MessageAttachments {
    private static final SqlFilter<MessageAttachment> FILTER = new SqlFilter<>(Map.of(
            ChatFields.Attachment.ID, "id",
            ChatFields.Attachment.MESSAGE_ID, "message_id",
            ChatFields.Attachment.SESSION_ID, "session_id",
            ChatFields.Attachment.UPLOADED_AT, "uploaded_at"));

    private static final RowMapper<MessageAttachment> ATTACHMENT = (rows, n) -> new MessageAttachment(
            Rows.tenant(rows), rows.getString("id"), rows.getString("message_id"), rows.getString("session_id"),
            rows.getString("file_name"), rows.getString("content_type"), rows.getLong("size"),
            rows.getString("sha256"), Rows.instant(rows, "uploaded_at"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteMessageAttachments(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<MessageAttachment> find(TenantId tenant, String id) {
        return SqlErrors.translate("find attachment " + id, () -> template().query(
                "SELECT * FROM message_attachments WHERE tenant_id = ? AND id = ?", ATTACHMENT, tenant.value(), id)
                .stream().findFirst());
    }

    @Override
    public MessageAttachment add(MessageAttachment a, byte[] content) {
        return SqlErrors.translate("add attachment " + a.id(), () -> {
            // The same bytes are kept once: a second upload of them only adds its row.
            template().update("""
                    INSERT INTO attachment_contents (tenant_id, sha256, size, content) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_id, sha256) DO NOTHING
                    """, a.tenantId().value(), a.sha256(), content.length, content);
            template().update("""
                    INSERT INTO message_attachments (tenant_id, id, message_id, session_id, file_name, content_type,
                        size, sha256, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, a.tenantId().value(), a.id(), a.messageId(), a.sessionId(), a.fileName(), a.contentType(),
                    a.size(), a.sha256(), Times.format(a.uploadedAt()));
            return a;
        });
    }

    @Override
    public Optional<byte[]> content(TenantId tenant, String sha256) {
        return SqlErrors.translate("read attachment bytes " + sha256, () -> template().query(
                "SELECT content FROM attachment_contents WHERE tenant_id = ? AND sha256 = ?",
                (rows, n) -> rows.getBytes(1), tenant.value(), sha256).stream().findFirst());
    }

    @Override
    public Page<MessageAttachment> find(TenantId tenant, Specification<MessageAttachment> where,
                                        PageRequest<MessageAttachment> page) {
        return SqlErrors.translate("find attachments", () -> Rows.page(unitOfWork.jdbc(), "message_attachments",
                FILTER, tenant, where, "1 = 1", page, ATTACHMENT));
    }

    @Override
    public int removeOfSession(TenantId tenant, String sessionId) {
        return SqlErrors.translate("remove the attachments of chat session " + sessionId, () -> {
            int removed = template().update("DELETE FROM message_attachments WHERE tenant_id = ? AND session_id = ?",
                    tenant.value(), sessionId);
            if (removed > 0) {
                template().update("""
                        DELETE FROM attachment_contents WHERE tenant_id = ? AND NOT EXISTS (
                            SELECT 1 FROM message_attachments m
                            WHERE m.tenant_id = attachment_contents.tenant_id AND m.sha256 = attachment_contents.sha256)
                        """, tenant.value());
            }
            return removed;
        });
    }

    private JdbcTemplate template() {
        return unitOfWork.batch().getJdbcTemplate();
    }
}
