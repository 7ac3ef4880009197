package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.shared.Conflict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code LegacyImports} must have. */
public abstract class LegacyImportsContractTest extends StoreContract {
    private static LegacyImport imported(String id, String sha, int minutesAfter) {
        return new LegacyImport(TENANT, id, "orchestrator-state.json", 1234, sha, 2, 200, 5000, 3,
                T0.plusSeconds(60L * minutesAfter), Duration.ofMillis(1500), "alice");
    }

    @Test
    void givenRecordedImports_findBySha256AndList_returnThemNewestFirstAfterReopen() {
        String sha1 = "a".repeat(64);
        String sha2 = "b".repeat(64);
        writeVoid(() -> {
            store.legacyImports().add(imported("i1", sha1, 0));
            store.legacyImports().add(imported("i2", sha2, 5));
        });
        reopen();

        assertThat(read(() -> store.legacyImports().findBySha256(TENANT, sha1))).contains(imported("i1", sha1, 0));
        assertThat(read(() -> store.legacyImports().findBySha256(OTHER_TENANT, sha1))).isEmpty();
        assertThat(read(() -> store.legacyImports().list(TENANT))).extracting(LegacyImport::id)
                .containsExactly("i2", "i1");
    }

    @Test
    void givenSameFileTwice_add_isConflict() {
        String sha = "c".repeat(64);
        writeVoid(() -> store.legacyImports().add(imported("i1", sha, 0)));

        assertThatThrownBy(() -> writeVoid(() -> store.legacyImports().add(imported("i2", sha, 1))))
                .isInstanceOf(Conflict.class);
    }
}
