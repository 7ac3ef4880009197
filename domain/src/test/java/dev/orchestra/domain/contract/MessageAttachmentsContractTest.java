package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.attachment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.PageRequest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code MessageAttachments} must have. */
public abstract class MessageAttachmentsContractTest extends StoreContract {
    private static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    @Test
    void givenAnAttachmentOf10MiB_add_thenItsBytesReadBackEqualAfterReopenInItsTenantOnly() {
        byte[] content = bytes(MessageAttachment.MAX_BYTES, 7);
        MessageAttachment a = attachment("a1", "m1", "s1", content);

        write(() -> store.attachments().add(a, content));
        reopen();

        assertThat(read(() -> store.attachments().find(TENANT, "a1"))).contains(a);
        assertThat(read(() -> store.attachments().content(TENANT, a.sha256()))).hasValueSatisfying(read ->
                assertThat(Digests.sha256(read)).isEqualTo(Digests.sha256(content)));
        assertThat(read(() -> store.attachments().find(OTHER_TENANT, "a1"))).isEmpty();
        assertThat(read(() -> store.attachments().content(OTHER_TENANT, a.sha256()))).isEmpty();
        assertThatThrownBy(() -> write(() -> store.attachments().add(a, content))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenTheSameBytesTwice_removingOneSession_keepsTheBytesTheOtherStillNames() {
        byte[] content = bytes(4096, 11);
        byte[] other = bytes(100, 12);
        writeVoid(() -> {
            store.attachments().add(attachment("a1", "m1", "s1", content), content);
            store.attachments().add(attachment("a2", "m2", "s2", content), content);
            store.attachments().add(attachment("a3", "m1", "s1", other), other);
        });

        assertThat(write(() -> store.attachments().removeOfSession(TENANT, "s1"))).isEqualTo(2);
        reopen();

        assertThat(read(() -> store.attachments().find(TENANT, "a1"))).isEmpty();
        assertThat(read(() -> store.attachments().content(TENANT, Digests.sha256(content))))
                .hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
        assertThat(read(() -> store.attachments().content(TENANT, Digests.sha256(other)))).isEmpty();
        assertThat(read(() -> store.attachments().find(TENANT, ChatFields.Attachment.MESSAGE_ID.eq("m2"),
                new PageRequest<>(0, 10, List.of(ChatFields.Attachment.ID.asc()))).items()))
                .extracting(MessageAttachment::id).containsExactly("a2");
    }

    @Test
    void givenAnEmptyFile_add_thenItIsKeptAsZeroBytes() {
        byte[] empty = new byte[0];
        write(() -> store.attachments().add(attachment("a0", "m1", "s1", empty), empty));
        reopen();

        assertThat(read(() -> store.attachments().find(TENANT, "a0")).orElseThrow().size()).isZero();
        assertThat(read(() -> store.attachments().content(TENANT, Digests.sha256(empty))))
                .hasValueSatisfying(read -> assertThat(read).isEmpty());
    }
}
