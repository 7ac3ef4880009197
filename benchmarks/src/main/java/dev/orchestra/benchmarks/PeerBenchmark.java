package dev.orchestra.benchmarks;

import static dev.orchestra.benchmarks.Harness.log;

import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.bootstrap.TaskConfiguration;
import dev.orchestra.bootstrap.Wiring;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.repository.AccessLevel;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.repository.RepositoryType;
import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store against JobRunr and db-scheduler, each on a fresh SQLite file per run with the same
 * durability settings, alternated within each scenario: processing queued jobs with 8 workers, single
 * enqueue by one caller and by 16, bulk enqueue. Our side is the store's use cases as the service runs
 * them (leases, versions, audit entries, agent and repository statistics); a job is a task that an
 * agent claims and starts it in one call ({@code claim} with {@code start}) and completes it while
 * claiming its next ({@code completeAndClaimNext}). Every job of every system is checked to have run exactly once.
 */
final class PeerBenchmark {
    static final String SYSTEMS = "store, JobRunr, db-scheduler";
    private static final Caller CALLER = new Caller(TenantId.DEFAULT, "bench");
    private static final String PATH = "/repo/peer";
    private static final int WORKERS = 8;

    private final Path directory;
    private final Harness harness;
    private final Results results;
    private final AtomicInteger files = new AtomicInteger();

    PeerBenchmark(Path directory, Harness harness, Results results) {
        this.directory = directory;
        this.harness = harness;
        this.results = results;
    }

    void run(int small, int large) throws Exception {
        processing(small, "small");
        single();
        sixteen();
        bulk(100_000);
        processing(large, "large");
        results.notes.add("Peers: JobRunr 8.7.0 (SqLiteStorageProvider, Jackson 3 mapper, 8 workers, poll interval 5 s)"
                + " and db-scheduler 16.12.0 (its SQLite schema, 8 threads, polling every 100 ms), each through a HikariCP"
                + " pool of 10 on its own SQLite file with WAL, synchronous=FULL, busy_timeout 30 s; the store on its"
                + " defaults (WAL, synchronous=FULL). A fresh file per run for every system; alternated, "
                + harness.repeats() + " runs each after an untimed one (none before the larger processing run, which"
                + " follows the smaller), the median shown. Processing: the jobs are"
                + " enqueued first (untimed), then the clock runs from starting the workers until the last job is"
                + " recorded done in the database. The store's job is a task with its lease, version checks, audit"
                + " entries and the agent's and repository's statistics; an agent claims and starts it in one call and"
                + " completes it while claiming its next. Every job of every run was checked to run exactly once"
                + " (a count per job: none missing, none twice).");
    }

    // ------------------------------------------------------------------ scenarios

    private void processing(int jobs, String size) throws Exception {
        String name = String.format("processing %,d queued jobs with %d workers", jobs, WORKERS);
        log("%s", name);
        // The larger run comes after the smaller one has warmed every system's code: no untimed round.
        Stats[] medians = harness.alternated("small".equals(size),
                () -> {
                    try (Ours ours = new Ours(file(), WORKERS)) {
                        ours.enqueueAll(jobs);
                        return timed(name, jobs, () -> ours.process(jobs));
                    }
                },
                () -> {
                    try (Peers.JobRunr jobRunr = new Peers.JobRunr(file(), jobs)) {
                        jobRunr.enqueueAll(0, jobs);
                        return timed(name, jobs, () -> jobRunr.process(WORKERS, jobs));
                    }
                },
                () -> {
                    try (Peers.DbScheduler dbScheduler = new Peers.DbScheduler(file(), jobs)) {
                        dbScheduler.enqueueAll(0, jobs);
                        return timed(name, jobs, () -> dbScheduler.process(WORKERS, jobs));
                    }
                });
        row(name, "processing." + size, medians);
    }

    private void single() throws Exception {
        int jobs = 2_000;
        String name = "single enqueue, one caller";
        log("%s", name);
        Stats[] medians = harness.alternated(
                () -> {
                    try (Ours ours = new Ours(file(), 0)) {
                        return harness.sequential(name, jobs, 1, i -> ours.enqueue());
                    }
                },
                () -> {
                    try (Peers.JobRunr jobRunr = new Peers.JobRunr(file(), jobs)) {
                        return harness.sequential(name, jobs, 1, jobRunr::enqueue);
                    }
                },
                () -> {
                    try (Peers.DbScheduler dbScheduler = new Peers.DbScheduler(file(), jobs)) {
                        return harness.sequential(name, jobs, 1, dbScheduler::enqueue);
                    }
                });
        row(name, "single", medians);
    }

