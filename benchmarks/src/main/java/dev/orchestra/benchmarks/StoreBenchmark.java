package dev.orchestra.benchmarks;

import static dev.orchestra.benchmarks.BenchmarkData.agentId;
import static dev.orchestra.benchmarks.BenchmarkData.filledJsonStore;
import static dev.orchestra.benchmarks.BenchmarkData.ids;
import static dev.orchestra.benchmarks.BenchmarkData.newTask;
import static dev.orchestra.benchmarks.BenchmarkData.newTasks;
import static dev.orchestra.benchmarks.BenchmarkData.pathOf;
import static dev.orchestra.benchmarks.BenchmarkData.populate;
import static dev.orchestra.benchmarks.Harness.log;
import static dev.orchestra.benchmarks.Results.fmt;
import static dev.orchestra.benchmarks.Results.ms;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.application.analytics.Analytics;
import dev.orchestra.application.integrity.StoreIntegrity;
import dev.orchestra.application.integrity.StoreIntegrityService;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.benchmarks.Harness.Measure;
import dev.orchestra.benchmarks.Harness.Op;
import dev.orchestra.bootstrap.AgentConfiguration;
import dev.orchestra.bootstrap.AnalyticsConfiguration;
import dev.orchestra.bootstrap.OrchestraApplication;
import dev.orchestra.bootstrap.TaskConfiguration;
import dev.orchestra.bootstrap.Wiring;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import jakarta.validation.Validation;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Builds a database of {@code --agents} agents and {@code --tasks} tasks, copies it for a raw-JDBC
 * baseline, and measures the store's use cases against hand-written JDBC doing the same statements,
 * alternating the two, each measurement repeated {@code --repeats} times; then a claim/complete soak,
 * a small-database comparison, the JSON store, and the REST service under 16 clients. Writes a Markdown
 * table. This class holds the scenarios; {@link Harness} runs them, {@link BenchmarkData} builds their
 * data, {@link RestLoad} drives the REST service, {@link Results} keeps and writes what they found.
 */
public final class StoreBenchmark {
    private static final Caller CALLER = new Caller(TenantId.DEFAULT, "bench");

    private final Map<String, String> options;
    private final Path directory;
    private final int repeats;
    private final java.util.Set<String> only;
    private final Random random = new Random(42);
    /** One numbering for every task the measurements create, so no two of them share an id. */
    private final AtomicLong sequence = new AtomicLong();
    private final Harness harness;
    private final Results results;

