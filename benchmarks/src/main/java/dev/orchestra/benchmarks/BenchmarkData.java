package dev.orchestra.benchmarks;

import static dev.orchestra.benchmarks.Harness.log;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.task.TaskStatus;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** The data the benchmark runs on: agents on 100 paths, a task history, new tasks with ids that never repeat. */
final class BenchmarkData {
    static final int PATHS = 100;

    private BenchmarkData() {
    }

    /** Agents on 100 paths, and tasks: 90 % finished history over 60 days, 10 % pending. */
    static List<String> populate(Path file, int agents, long tasks) {
        List<String> sample = new ArrayList<>();
        Instant now = Instant.now();
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file))) {
            store.unitOfWork().writeVoid(() -> {
                for (int r = 0; r < PATHS; r++) {
                    store.repositories().add(new CodeRepository(TenantId.DEFAULT, "repo-" + r, "repo " + r,
                            "/repo/" + r, null, dev.orchestra.domain.repository.RepositoryType.GIT, true, null, "main",
                            java.util.Set.of(), dev.orchestra.domain.repository.AccessLevel.READ_WRITE, null,
                            dev.orchestra.domain.repository.RepositoryStatistics.NONE, 0, 0, null,
                            AuditFields.createdNow(now, "bench"), 0));
                }
                for (int a = 0; a < agents; a++) {
                    store.agents().add(new Agent(TenantId.DEFAULT, agentId(a), "Agent " + a, "claude-code",
                            pathOf(a), "repo-" + (a % PATHS), AgentStatus.IDLE, now, null, null, java.util.Set.of(),
                            null, null, 1, Duration.ofMinutes(1), AgentStatistics.NONE,
                            AuditFields.createdNow(now, "bench"), null, null, 0));
                }
            });
            Random data = new Random(7);
            long written = 0;
            while (written < tasks) {
                int size = (int) Math.min(10_000, tasks - written);
                List<Task> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    long n = written + i;
                    int agent = data.nextInt(agents);
                    String path = pathOf(agent);
                    Instant created = now.minusSeconds(data.nextInt(60 * 86_400));
                    String id = Ids.newId();
                    if (data.nextInt(1000) < 20 && sample.size() < 20_000) {
                        sample.add(id);
                    }
                    TaskPriority priority = TaskPriority.values()[data.nextInt(4)];
                    if (n % 10 == 0) {
                        batch.add(new Task(TenantId.DEFAULT, id, "run " + n, path, "repo-" + (agent % PATHS), null,
                                priority, TaskStatus.PENDING, created, null, null, null, null, null, 0, null, null, 0,
                                null, TaskProgress.NONE, null, created, 0));
                    } else {
                        Instant started = created.plusSeconds(1);
                        Instant completed = started.plusMillis(500 + data.nextInt(60_000));
                        boolean failed = n % 10 == 1;
                        batch.add(new Task(TenantId.DEFAULT, id, "run " + n, path, "repo-" + (agent % PATHS),
                                agentId(agent), priority, failed ? TaskStatus.FAILED : TaskStatus.COMPLETED, created,
                                created, started, completed, failed ? null : "ok", failed ? "exit 1" : null, 0, null,
                                null, 0, null, new TaskProgress(100, null, completed), null, completed, 0));
                    }
                }
                store.unitOfWork().writeVoid(() -> store.tasks().addAll(batch));
                written += size;
                if (written % 100_000 == 0) {
                    log("  %,d tasks", written);
                }
            }
        }
        return sample;
    }

    static String agentId(int index) {
        return String.format("agent-%05d", index);
    }

    /** Agent i works on path i % 100: consecutive agents spread over the paths. */
    static String pathOf(int agent) {
        return "/repo/" + (agent % PATHS);
    }

    static Task.NewTask newTask(String path, AtomicLong sequence) {
        return new Task.NewTask("p-" + sequence.incrementAndGet(), "run", path, TaskPriority.NORMAL, null, null,
                null, null);
    }

    static List<Task.NewTask> newTasks(int count, String path, AtomicLong sequence) {
        List<Task.NewTask> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(newTask(path, sequence));
        }
        return tasks;
    }

    static List<String> ids(int count, String prefix, AtomicLong sequence) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + sequence.incrementAndGet());
        }
        return ids;
    }

    static JsonStore filledJsonStore(Path file, int tasks) throws IOException {
        Files.createDirectories(file.getParent());
        JsonStore store = JsonStore.open(file, Validation.buildDefaultValidatorFactory().getValidator(),
                Clock.systemUTC());
        Instant at = Instant.now();
        List<Task> rows = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            String id = "json-" + i;
            rows.add(Task.enqueue(TenantId.DEFAULT, id, new Task.NewTask(id, "run " + i, "/repo/json-" + (i % 50),
                    TaskPriority.NORMAL, null, null, null, null), null, at));
        }
        store.unitOfWork().writeVoid(() -> store.tasks().addAll(rows));
        return store;
    }
}
