package dev.orchestra.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuditValuesTest {

    /** What an audit entry's changes were before the side-by-side walk: both states flattened, then compared. */
    private static Map<String, List<Object>> flatComparison(Record before, Record after) {
        Map<String, Object> old = AuditValues.of(before);
        Map<String, List<Object>> changed = new LinkedHashMap<>();
        AuditValues.of(after).forEach((name, value) -> {
            if (!Objects.equals(old.get(name), value) && !name.equals("version") && !name.startsWith("audit.")) {
                changed.put(name, Arrays.asList(old.get(name), value));
            }
        });
        return changed;
    }

    private static Map<String, List<Object>> walked(Record before, Record after) {
        Map<String, List<Object>> changed = new LinkedHashMap<>();
        AuditValues.changes(before, after).forEach((name, pair) -> changed.put(name, Arrays.asList(pair)));
        return changed;
    }

    @Test
    void givenRandomTaskHistories_changes_nameWhatTheFlatComparisonNamesInItsOrder() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        int compared = 0;
        for (int history = 0; history < 200; history++) {
            List<Task> states = new ArrayList<>();
            Task task = Task.enqueue(TenantId.DEFAULT, "t-" + history, new Task.NewTask(null, "run", "/repo",
                    TaskPriority.values()[random.nextInt(4)], null, null, null, null), null, now);
            states.add(task);
            for (int step = 0; step < 24; step++) {
                now = now.plusMillis(1 + random.nextInt(5_000));
                try {
                    task = next(task, random, now);
                } catch (RuntimeException refused) {
                    continue; // a move the status machine refuses: try another
                }
                states.add(task);
            }
            for (int i = 1; i < states.size(); i++) {
                Task before = states.get(random.nextInt(i));
                Task after = states.get(i);
                assertThat(walked(before, after)).as("seed %d, %s -> %s", seed, before.status(), after.status())
                        .containsExactlyEntriesOf(flatComparison(before, after));
                compared++;
            }
        }
        assertThat(compared).as("seed %d: pairs compared", seed).isGreaterThan(200);
    }

    @Test
    void givenRecordedJson_masked_replacesOnlyTheTextValuesOfTheNamedMember() {
        assertThat(AuditValues.masked("{\"a\":\"x\",\"lease.token\":\"abc-1\",\"b\":1}", "lease.token"))
                .isEqualTo("{\"a\":\"x\",\"lease.token\":\"******\",\"b\":1}");
        assertThat(AuditValues.masked("{\"lease.token\":null,\"n\":2}", "lease.token"))
                .isEqualTo("{\"lease.token\":null,\"n\":2}");
        // Escapes inside the value, the name quoted inside another value, blanks around the colon.
        assertThat(AuditValues.masked("{\"note\":\"the \\\"value\\\": \\\"x\\\"\",\"value\" : \"a\\\"b\\\\\",\"z\":\"v\"}",
                "value")).isEqualTo("{\"note\":\"the \\\"value\\\": \\\"x\\\"\",\"value\" : \"******\",\"z\":\"v\"}");
        assertThat(AuditValues.masked("{\"value\":\"s1\"},{\"value\":\"s2\"}", "value"))
                .isEqualTo("{\"value\":\"******\"},{\"value\":\"******\"}");
        assertThat(AuditValues.masked(null, "value")).isNull();
        assertThat(AuditValues.masked("{\"values\":\"kept\"}", "value")).isEqualTo("{\"values\":\"kept\"}");
    }

    @Test
    void givenAValueOfAHundredThousandEscapes_masked_replacesItWithoutOverflowingTheStack() {
        String value = "\\\"".repeat(100_000);
        assertThat(AuditValues.masked("{\"value\":\"" + value + "\",\"k\":\"v\"}", "value"))
                .isEqualTo("{\"value\":\"******\",\"k\":\"v\"}");
    }

    @Test
    void givenAClaimThenACompletion_changes_nameTheLeaseWhenItComesButNotWhenItGoes() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Task pending = Task.enqueue(TenantId.DEFAULT, "t", new Task.NewTask(null, "run", "/repo",
                TaskPriority.NORMAL, null, null, null, null), null, now);
        Task claimed = pending.assign("a", new Lease("token", now.plusSeconds(60)), now.plusSeconds(1));
        Task done = claimed.start(now.plusSeconds(2)).complete("ok", now.plusSeconds(3));

        assertThat(AuditValues.changes(pending, claimed)).containsKeys("status", "agentId", "lease.token",
                "lease.expiresAt");
        // A nested value that went is compared under the new state's names only (lease is null now), as before.
        assertThat(AuditValues.changes(claimed, done)).containsKeys("status", "result").doesNotContainKey("lease.token");
        assertThat(AuditValues.changes(done, done)).isEmpty();
    }

    private static Task next(Task task, Random random, Instant now) {
        return switch (random.nextInt(8)) {
            case 0 -> task.assign("agent-" + random.nextInt(3), new Lease("lease-" + random.nextInt(1000),
                    now.plusSeconds(300)), now);
            case 1 -> task.start(now);
            case 2 -> task.reportProgress(random.nextInt(101), random.nextBoolean() ? null : "step", now);
            case 3 -> task.complete(random.nextBoolean() ? null : "ok", now);
            case 4 -> task.fail("exit " + random.nextInt(3), now);
            case 5 -> task.status() == TaskStatus.FAILED ? task.retry(now) : task.unassign(now);
            case 6 -> task.cancel(now);
            default -> task.retry(now);
        };
    }
}
