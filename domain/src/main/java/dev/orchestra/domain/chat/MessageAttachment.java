package dev.orchestra.domain.chat;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A file that came with a message: its name, content type, size and SHA-256. The bytes are kept apart,
 * once per digest, however many attachments carry them.
 */
public record MessageAttachment(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @Size(max = 128) String messageId,
        @NotBlank @Size(max = 128) String sessionId,
        @NotBlank @SingleLine @Size(max = 255) String fileName,
        @NotBlank @SingleLine @Size(max = 255) String contentType,
        @PositiveOrZero @Max(MAX_BYTES) long size,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits (SHA-256)")
        String sha256,
        @NotNull Instant uploadedAt) {
    public static final String ENTITY = "MessageAttachment";
    /** 10 MiB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    public MessageAttachment {
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /** What a client uploads. */
    public record Upload(String id, String fileName, String contentType, byte[] content) {
        public Upload {
            Objects.requireNonNull(content, "content");
            if (content.length > MAX_BYTES) {
                throw ValidationFailed.of("file", "must be at most " + MAX_BYTES + " bytes, not " + content.length);
            }
        }
    }

    /** An attachment with its bytes, as a copy between stores carries it. */
    public record WithContent(@jakarta.validation.Valid MessageAttachment attachment, byte[] content) {
        public WithContent {
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(content, "content");
            if (content.length != attachment.size() || !Digests.sha256(content).equals(attachment.sha256())) {
                throw ValidationFailed.of("content", "the bytes of attachment '" + attachment.id()
                        + "' do not match its size and SHA-256");
            }
        }

        /** Equal bytes, not the same array. */
        @Override
        public boolean equals(Object other) {
            return other instanceof WithContent that && attachment.equals(that.attachment)
                    && java.util.Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return attachment.hashCode();
        }

        @Override
        public String toString() {
            return "WithContent[" + attachment + ", " + content.length + " bytes]";
        }
    }
}