    /** One store with its use cases. */
    private record Project(SqliteStore store, TaskQueue queue, AgentRegistry agents, Analytics analytics,
                           dev.orchestra.application.task.WaitingClaims waiting) {
        static Project open(Path file) {
            SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file));
            // The service's own wiring: the same factories the Spring configuration calls.
            Wiring wiring = Wiring.of(store, Validation.buildDefaultValidatorFactory().getValidator(),
                    Clock.systemUTC(), Duration.ofMinutes(5));
            TaskQueue queue = TaskConfiguration.taskQueue(wiring);
            return new Project(store, queue, AgentConfiguration.agentRegistry(wiring),
                    AnalyticsConfiguration.analytics(wiring), TaskConfiguration.waitingClaims(queue, wiring));
        }
    }

    private StoreBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.repeats = Integer.parseInt(options.getOrDefault("repeats", "5"));
        // --only batch,single,producers,claim,complete,get,list,analytics,statistics,integrity,wakeup,soak,small,json,chat,
        //        orchestration,rest,peers
        this.only = options.containsKey("only")
                ? java.util.Set.of(options.get("only").split(",")) : java.util.Set.of();
        this.harness = new Harness(repeats);
        this.results = new Results(options, repeats, only);
        this.directory = Files.createTempDirectory(Path.of(options.getOrDefault("dir",
                System.getProperty("java.io.tmpdir"))), "orchestra-bench-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        StoreBenchmark benchmark = new StoreBenchmark(options);
        try {
            benchmark.run();
        } finally {
            if (!Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
                benchmark.deleteDirectory();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        long tasks = Long.parseLong(options.getOrDefault("tasks", "1000000"));
        int agents = Integer.parseInt(options.getOrDefault("agents", "10000"));
        Instant started = Instant.now();
        log("building %,d agents and %,d tasks in %s", agents, tasks, directory);
        Path projectFile = directory.resolve("project.db");
        List<String> sampleIds = populate(projectFile, agents, tasks);
        Path rawFile = copy(projectFile, directory.resolve("raw.db"));
        Project project = Project.open(projectFile);
        RawJdbc raw = new RawJdbc(rawFile);
        String engine = project.store().engineVersion();
        try {
            String scale = "at " + String.format("%,d", tasks) + " tasks";
            measureAll(project, raw, sampleIds, agents, scale);
            if (wanted("small")) {
                smallDatabase(project, scale);
            }
            if (wanted("json")) {
                jsonStore();
            }
            if (wanted("soak")) {
                soak(project, agents);
            }
            if (wanted("chat")) {
                new ChatBenchmark(directory, harness, results,
                        Integer.parseInt(options.getOrDefault("messages", "1000000"))).run();
            }
            if (wanted("orchestration")) {
                new OrchestrationBenchmark(directory, harness, results,
                        Integer.parseInt(options.getOrDefault("executions", "100000"))).run();
            }
        } finally {
            project.store().close();
            raw.close();
        }
        if (wanted("rest")) {
            rest();
        }
        if (wanted("peers")) {
            new PeerBenchmark(directory, harness, results).run(
                    Integer.parseInt(options.getOrDefault("peer-jobs", "20000")),
                    Integer.parseInt(options.getOrDefault("peer-large-jobs", "200000")));
        }
        results.writeResults(engine, agents, tasks, Duration.between(started, Instant.now()));
    }

    // ------------------------------------------------------------------ the measurements

    private void measureAll(Project p, RawJdbc raw, List<String> sampleIds, int agents, String scale)
            throws Exception {
        results.notes.add("Scale of the table above, where not said otherwise: " + scale + ".");
        if (wanted("batch")) {
            compare("batch enqueue (1,000 per unit)", 5, 1000,
                    i -> p.queue().enqueueBatch(CALLER, newTasks(1000, "/repo/bench-batch", sequence)),
                    i -> raw.enqueueBatch(ids(1000, "raw-batch", sequence), "/repo/bench-batch"),
                    i -> raw.enqueueBatchFewest(ids(1000, "raw-fewest-batch", sequence), "/repo/bench-batch"));
        }
        if (wanted("single")) {
            compare("single enqueue", 300, 1,
                    i -> p.queue().enqueue(CALLER, newTask("/repo/bench-single", sequence)),
                    i -> raw.enqueue("raw-" + sequence.incrementAndGet(), "/repo/bench-single"),
                    i -> raw.enqueueFewest("raw-fewest-" + sequence.incrementAndGet(), "/repo/bench-single"));
        }
        if (wanted("producers")) {
            producers(p, raw, sequence);
        }
        if (wanted("claim") || wanted("complete")) {
            // Completions need the claims made first.
            claimAndComplete(p, raw);
        }
        if (wanted("get")) {
            reads(p, raw, sampleIds);
        }
        if (wanted("list") || wanted("analytics") || wanted("statistics")) {
            queries(p, raw, agents);
        }
        if (wanted("integrity")) {
            integrity(p, scale);
        }
        if (wanted("wakeup")) {
            wakeup(p);
        }
    }

    /**
     * A claim waiting for work (as {@code POST /tasks/claim?wait=…}), then an enqueue: the time from the enqueue's
     * acknowledgement to the claim's answer, 1,000 times (each task completed before the next wait).
     */
    private void wakeup(Project p) throws Exception {
        String agent = "bench-waiting-agent";
        p.agents().register(CALLER, new dev.orchestra.domain.agent.Agent.Registration(agent, "waiting", "bench",
                "/repo/bench-wake", null, java.util.Set.of(), 1, null, null, null));
        // The run's one numbering: a counter of its own would give ids the batch measurements already took.
        long[] latencies = new long[1000];
        long began = System.nanoTime();
        for (int i = 0; i < latencies.length; i++) {
            java.util.concurrent.CompletableFuture<java.util.Optional<Task>> waiting =
                    p.waiting().claim(CALLER, agent, false, Duration.ofSeconds(10));
            p.queue().enqueue(CALLER, newTask("/repo/bench-wake", sequence));
            long enqueued = System.nanoTime();
            Task task = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
            latencies[i] = System.nanoTime() - enqueued;
            p.queue().start(CALLER, task.id(), task.lease().token());
            p.queue().complete(CALLER, task.id(), task.lease().token(), "done");
        }
        Stats stats = new Stats("waiting claim answered after an enqueue", latencies.length, latencies.length,
                System.nanoTime() - began, latencies);
        results.figures.put("wakeup.p99", stats.p99Millis());
        results.rows.add(new String[] {"waiting claim answered after an enqueue (1,000 tries)", "", "", "",
                Results.ms(stats.p50Millis()), Results.ms(stats.p99Millis()), "", "", "", ""});
    }

    /** The whole store's integrity check (quick engine check and every rule), timed; median of the repeats. */
    private void integrity(Project p, String scale) throws Exception {
        StoreIntegrity check = new StoreIntegrityService(p.store().unitOfWork(), p.store().integrity(),
                java.time.Clock.systemUTC());
        long[] found = new long[2];
        Stats[] median = harness.alternated(() -> harness.sequential("integrity check", 1, 1, i -> {
            StoreIntegrity.Report report = check.check(false);
            found[0] = report.errors();
            found[1] = report.warnings();
        }));
        double seconds = median[0].p50Millis() / 1000;
        results.figures.put("integrity.seconds", seconds);
        results.rows.add(new String[] {"integrity check of the whole store " + scale + " (quick engine check)",
                "", "", "", Results.ms(median[0].p50Millis()), "", "", "", "", ""});
        results.notes.add(String.format("Integrity check %s: %.1f s (median of %d), %d errors and %d warnings found"
                + " in the generated data (its agents' counters are not derived from its tasks).", scale, seconds,
                harness.repeats(), found[0], found[1]));
    }

    /**
     * 16 threads enqueueing one task per unit each, against raw; and one caller enqueueing the same tasks,
     * alternated with them run by run. The group-commit target compares the 16 producers with that caller:
     * this disk's fsync time drifts by 2-3 x over minutes, so two rates measured minutes apart (as the
     * "single enqueue" row is) compare the disk's moods, not the store's concurrency.
     */
    private void producers(Project p, RawJdbc raw, AtomicLong sequence) throws Exception {
        int perThread = 400;
        Stats[] medians = harness.alternated(
                () -> harness.concurrent("single enqueue, 16 producers", 16, perThread,
                        (t, i) -> p.queue().enqueue(CALLER, newTask("/repo/bench-16", sequence))),
                () -> concurrentRaw("single enqueue, 16 producers", 16, perThread, raw, sequence),
                () -> harness.sequential("single enqueue, one caller beside 16 producers", 2_000, 1,
                        i -> p.queue().enqueue(CALLER, newTask("/repo/bench-16", sequence))));
        results.row("single enqueue, 16 concurrent producers", medians[0], medians[1]);
        results.rows.add(new String[] {"single enqueue, one caller, alternated with the 16 producers (project)",
            fmt(medians[2].rate()), "", "", ms(medians[2].p50Millis()), ms(medians[2].p99Millis()), "", "", "", ""});
        results.figures.put("enqueue16.project", medians[0].rate());
        results.figures.put("enqueue16.single", medians[2].rate());
    }

    private void claimAndComplete(Project p, RawJdbc raw) throws Exception {
        // Claims and completions: agents of the generated population, each free, one claim each.
        // Project agents count from 0 (the soak starts at 2,000); the raw copies from 5,000 and 6,500.
        int claims = 300;
        List<List<String[]>> claimedProject = new ArrayList<>();
        List<List<String[]>> claimedRaw = new ArrayList<>();
        List<List<String[]>> claimedFewest = new ArrayList<>();
        int[] agentCursor = {0};
        compare("claim", claims, 1, runsInto(claimedProject, i -> {
            String agentId = agentId(agentCursor[0]++);
            Task task = p.queue().claim(CALLER, agentId, false).orElseThrow();
            return new String[] {task.id(), task.lease().token(), agentId, task.repositoryPath()};
        }), rawClaims(claimedRaw, 5000, raw::claim), rawClaims(claimedFewest, 6500, raw::claimFewest));
        for (List<String[]> run : claimedProject) {
            for (String[] c : run) {
                p.queue().start(CALLER, c[0], c[1]);
            }
        }
        for (List<List<String[]>> runs : List.of(claimedRaw, claimedFewest)) {
            for (List<String[]> run : runs) {
                for (String[] c : run) {
                    raw.start(c[0]);
                }
            }
        }
        if (wanted("complete")) {
            compare("complete", claims, 1,
                    completions(claimedProject, c -> p.queue().complete(CALLER, c[0], c[1], "ok")),
                    completions(claimedRaw, c -> raw.complete(c[0], c[2], c[3])),
                    completions(claimedFewest, c -> raw.completeFewest(c[0], c[2], c[3])));
        } else {
            // Untimed, so that later measurements find these agents free (a partial run of "claim,small"
            // stopped on "agent-01200 cannot take work: it is BUSY").
            for (List<String[]> run : claimedProject) {
                for (String[] c : run) {
                    p.queue().complete(CALLER, c[0], c[1], "ok");
                }
            }
        }
    }

    private interface Claim {
        String[] run(int i) throws Exception;
    }

    private interface RawClaim {
        String claim(String agentId, String path) throws Exception;
    }

    private interface Completion {
        void run(String[] claimed) throws Exception;
    }

    /** Each run of the op starts a new list of what it claimed: {task id, lease token, agent id, path}. */
    private static Op runsInto(List<List<String[]>> runs, Claim claim) {
        return i -> {
            if (i == 0) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(claim.run(i));
        };
    }

    private static Op rawClaims(List<List<String[]>> runs, int firstAgent, RawClaim claim) {
        int[] cursor = {firstAgent};
        return runsInto(runs, i -> {
            int agent = cursor[0]++;
            String agentId = agentId(agent);
            String path = pathOf(agent);
            return new String[] {claim.claim(agentId, path), null, agentId, path};
        });
    }

    /** Completes the claims run by run, in the order they were made. */
    private static Op completions(List<List<String[]>> runs, Completion completion) {
        int[] run = {-1};
        return i -> {
            if (i == 0) {
                run[0]++;
            }
            completion.run(runs.get(run[0]).get(i));
        };
    }

    private void reads(Project p, RawJdbc raw, List<String> sampleIds) throws Exception {
        compare("get by id", 20_000, 1,
                i -> p.queue().get(CALLER, sampleIds.get(random.nextInt(sampleIds.size()))),
                readerOp(raw, (c, i) -> RawJdbc.get(c, sampleIds.get(random.nextInt(sampleIds.size())))));
        // Like the single reader: a warm-up run, then the median of the repeats.
        Stats twoReaders = harness.alternated(() -> harness.concurrent("get by id, 2 readers", 2, 20_000,
                (t, i) -> p.queue().get(CALLER, sampleIds.get((t * 7919 + i * 31) % sampleIds.size()))))[0];
        results.figures.put("get.two", twoReaders.rate());
        results.rows.add(new String[] {"get by id, 2 readers (project)", fmt(twoReaders.rate()), "", "",
                ms(twoReaders.p50Millis()), ms(twoReaders.p99Millis()), "", "", "", ""});
    }

    private void queries(Project p, RawJdbc raw, int agents) throws Exception {
        TaskQueue.TaskQuery pending = new TaskQueue.TaskQuery(EnumSet.of(TaskStatus.PENDING), null, null, null, null,
                null, null, null, null, null);
        compare("list a page of pending tasks", 300, 1,
                i -> p.queue().list(CALLER, pending, new PageRequest<>(0, 50, List.of(TaskFields.CREATED_AT.asc()))),
                readerOp(raw, (c, i) -> RawJdbc.listPending(c)));
        compare("task analytics over 30 days", 5, 1,
                i -> p.analytics().tasks(CALLER, Duration.ofDays(30), null, null),
                readerOp(raw, (c, i) -> RawJdbc.analytics(c, Instant.now().minus(Duration.ofDays(30)),
                        Instant.now())));
        compare("agent statistics (30 days)", 300, 1,
                i -> p.agents().statistics(CALLER, agentId(random.nextInt(agents)), Duration.ofDays(30)),
                readerOp(raw, (c, i) -> RawJdbc.agentStatistics(c, agentId(random.nextInt(agents)),
                        Instant.now().minus(Duration.ofDays(30)), Instant.now())));
    }

    private boolean wanted(String group) {
        return only.isEmpty() || only.contains(group);
    }

    /** 60 s of claim/start/complete by 2 workers; then the WAL's size and the lock errors seen. */
    private void soak(Project p, int agents) throws Exception {
        int seconds = Integer.parseInt(options.getOrDefault("soak-seconds", "60"));
        log("soak: claim/start/complete for %d s", seconds);
        Instant end = Instant.now().plusSeconds(seconds);
        AtomicLong cycles = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int worker = w;
            futures.add(workers.submit(() -> {
                List<Long> own = new ArrayList<>();
                // Agents 2000.. are untouched by the measurements; each worker uses its own half.
                int agent = 2000 + worker * 3000;
                while (Instant.now().isBefore(end)) {
                    String agentId = agentId(agent);
                    agent = agent + 1 >= 2000 + (worker + 1) * 3000 ? 2000 + worker * 3000 : agent + 1;
                    long begin = System.nanoTime();
                    try {
                        Task task = p.queue().claim(CALLER, agentId, false).orElse(null);
                        if (task == null) {
                            continue;
                        }
                        p.queue().start(CALLER, task.id(), task.lease().token());
                        p.queue().complete(CALLER, task.id(), task.lease().token(), "ok");
                        own.add(System.nanoTime() - begin);
                        cycles.incrementAndGet();
                    } catch (RuntimeException e) {
                        results.count(e);
                    }
                }
                latencies.add(own.stream().mapToLong(Long::longValue).toArray());
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        workers.shutdown();
        long wal = Files.exists(Path.of(p.store().path() + "-wal")) ? Files.size(Path.of(p.store().path() + "-wal"))
                : 0;
        Stats soak = new Stats("soak", cycles.get(), cycles.get(), Duration.ofSeconds(seconds).toNanos(),
                Stats.concat(new ArrayList<>(latencies)));
        results.figures.put("wal.bytes", (double) wal);
        results.notes.add(String.format("Soak: %d s of claim + start + complete by 2 workers: %,d cycles (%.0f/s),"
                        + " cycle p50 %.2f ms, p99 %.2f ms; WAL afterwards %.1f MB; \"database is locked\" errors"
                        + " during the whole run: %d (other errors: %d).", seconds, cycles.get(), soak.rate(), soak.p50Millis(),
                soak.p99Millis(), wal / 1e6, results.lockedErrors.get(), results.otherErrors.get()));
    }

    /**
     * Single enqueue and claim on a 10,000-task database against the same on the large one,
     * alternated run by run (after a warm-up run of each), so that drift of the machine over the
     * minutes of the run does not pass for an effect of size.
     */
    private void smallDatabase(Project large, String scale) throws Exception {
        log("small database: 10,000 tasks");
        Path file = directory.resolve("small.db");
        // 400 claims a run (fewer made runs of ~70 ms, which one slow fsync decided), each by an agent of its
        // own; an agent whose path has run dry takes from any.
        int claims = 400;
        populate(file, claims * (repeats + 1), 10_000);
        Project small = Project.open(file);
        // Agents 0.. of the small database; 1,200.. of the large one, whose earlier claims are all completed;
        // its claims here are completed afterwards, untimed, so the soak finds its agents free.
        int[] smallAgent = {0};
        int[] largeAgent = {1200};
        List<Task> claimedLarge = new ArrayList<>();
        try {
            Stats[] medians = harness.alternated(
                    () -> harness.sequential("enqueue, small", 1_000, 1,
                            i -> small.queue().enqueue(CALLER, newTask("/repo/bench-small", sequence))),
                    () -> harness.sequential("enqueue, large", 1_000, 1,
                            i -> large.queue().enqueue(CALLER, newTask("/repo/bench-small", sequence))),
                    () -> harness.sequential("claim, small", claims, 1,
                            i -> small.queue().claim(CALLER, agentId(smallAgent[0]++), true).orElseThrow()),
                    () -> harness.sequential("claim, large", claims, 1,
                            i -> claimedLarge.add(large.queue().claim(CALLER, agentId(largeAgent[0]++), true)
                                    .orElseThrow())));
            String[] names = {"single enqueue at 10,000 tasks", "single enqueue " + scale + ", alternated with it",
                "claim at 10,000 tasks", "claim " + scale + ", alternated with it"};
            String[] keys = {"small.enqueue", "large.enqueue", "small.claim", "large.claim"};
            for (int k = 0; k < names.length; k++) {
                Stats median = medians[k];
                results.figures.put(keys[k], median.rate());
                results.rows.add(new String[] {names[k] + " (project)", fmt(median.rate()), "", "",
                        ms(median.p50Millis()), ms(median.p99Millis()), "", "", "", ""});
            }
            for (Task task : claimedLarge) {
                large.queue().start(CALLER, task.id(), task.lease().token());
                large.queue().complete(CALLER, task.id(), task.lease().token(), "ok");
            }
        } finally {
            small.store().close();
        }
    }

    /**
     * The JSON store's cost of one write unit as the document grows: a single enqueue into a store holding
     * 1,000 tasks and one holding 100,000, alternated. (Issue 9 asks the second to reach half the first.)
     */
    private void jsonStore() throws Exception {
        log("JSON store: 1,000 and 100,000 tasks");
        try (JsonStore small = filledJsonStore(directory.resolve("json-1k").resolve("orchestrator-state.json"), 1_000);
             JsonStore large = filledJsonStore(directory.resolve("json-100k").resolve("orchestrator-state.json"),
                     100_000)) {
            Clock clock = Clock.systemUTC();
            jakarta.validation.Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
            Duration lease = Duration.ofMinutes(5);
            TaskQueue smallQueue = TaskConfiguration.taskQueue(Wiring.of(small, validator, clock, lease));
            TaskQueue largeQueue = TaskConfiguration.taskQueue(Wiring.of(large, validator, clock, lease));
            Stats[] medians = harness.alternated(
                    () -> harness.sequential("json enqueue, 1,000", 40, 1,
                            i -> smallQueue.enqueue(CALLER, newTask("/repo/bench-json", sequence))),
                    () -> harness.sequential("json enqueue, 100,000", 10, 1,
                            i -> largeQueue.enqueue(CALLER, newTask("/repo/bench-json", sequence))));
            String[] names = {"single enqueue into a JSON store holding 1,000 tasks",
                "single enqueue into a JSON store holding 100,000 tasks, alternated with it"};
            String[] keys = {"json.small.enqueue", "json.large.enqueue"};
            for (int k = 0; k < names.length; k++) {
                results.figures.put(keys[k], medians[k].rate());
                results.rows.add(new String[] {names[k] + " (project)", fmt(medians[k].rate()), "", "",
                        ms(medians[k].p50Millis()), ms(medians[k].p99Millis()), "", "", "", ""});
                log("%-75s %10s/s", names[k], fmt(medians[k].rate()));
            }
            // Measured on the same machine at commit 9081ec8, before the journal (median of the same repeats).
            results.notes.add("JSON store before the journal (each unit copied its tenant and rewrote the whole"
                    + " document): 183 /s at 1,000 tasks and 2.16 /s at 100,000 tasks (1 %).");
            results.notes.add(String.format("JSON store: enqueue at 100,000 tasks is %.0f %% of at 1,000 tasks.",
                    100 * medians[1].rate() / medians[0].rate()));
        }
    }

    /**
     * The REST service over loopback: 16 clients, each enqueue → claim → start → complete; two services side by
     * side, one without API keys (loopback callers only) and one with them (every request carries a Bearer key
     * that is looked up and checked), measured in alternation, the median round of each shown.
     */
    private void rest() throws Exception {
        int seconds = Integer.parseInt(options.getOrDefault("rest-seconds", "10"));
        int rounds = Integer.parseInt(options.getOrDefault("rest-rounds", "3"));
        log("REST: 16 clients for %d s after a warm-up, %d rounds each with and without API keys", seconds, rounds);
        ConfigurableApplicationContext open = restService("rest.db");
        ConfigurableApplicationContext keyed = restService("rest-keys.db");
        try {
            String secret = keyed.getBean(dev.orchestra.application.access.ApiKeyService.class).create(
                    new dev.orchestra.application.shared.Caller(dev.orchestra.domain.shared.TenantId.DEFAULT, "bench"),
                    "benchmark", dev.orchestra.domain.access.ApiKeyRole.OPERATOR, null).secret();
            HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
            String[] bases = {restBase(open), restBase(keyed)};
            RestLoad[] loads = {new RestLoad(results, null), new RestLoad(results, "Bearer " + secret)};
            String[] labels = {"without keys", "with keys"};
            for (int s = 0; s < 2; s++) {
                for (int c = 0; c < 16; c++) {
                    loads[s].send(client, "POST", bases[s] + "/agents", "{\"id\":\"rest-" + c + "\",\"name\":\"r\","
                            + "\"type\":\"t\",\"repositoryPath\":\"/rest/" + c + "\"}", null);
                }
                // The service has just started: the JIT compiles the web stack for many seconds, so the
                // same load runs untimed first.
                int warmup = Integer.parseInt(options.getOrDefault("rest-warmup-seconds", "15"));
                loads[s].run(client, bases[s], warmup, "warm-up " + labels[s], new LinkedHashMap<>());
            }
            List<List<Object[]>> measured = List.of(new ArrayList<>(), new ArrayList<>());
            for (int round = 0; round < rounds; round++) {
                for (int s = 0; s < 2; s++) {
                    Map<String, ConcurrentLinkedQueue<Long>> latencies = new LinkedHashMap<>();
                    AtomicLong requests = loads[s].run(client, bases[s], seconds, "measured " + labels[s] + " "
                            + (round + 1), latencies);
                    measured.get(s).add(new Object[] {requests.get() / (double) seconds, latencies});
                }
            }
            double[] rates = new double[2];
            for (int s = 0; s < 2; s++) {
                List<Object[]> runs = new ArrayList<>(measured.get(s));
                runs.sort(java.util.Comparator.comparingDouble(r -> (Double) r[0]));
                Object[] median = runs.get(runs.size() / 2);
                rates[s] = (Double) median[0];
                @SuppressWarnings("unchecked")
                Map<String, ConcurrentLinkedQueue<Long>> latencies = (Map<String, ConcurrentLinkedQueue<Long>>) median[1];
                StringBuilder line = new StringBuilder(String.format("REST over loopback, %s, 16 clients, %d s"
                        + " (median of %d rounds): %,.0f requests/s overall;", labels[s], seconds, rounds, rates[s]));
                String prefix = s == 0 ? "rest." : "rest.keys.";
                latencies.forEach((op, values) -> {
                    long[] all = values.stream().mapToLong(Long::longValue).toArray();
                    Stats stats = new Stats(op, all.length, all.length, Duration.ofSeconds(seconds).toNanos(), all);
                    results.figures.put(prefix + op + ".p99", stats.p99Millis());
                    line.append(String.format(" %s p50 %.2f ms, p99 %.2f ms (%,.0f/s);", op, stats.p50Millis(),
                            stats.p99Millis(), stats.rate()));
                });
                results.notes.add(line.toString());
            }
            results.figures.put("rest.requests", rates[0]);
            results.figures.put("rest.keys.requests", rates[1]);
            log("REST: %,.0f requests/s without keys, %,.0f with (%.0f %%)", rates[0], rates[1],
                    100 * rates[1] / rates[0]);
        } finally {
            keyed.close();
            open.close();
        }
    }

    private ConfigurableApplicationContext restService(String file) {
        return SpringApplication.run(OrchestraApplication.class, "--server.port=0",
                "--orchestra.storage.path=" + directory.resolve(file), "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }

    private static String restBase(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/api/v1";
    }

    private void compare(String name, int operations, int perOperation, Op project, Op raw)
            throws Exception {
        compare(name, operations, perOperation, project, raw, null);
    }

    /**
     * Project and raw (and, when given, raw with the fewest statements), {@link Harness#alternated}.
     */
    private void compare(String name, int operations, int perOperation, Op project, Op raw,
                         Op fewest) throws Exception {
        Measure projectRun = () -> harness.sequential(name, operations, perOperation, project);
        Measure rawRun = () -> harness.sequential(name, operations, perOperation, raw);
        Stats[] medians = fewest == null ? harness.alternated(projectRun, rawRun)
                : harness.alternated(projectRun, rawRun,
                        () -> harness.sequential(name, operations, perOperation, fewest));
        Stats p = medians[0];
        Stats w = medians[1];
        Stats f = fewest == null ? null : medians[2];
        results.figures.put(name + ".project", p.rate());
        results.figures.put(name + ".raw", w.rate());
        results.figures.put(name + ".p99", p.p99Millis());
        results.figures.put(name + ".raw.p99", w.p99Millis());
        if (f != null) {
            results.figures.put(name + ".fewest", f.rate());
        }
        results.row(name, p, w, f);
    }

    /** The baseline of 16 producers: each its own connection, each insert its own transaction. */
    private Stats concurrentRaw(String name, int threads, int perThread, RawJdbc raw, AtomicLong sequence)
            throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            connections.add(RawJdbc.connect(directory.resolve("raw.db"), false));
        }
        try {
            return harness.concurrent(name, threads, perThread, (t, i) -> {
                try {
                    raw.enqueue(connections.get(t), "raw16-" + sequence.incrementAndGet(), "/repo/bench-16");
                } catch (java.sql.SQLException e) {
                    results.count(e);
                    throw e;
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private interface ReaderOp {
        Object run(Connection reader, int i) throws Exception;
    }

    private static Op readerOp(RawJdbc raw, ReaderOp op) throws Exception {
        Connection reader = raw.reader();
        return i -> {
            try (java.sql.Statement s = reader.createStatement()) {
                s.execute("BEGIN");
            }
            op.run(reader, i);
            try (java.sql.Statement s = reader.createStatement()) {
                s.execute("COMMIT");
            }
        };
    }

    /** The databases take gigabytes at full scale; --keep true leaves them for inspection. */
    private void deleteDirectory() throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        log("deleted %s", directory);
    }

    private Path copy(Path from, Path to) throws IOException {
        // Closed stores have checkpointed their WAL: the file alone is the database.
        return Files.copy(from, to);
    }

}
