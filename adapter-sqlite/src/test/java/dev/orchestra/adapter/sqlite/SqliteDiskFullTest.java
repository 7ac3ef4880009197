package dev.orchestra.adapter.sqlite;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.StoreFull;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.testing.TestData;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, simulated with {@code max_page_count} on the writer (SQLite then answers SQLITE_FULL exactly as
 * on a full file system): the write is refused as {@link StoreFull} naming the folder and its free space,
 * everything acknowledged before is kept and sound, and writing resumes once there is room.
 */
class SqliteDiskFullTest {
    @TempDir
    Path directory;

    private static void limitPages(SqliteStore store, long extraPages) {
        ((SqliteUnitOfWork) store.unitOfWork()).onWriterOutsideTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement("PRAGMA page_count");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                long pages = rows.getLong(1) + extraPages;
                try (PreparedStatement limit = connection.prepareStatement("PRAGMA max_page_count = " + pages)) {
                    limit.execute();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void givenAFullDisk_writes_areRefusedAsStoreFullKeepWhatWasAcknowledgedAndResumeWithRoom() {
        try (SqliteStore store = SqliteTestStore.in(directory)) {
            limitPages(store, 20);
            List<String> acknowledged = new ArrayList<>();
            StoreFull full = null;
            String refused = null;
            for (int i = 0; i < 10_000 && full == null; i++) {
                String id = String.format("t-%05d", i);
                try {
                    store.unitOfWork().write(() -> store.tasks().add(TestData.task(id, "/repo/" + "x".repeat(200))));
                    acknowledged.add(id);
                } catch (StoreFull e) {
                    full = e;
                    refused = id;
                }
            }

            assertThat(full).as("the disk filled up").isNotNull();
            assertThat(full.getMessage()).contains("the disk holding the store is full")
                    .contains(directory.toAbsolutePath().toString()).contains("bytes free")
                    .doesNotContain("SQLITE_FULL");
            assertThat(full.freeBytes()).isPositive();
            assertThat(acknowledged).hasSizeGreaterThan(5);
            assertThatThrownBy(() -> store.unitOfWork().write(() -> store.tasks().add(TestData.task("more",
                    "/repo/" + "y".repeat(450))))).isInstanceOf(StoreFull.class);

            limitPages(store, 100_000);
            store.unitOfWork().write(() -> store.tasks().add(TestData.task("after", "/r")));

            List<String> stored = store.unitOfWork().read(() -> store.tasks().find(TENANT, Specification.all(),
                    new PageRequest<>(0, 500, List.of(TaskFields.ID.asc())))).items().stream()
                    .map(dev.orchestra.domain.task.Task::id).toList();
            assertThat(stored).containsAll(acknowledged).contains("after").doesNotContain("more", refused);
            assertThat(store.unitOfWork().read(() -> store.integrity().check(T0, true, 10)))
                    .noneMatch(f -> f.severity() == dev.orchestra.domain.integrity.Severity.ERROR);
        }
    }
}
