package dev.orchestra.adapter.json;

import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.attachment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON store keeps attachment bytes as files named by their digest beside the document, never inside it. */
class JsonAttachmentFilesTest {
    @TempDir
    Path directory;

    private JsonStore open() {
        return JsonStore.open(directory.resolve("orchestrator-state.json"), JsonTestStore.VALIDATOR,
                Clock.systemUTC());
    }

    @Test
    void givenAnAttachment_add_thenItsBytesAreOneFileNamedByDigestAndNotInTheDocument() throws Exception {
        byte[] content = new byte[200_000];
        new Random(3).nextBytes(content);
        String sha = Digests.sha256(content);
        try (JsonStore store = open()) {
            store.unitOfWork().writeVoid(() -> {
                store.attachments().add(attachment("a1", "m1", "s1", content), content);
                store.attachments().add(attachment("a2", "m2", "s1", content), content);
            });
            assertThat(Files.list(store.attachmentsPath())).extracting(p -> p.getFileName().toString())
                    .containsExactly(sha);
            assertThat(Files.readAllBytes(store.attachmentsPath().resolve(sha))).isEqualTo(content);
        }
        String document = Files.readString(directory.resolve("orchestrator-state.json"), StandardCharsets.UTF_8);
        assertThat(document).contains(sha).hasSizeLessThan(20_000);
    }

    @Test
    void givenARemovedSession_afterItsUnit_theFileNoRowNamesIsDeletedAndAStrayFileGoesAtOpen() throws Exception {
        byte[] content = "a file".getBytes(StandardCharsets.UTF_8);
        Path folder;
        try (JsonStore store = open()) {
            folder = store.attachmentsPath();
            store.unitOfWork().writeVoid(() -> store.attachments().add(attachment("a1", "m1", "s1", content),
                    content));
            store.unitOfWork().writeVoid(() -> store.attachments().removeOfSession(TENANT, "s1"));

            assertThat(folder.resolve(Digests.sha256(content))).doesNotExist();
        }
        // What a unit that failed after writing its bytes leaves behind.
        Path stray = Files.writeString(folder.resolve(Digests.sha256("stray")), "stray");
        try (JsonStore store = open()) {
            assertThat(stray).doesNotExist();
        }
    }
}
