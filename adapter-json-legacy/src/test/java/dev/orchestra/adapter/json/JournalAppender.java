package dev.orchestra.adapter.json;

import dev.orchestra.domain.testing.TestData;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process {@link KillDuringAppendTest} kills: appends units of {@value #TASKS_PER_UNIT} tasks to a
 * JSON store for ever, printing {@code ack <n>} once unit n has returned (is acknowledged).
 */
public final class JournalAppender {
    static final int TASKS_PER_UNIT = 20;

    private JournalAppender() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long compactionBytes = Long.parseLong(args[1]);
        JsonStore store = JsonStore.open(file, JsonTestStore.VALIDATOR, Clock.systemUTC(), compactionBytes);
        for (int unit = 0; ; unit++) {
            int n = unit;
            store.unitOfWork().writeVoid(() -> {
                for (int k = 0; k < TASKS_PER_UNIT; k++) {
                    store.tasks().add(TestData.task(id(n, k), "/r"));
                }
            });
            System.out.println("ack " + unit);
            System.out.flush();
        }
    }

    static String id(int unit, int k) {
        return "u" + unit + "-" + k;
    }
}