    private void sixteen() throws Exception {
        int perCaller = 250;
        String name = "single enqueue, 16 callers";
        log("%s", name);
        Stats[] medians = harness.alternated(
                () -> {
                    try (Ours ours = new Ours(file(), 0)) {
                        return harness.concurrent(name, 16, perCaller, (t, i) -> ours.enqueue());
                    }
                },
                () -> {
                    try (Peers.JobRunr jobRunr = new Peers.JobRunr(file(), 16 * perCaller)) {
                        return harness.concurrent(name, 16, perCaller, (t, i) -> jobRunr.enqueue(t * perCaller + i));
                    }
                },
                () -> {
                    try (Peers.DbScheduler dbScheduler = new Peers.DbScheduler(file(), 16 * perCaller)) {
                        return harness.concurrent(name, 16, perCaller,
                                (t, i) -> dbScheduler.enqueue(t * perCaller + i));
                    }
                });
        row(name, "sixteen", medians);
    }

    private void bulk(int jobs) throws Exception {
        String name = String.format("bulk enqueue of %,d", jobs);
        log("%s", name);
        Stats[] medians = harness.alternated(
                () -> {
                    try (Ours ours = new Ours(file(), 0)) {
                        return timed(name, jobs, () -> ours.enqueueAll(jobs));
                    }
                },
                () -> {
                    try (Peers.JobRunr jobRunr = new Peers.JobRunr(file(), jobs)) {
                        return timed(name, jobs, () -> jobRunr.enqueueAll(0, jobs));
                    }
                },
                () -> {
                    try (Peers.DbScheduler dbScheduler = new Peers.DbScheduler(file(), jobs)) {
                        return timed(name, jobs, () -> dbScheduler.enqueueAll(0, jobs));
                    }
                });
        row(name, "bulk", medians);
    }

    // ------------------------------------------------------------------ helpers

    interface Work {
        void run() throws Exception;
    }

    private static Stats timed(String name, int jobs, Work work) throws Exception {
        long began = System.nanoTime();
        work.run();
        long nanos = System.nanoTime() - began;
        return new Stats(name, jobs, 1, nanos, new long[] {nanos});
    }

    private Path file() throws java.io.IOException {
        Path folder = directory.resolve("peers-" + files.incrementAndGet());
        Files.createDirectories(folder);
        return folder.resolve("jobs.db");
    }

    private void row(String name, String key, Stats[] medians) {
        Stats ours = medians[0];
        Stats jobRunr = medians[1];
        Stats dbScheduler = medians[2];
        double faster = Math.max(jobRunr.rate(), dbScheduler.rate());
        results.peerRows.add(new String[] {name, Results.fmt(ours.rate()), Results.fmt(jobRunr.rate()),
                Results.fmt(dbScheduler.rate()), String.format("%.2f", ours.rate() / faster),
                ours.latencies().length > 1 ? Results.ms(ours.p50Millis()) : "",
                jobRunr.latencies().length > 1 ? Results.ms(jobRunr.p50Millis()) : "",
                dbScheduler.latencies().length > 1 ? Results.ms(dbScheduler.p50Millis()) : ""});
        results.figures.put("peers." + key + ".ratio", ours.rate() / faster);
        log("%-45s store %10s/s  JobRunr %10s/s  db-scheduler %10s/s  store / faster %.2f", name,
                Results.fmt(ours.rate()), Results.fmt(jobRunr.rate()), Results.fmt(dbScheduler.rate()),
                ours.rate() / faster);
    }

    /** The store on a fresh file: 8 agents on one repository, the task queue as the service wires it. */
    private static final class Ours implements AutoCloseable {
        private final SqliteStore store;
        private final TaskQueue queue;
        private final List<String> agents = new ArrayList<>();

        Ours(Path file, int agentCount) {
            this.store = SqliteStore.open(SqliteSettings.defaults(file));
            Wiring wiring = Wiring.of(store, Validation.buildDefaultValidatorFactory().getValidator(),
                    Clock.systemUTC(), Duration.ofMinutes(5));
            this.queue = TaskConfiguration.taskQueue(wiring);
            Instant now = Instant.now();
            store.unitOfWork().writeVoid(() -> {
                store.repositories().add(new CodeRepository(TenantId.DEFAULT, "repo-peer", "peer", PATH, null,
                        RepositoryType.GIT, true, null, "main", Set.of(), AccessLevel.READ_WRITE, null,
                        RepositoryStatistics.NONE, 0, 0, null, AuditFields.createdNow(now, "bench"), 0));
                for (int a = 0; a < agentCount; a++) {
                    String id = "worker-" + a;
                    agents.add(id);
                    store.agents().add(new Agent(TenantId.DEFAULT, id, "Worker " + a, "claude-code", PATH,
                            "repo-peer", AgentStatus.IDLE, now, null, null, Set.of(), null, null, 1,
                            Duration.ofMinutes(1), AgentStatistics.NONE, AuditFields.createdNow(now, "bench"), null,
                            null, 0));
                }
            });
        }

        private static Task.NewTask newTask() {
            // A generated id, as the peers generate theirs (db-scheduler's is the job's number).
            return new Task.NewTask(null, "run", PATH, TaskPriority.NORMAL, null, null, null, null);
        }

        void enqueue() {
            queue.enqueue(CALLER, newTask());
        }

        void enqueueAll(int jobs) {
            for (int done = 0; done < jobs; done += TaskQueue.MAX_BATCH) {
                int size = Math.min(TaskQueue.MAX_BATCH, jobs - done);
                List<Task.NewTask> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(newTask());
                }
                queue.enqueueBatch(CALLER, batch);
            }
        }

        /** Each agent claims and starts a task, then completes it while claiming its next, until none is left. */
        void process(int jobs) throws Exception {
            SqliteStore.WriteStatistics before = store.writeStatistics();
            long writerCpu = writerCpuNanos();
            long processCpu = processCpuNanos();
            long began = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(agents.size());
            List<Future<Set<String>>> workers = new ArrayList<>();
            for (String agent : agents) {
                workers.add(pool.submit(() -> {
                    Set<String> done = new java.util.HashSet<>();
                    Optional<Task> next = queue.claim(CALLER, agent, false, true);
                    while (next.isPresent()) {
                        Task task = next.get();
                        if (!done.add(task.id())) {
                            throw new IllegalStateException("task " + task.id() + " came to " + agent + " twice");
                        }
                        next = queue.completeAndClaimNext(CALLER, task.id(), task.lease().token(), "ok", false, true)
                                .next();
                    }
                    return done;
                }));
            }
            Set<String> all = new java.util.HashSet<>();
            int total = 0;
            for (Future<Set<String>> worker : workers) {
                Set<String> done = worker.get();
                total += done.size();
                all.addAll(done);
            }
            pool.shutdown();
            SqliteStore.WriteStatistics after = store.writeStatistics();
            long wall = System.nanoTime() - began;
            log("  store: %,d units in %,d commits (%.1f a commit); writer on the CPU %.0f %% of the time, %.0f us a job;"
                            + " the whole process %.0f us a job",
                    after.units() - before.units(), after.commits() - before.commits(),
                    (after.units() - before.units()) / (double) Math.max(1, after.commits() - before.commits()),
                    100.0 * (writerCpuNanos() - writerCpu) / wall, (writerCpuNanos() - writerCpu) / 1e3 / jobs,
                    (processCpuNanos() - processCpu) / 1e3 / jobs);
            long completed = store.unitOfWork().read(() -> store.tasks().count(TenantId.DEFAULT,
                    TaskFields.STATUS.eq(TaskStatus.COMPLETED)));
            if (total != jobs || all.size() != jobs || completed != jobs) {
                throw new IllegalStateException("store: " + total + " completions of " + all.size()
                        + " distinct tasks, " + completed + " COMPLETED, of " + jobs);
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the store's writer thread(s) so far: what limits a write-heavy run. */
    private static long writerCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("sqlite-writer")) {
                sum += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return sum;
    }
}
