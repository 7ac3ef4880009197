package dev.orchestra.benchmarks;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.application.analytics.Analytics;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.bootstrap.AgentConfiguration;
import dev.orchestra.bootstrap.AnalyticsConfiguration;
import dev.orchestra.bootstrap.OrchestraApplication;
import dev.orchestra.bootstrap.TaskConfiguration;
import dev.orchestra.bootstrap.Wiring;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.task.TaskStatus;
import jakarta.validation.Validation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Builds a database of {@code --agents} agents and {@code --tasks} tasks, copies it for a raw-JDBC
 * baseline, and measures the store's use cases against hand-written JDBC doing the same statements,
 * alternating the two, each measurement repeated {@code --repeats} times; then a claim/complete soak,
 * a small-database comparison, and the REST service under 16 clients. Writes a Markdown table.
 */
public final class StoreBenchmark {
    private static final Caller CALLER = new Caller(TenantId.DEFAULT, "bench");
    private static final int PATHS = 100;

    private final Map<String, String> options;
    private final Path directory;
    private final int repeats;
    private final java.util.Set<String> only;
    private final Random random = new Random(42);
    /** One numbering for every task the measurements create, so no two of them share an id. */
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong lockedErrors = new AtomicLong();
    private final AtomicLong otherErrors = new AtomicLong();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Double> figures = new LinkedHashMap<>();

    /** One store with its use cases. */
    private record Project(SqliteStore store, TaskQueue queue, AgentRegistry agents, Analytics analytics) {
        static Project open(Path file) {
            SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file));
            // The service's own wiring: the same factories the Spring configuration calls.
            Wiring wiring = Wiring.of(store, Validation.buildDefaultValidatorFactory().getValidator(),
                    Clock.systemUTC(), Duration.ofMinutes(5));
            return new Project(store, TaskConfiguration.taskQueue(wiring), AgentConfiguration.agentRegistry(wiring),
                    AnalyticsConfiguration.analytics(wiring));
        }
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    private StoreBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.repeats = Integer.parseInt(options.getOrDefault("repeats", "5"));
        // --only batch,single,producers,claim,complete,get,list,analytics,statistics,soak,small,json,rest
        this.only = options.containsKey("only")
                ? java.util.Set.of(options.get("only").split(",")) : java.util.Set.of();
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
        } finally {
            project.store().close();
            raw.close();
        }
        if (wanted("rest")) {
            rest();
        }
        writeResults(engine, agents, tasks, Duration.between(started, Instant.now()));
    }

    // ------------------------------------------------------------------ the measurements

    private void measureAll(Project p, RawJdbc raw, List<String> sampleIds, int agents, String scale)
            throws Exception {
        notes.add("Scale of the table above, where not said otherwise: " + scale + ".");
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
    }

    /** 16 threads enqueueing one task per unit each; a warm-up run, then the median of the repeats. */
    private void producers(Project p, RawJdbc raw, AtomicLong sequence) throws Exception {
        int perThread = 200;
        Stats[] medians = alternated(
                () -> concurrent("single enqueue, 16 producers", 16, perThread,
                        (t, i) -> p.queue().enqueue(CALLER, newTask("/repo/bench-16", sequence))),
                () -> concurrentRaw("single enqueue, 16 producers", 16, perThread, raw, sequence));
        row("single enqueue, 16 concurrent producers", medians[0], medians[1]);
        figures.put("enqueue16.project", medians[0].rate());
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
        Stats twoReaders = alternated(() -> concurrent("get by id, 2 readers", 2, 20_000,
                (t, i) -> p.queue().get(CALLER, sampleIds.get((t * 7919 + i * 31) % sampleIds.size()))))[0];
        figures.put("get.two", twoReaders.rate());
        rows.add(new String[] {"get by id, 2 readers (project)", fmt(twoReaders.rate()), "", "",
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
                        count(e);
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
        figures.put("wal.bytes", (double) wal);
        notes.add(String.format("Soak: %d s of claim + start + complete by 2 workers: %,d cycles (%.0f/s), cycle"
                        + " p50 %.2f ms, p99 %.2f ms; WAL afterwards %.1f MB; \"database is locked\" errors during the"
                        + " whole run: %d (other errors: %d).", seconds, cycles.get(), soak.rate(), soak.p50Millis(),
                soak.p99Millis(), wal / 1e6, lockedErrors.get(), otherErrors.get()));
    }

    /**
     * Single enqueue and claim on a 10,000-task database against the same on the large one,
     * alternated run by run (after a warm-up run of each), so that drift of the machine over the
     * minutes of the run does not pass for an effect of size.
     */
    private void smallDatabase(Project large, String scale) throws Exception {
        log("small database: 10,000 tasks");
        Path file = directory.resolve("small.db");
        // 80 claims a run, each by an agent of its own; an agent whose path has run dry takes from any.
        populate(file, Math.max(400, 80 * (repeats + 1)), 10_000);
        Project small = Project.open(file);
        // Agents 0.. of the small database; 1,200.. of the large one, whose earlier claims are all completed.
        int[] smallAgent = {0};
        int[] largeAgent = {1200};
        try {
            Stats[] medians = alternated(
                    () -> sequential("enqueue, small", 300, 1,
                            i -> small.queue().enqueue(CALLER, newTask("/repo/bench-small", sequence))),
                    () -> sequential("enqueue, large", 300, 1,
                            i -> large.queue().enqueue(CALLER, newTask("/repo/bench-small", sequence))),
                    () -> sequential("claim, small", 80, 1,
                            i -> small.queue().claim(CALLER, agentId(smallAgent[0]++), true).orElseThrow()),
                    () -> sequential("claim, large", 80, 1,
                            i -> large.queue().claim(CALLER, agentId(largeAgent[0]++), true).orElseThrow()));
            String[] names = {"single enqueue at 10,000 tasks", "single enqueue " + scale + ", alternated with it",
                "claim at 10,000 tasks", "claim " + scale + ", alternated with it"};
            String[] keys = {"small.enqueue", "large.enqueue", "small.claim", "large.claim"};
            for (int k = 0; k < names.length; k++) {
                Stats median = medians[k];
                figures.put(keys[k], median.rate());
                rows.add(new String[] {names[k] + " (project)", fmt(median.rate()), "", "",
                        ms(median.p50Millis()), ms(median.p99Millis()), "", "", "", ""});
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
            Stats[] medians = alternated(
                    () -> sequential("json enqueue, 1,000", 40, 1,
                            i -> smallQueue.enqueue(CALLER, newTask("/repo/bench-json", sequence))),
                    () -> sequential("json enqueue, 100,000", 10, 1,
                            i -> largeQueue.enqueue(CALLER, newTask("/repo/bench-json", sequence))));
            String[] names = {"single enqueue into a JSON store holding 1,000 tasks",
                "single enqueue into a JSON store holding 100,000 tasks, alternated with it"};
            String[] keys = {"json.small.enqueue", "json.large.enqueue"};
            for (int k = 0; k < names.length; k++) {
                figures.put(keys[k], medians[k].rate());
                rows.add(new String[] {names[k] + " (project)", fmt(medians[k].rate()), "", "",
                        ms(medians[k].p50Millis()), ms(medians[k].p99Millis()), "", "", "", ""});
                log("%-75s %10s/s", names[k], fmt(medians[k].rate()));
            }
            notes.add(String.format("JSON store: enqueue at 100,000 tasks is %.0f %% of at 1,000 tasks.",
                    100 * medians[1].rate() / medians[0].rate()));
        }
    }

    private static JsonStore filledJsonStore(Path file, int tasks) throws IOException {
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

    /** The REST service over loopback: 16 clients, each enqueue → claim → start → complete. */
    private void rest() throws Exception {
        int seconds = Integer.parseInt(options.getOrDefault("rest-seconds", "20"));
        log("REST: 16 clients for %d s after a warm-up", seconds);
        ConfigurableApplicationContext context = SpringApplication.run(OrchestraApplication.class,
                "--server.port=0", "--orchestra.storage.path=" + directory.resolve("rest.db"),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
            String base = "http://127.0.0.1:" + port + "/api/v1";
            for (int c = 0; c < 16; c++) {
                send(client, "POST", base + "/agents", "{\"id\":\"rest-" + c + "\",\"name\":\"r\",\"type\":\"t\","
                        + "\"repositoryPath\":\"/rest/" + c + "\"}", null);
            }
            // The service has just started: the JIT compiles the web stack for many seconds, so the
            // same load runs untimed first.
            int warmup = Integer.parseInt(options.getOrDefault("rest-warmup-seconds", "15"));
            restLoad(client, base, warmup, "warm-up", new LinkedHashMap<>());
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new LinkedHashMap<>();
            AtomicLong requests = restLoad(client, base, seconds, "measured", latencies);
            StringBuilder line = new StringBuilder(String.format("REST over loopback, 16 clients, %d s: %,.0f"
                    + " requests/s overall;", seconds, requests.get() / (double) seconds));
            latencies.forEach((op, values) -> {
                long[] all = values.stream().mapToLong(Long::longValue).toArray();
                Stats stats = new Stats(op, all.length, all.length, Duration.ofSeconds(seconds).toNanos(), all);
                figures.put("rest." + op + ".p99", stats.p99Millis());
                line.append(String.format(" %s p50 %.2f ms, p99 %.2f ms (%,.0f/s);", op, stats.p50Millis(),
                        stats.p99Millis(), stats.rate()));
            });
            notes.add(line.toString());
        } finally {
            context.close();
        }
    }

    // ------------------------------------------------------------------ harness

    private void compare(String name, int operations, int perOperation, Op project, Op raw) throws Exception {
        compare(name, operations, perOperation, project, raw, null);
    }

    /**
     * Project and raw (and, when given, raw with the fewest statements), {@link #alternated}.
     */
    private void compare(String name, int operations, int perOperation, Op project, Op raw, Op fewest)
            throws Exception {
        Measure projectRun = () -> sequential(name, operations, perOperation, project);
        Measure rawRun = () -> sequential(name, operations, perOperation, raw);
        Stats[] medians = fewest == null ? alternated(projectRun, rawRun)
                : alternated(projectRun, rawRun, () -> sequential(name, operations, perOperation, fewest));
        Stats p = medians[0];
        Stats w = medians[1];
        Stats f = fewest == null ? null : medians[2];
        figures.put(name + ".project", p.rate());
        figures.put(name + ".raw", w.rate());
        figures.put(name + ".p99", p.p99Millis());
        figures.put(name + ".raw.p99", w.p99Millis());
        if (f != null) {
            figures.put(name + ".fewest", f.rate());
        }
        row(name, p, w, f);
    }

    private interface Measure {
        Stats run() throws Exception;
    }

    /**
     * Runs the sides in turn: once untimed, so none is measured while the JIT compiles it, then
     * {@code repeats} rounds; returns each side's median run, in the order given.
     */
    private Stats[] alternated(Measure... sides) throws Exception {
        List<List<Stats>> runs = new ArrayList<>();
        for (Measure ignored : sides) {
            runs.add(new ArrayList<>());
        }
        for (int r = -1; r < repeats; r++) {
            for (int k = 0; k < sides.length; k++) {
                Stats run = sides[k].run();
                if (r >= 0) {
                    runs.get(k).add(run);
                }
            }
        }
        return runs.stream().map(Stats::median).toArray(Stats[]::new);
    }

    private void row(String name, Stats project, Stats raw) {
        row(name, project, raw, null);
    }

    private void row(String name, Stats project, Stats raw, Stats fewest) {
        rows.add(new String[] {name, fmt(project.rate()), fmt(raw.rate()),
                String.format("%.0f %%", 100 * project.rate() / raw.rate()), ms(project.p50Millis()),
                ms(project.p99Millis()), ms(raw.p50Millis()), ms(raw.p99Millis()),
                fewest == null ? "" : fmt(fewest.rate()),
                fewest == null ? "" : String.format("%.0f %%", 100 * project.rate() / fewest.rate())});
        log("%-45s project %10s/s  raw %10s/s  %s%s", name, fmt(project.rate()), fmt(raw.rate()),
                String.format("%.0f %%", 100 * project.rate() / raw.rate()),
                fewest == null ? "" : String.format("  fewest %s/s", fmt(fewest.rate())));
    }

    private Stats sequential(String name, int operations, int perOperation, Op op) throws Exception {
        long[] latencies = new long[operations];
        long started = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            long begin = System.nanoTime();
            op.run(i);
            latencies[i] = System.nanoTime() - begin;
        }
        return new Stats(name, (long) operations * perOperation, operations, System.nanoTime() - started,
                latencies);
    }

    private interface ThreadOp {
        void run(int thread, int i) throws Exception;
    }

    private Stats concurrent(String name, int threads, int perThread, ThreadOp op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    long begin = System.nanoTime();
                    op.run(thread, i);
                    latencies[i] = System.nanoTime() - begin;
                }
                return latencies;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        long nanos = System.nanoTime() - started;
        pool.shutdown();
        return new Stats(name, (long) threads * perThread, (long) threads * perThread, nanos, Stats.concat(all));
    }

    /** The baseline of 16 producers: each its own connection, each insert its own transaction. */
    private Stats concurrentRaw(String name, int threads, int perThread, RawJdbc raw, AtomicLong sequence)
            throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            connections.add(RawJdbc.connect(directory.resolve("raw.db"), false));
        }
        try {
            return concurrent(name, threads, perThread, (t, i) -> {
                try {
                    raw.enqueue(connections.get(t), "raw16-" + sequence.incrementAndGet(), "/repo/bench-16");
                } catch (java.sql.SQLException e) {
                    count(e);
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

    /** 16 clients, each enqueue → claim → start → complete until the time is up, into {@code latencies}. */
    private AtomicLong restLoad(HttpClient client, String base, int seconds, String what,
                                Map<String, ConcurrentLinkedQueue<Long>> latencies) throws Exception {
        log("REST %s: %d s", what, seconds);
        for (String op : List.of("enqueue", "claim", "start", "complete")) {
            latencies.put(op, new ConcurrentLinkedQueue<>());
        }
        AtomicLong requests = new AtomicLong();
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        Pattern token = Pattern.compile("\"leaseToken\":\"([^\"]+)\"");
        for (int c = 0; c < 16; c++) {
            int client16 = c;
            futures.add(clients.submit(() -> {
                int n = 0;
                while (Instant.now().isBefore(end)) {
                    String id = "rest-" + what + "-" + client16 + "-" + n++;
                    timed(latencies.get("enqueue"), requests, () -> send(client, "POST", base + "/tasks",
                            "{\"id\":\"" + id + "\",\"command\":\"c\",\"repositoryPath\":\"/rest/" + client16
                                    + "\"}", null));
                    String body = timed(latencies.get("claim"), requests, () -> send(client, "POST",
                            base + "/tasks/claim", "{\"agentId\":\"rest-" + client16 + "\"}", null));
                    Matcher m = token.matcher(body);
                    if (!m.find()) {
                        otherErrors.incrementAndGet();
                        continue;
                    }
                    String lease = m.group(1);
                    String claimed = body.substring(body.indexOf("\"id\":\"") + 6);
                    String taskId = claimed.substring(0, claimed.indexOf('"'));
                    timed(latencies.get("start"), requests, () -> send(client, "POST",
                            base + "/tasks/" + taskId + "/start", null, lease));
                    timed(latencies.get("complete"), requests, () -> send(client, "POST",
                            base + "/tasks/" + taskId + "/complete", "{\"result\":\"ok\"}", lease));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        clients.shutdown();
        return requests;
    }

    private <T> T timed(ConcurrentLinkedQueue<Long> into, AtomicLong requests, java.util.concurrent.Callable<T> call)
            throws Exception {
        long begin = System.nanoTime();
        T result = call.call();
        into.add(System.nanoTime() - begin);
        requests.incrementAndGet();
        return result;
    }

    private String send(HttpClient client, String method, String url, String json, String lease) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (lease != null) {
            request.header("X-Lease-Token", lease);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            if (response.body().contains("locked")) {
                lockedErrors.incrementAndGet();
            } else {
                otherErrors.incrementAndGet();
            }
        }
        return response.body();
    }

    private void count(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("locked") || message.contains("SQLITE_BUSY")) {
            lockedErrors.incrementAndGet();
        } else {
            otherErrors.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ data

    /** Agents on 100 paths, and tasks: 90 % finished history over 60 days, 10 % pending. */
    private List<String> populate(Path file, int agents, long tasks) {
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

    private static String agentId(int index) {
        return String.format("agent-%05d", index);
    }

    /** Agent i works on path i % 100: consecutive agents spread over the paths. */
    private static String pathOf(int agent) {
        return "/repo/" + (agent % PATHS);
    }

    private static Task.NewTask newTask(String path, AtomicLong sequence) {
        return new Task.NewTask("p-" + sequence.incrementAndGet(), "run", path, TaskPriority.NORMAL, null, null,
                null, null);
    }

    private static List<Task.NewTask> newTasks(int count, String path, AtomicLong sequence) {
        List<Task.NewTask> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(newTask(path, sequence));
        }
        return tasks;
    }

    private static List<String> ids(int count, String prefix, AtomicLong sequence) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + sequence.incrementAndGet());
        }
        return ids;
    }

    // ------------------------------------------------------------------ report

    private void writeResults(String engine, int agents, long tasks, Duration took) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `benchmarks/run` (`dev.orchestra.benchmarks.StoreBenchmark`) on ")
                .append(LocalDateTime.now(ZoneOffset.UTC).withNano(0)).append(" UTC; the run took ")
                .append(took.toMinutes()).append(" min.\n\n");
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpuModel()).append(", ").append(memory()).append(", ").append(System.getProperty("os.name"))
                .append(' ').append(System.getProperty("os.version")).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", -Xmx")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append("m\n");
        md.append("- SQLite ").append(engine).append(" (sqlite-jdbc), WAL, synchronous=FULL, foreign_keys=ON,")
                .append(" one writer with group commit (queue 1024, batch up to 256), 4 readers\n");
        md.append("- data: ").append(String.format("%,d", agents)).append(" agents on ").append(PATHS)
                .append(" repositories, ").append(String.format("%,d", tasks))
                .append(" tasks (90 % finished over 60 days, 10 % pending), time-ordered UUIDv7 ids\n");
        if (!only.isEmpty()) {
            md.append("- partial run: only ").append(String.join(", ", new java.util.TreeSet<>(only))).append('\n');
        }
        md.append("- method: project = the use cases (validation, audit entries, version checks) through the ports;")
                .append(" raw = the statements the store issues (the same reads, writes and audit rows) by hand on")
                .append(" plain JDBC with the same settings, on a copy of the same database; \"raw, fewest")
                .append(" statements\" = only the writes and one audit row; raw prepares its statements in each operation,")
                .append(" as plain JDBC does (sqlite-jdbc keeps none), while the store reuses them;")
                .append(" after one untimed warm-up run of each, alternated, ")
                .append(repeats).append(" runs each, the median run shown. Rates are operations per second (tasks per second for")
                .append(" batches); latencies are per operation (per unit for batches).\n\n");
        md.append("| measurement | project /s | raw /s | project / raw | project p50 | project p99 | raw p50 |")
                .append(" raw p99 | raw, fewest statements /s | project / fewest |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String[] row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        md.append('\n');
        for (String note : notes) {
            md.append(note).append("\n\n");
        }
        md.append(targets());
        Path results = Path.of(options.getOrDefault("results", "RESULTS.md"));
        Files.writeString(results, md.toString());
        System.out.println(md);
        log("results written to %s", results.toAbsolutePath());
    }

    private String targets() {
        StringBuilder t = new StringBuilder("## Targets\n\n");
        target(t, "batch enqueue >= 70 % of raw", ratio("batch enqueue (1,000 per unit)"), 0.70);
        target(t, "single enqueue >= 60 % of raw", ratio("single enqueue"), 0.60);
        target(t, "complete >= 60 % of raw", ratio("complete"), 0.60);
        target(t, "16 producers >= 3 x single enqueue", fig("enqueue16.project")
                / fig("single enqueue.project") / 3.0, 1.0);
        target(t, "claim >= 60 % of raw", ratio("claim"), 0.60);
        double claimP99 = fig("claim.p99");
        if (!Double.isNaN(claimP99)) {
            t.append("- claim p99 < 5 ms: ").append(claimP99 < 5 ? "holds" : "misses")
                    .append(String.format(" (%.2f ms; raw %.2f ms)%n", claimP99, fig("claim.raw.p99")));
        }
        target(t, "get by id >= 50 % of raw", ratio("get by id"), 0.50);
        target(t, "two readers >= 1.4 x one", fig("get.two") / fig("get by id.project") / 1.4, 1.0);
        target(t, "analytics <= 1.3 x raw time", ratio("task analytics over 30 days") * 1.3, 1.0);
        target(t, "enqueue at 1M >= 80 % of at 10k", fig("large.enqueue")
                / fig("small.enqueue") / 0.8, 1.0);
        target(t, "claim at 1M >= 80 % of at 10k", fig("large.claim") / fig("small.claim") / 0.8,
                1.0);
        if (!Double.isNaN(fig("wal.bytes"))) {
            t.append("- WAL after soak <= 64 MB: ").append(fig("wal.bytes") <= 64e6 ? "holds" : "misses")
                    .append(String.format(" (%.1f MB)%n", fig("wal.bytes") / 1e6));
        }
        t.append("- \"database is locked\" errors = 0: ").append(lockedErrors.get() == 0 ? "holds" : "misses")
                .append(" (").append(lockedErrors.get()).append(")\n");
        double enqueueP99 = fig("rest.enqueue.p99");
        if (!Double.isNaN(enqueueP99)) {
            t.append("- REST enqueue p99 < 20 ms: ").append(enqueueP99 < 20 ? "holds" : "misses")
                    .append(String.format(" (%.2f ms)%n", enqueueP99));
        }
        t.append("\nAgainst raw JDBC with the fewest statements (only the writes and one audit row, no reads;"
                + " not what the store does, shown for scale):");
        for (String name : List.of("batch enqueue (1,000 per unit)", "single enqueue", "claim", "complete")) {
            double fewest = fig(name + ".fewest");
            if (!Double.isNaN(fewest)) {
                t.append(String.format(" %s %.0f %%;", name, 100 * fig(name + ".project") / fewest));
            }
        }
        t.append('\n');
        return t.toString();
    }

    /** A figure of this run, or NaN when its measurement was left out (--only). */
    private double fig(String key) {
        Double value = figures.get(key);
        return value == null ? Double.NaN : value;
    }

    private double ratio(String name) {
        return fig(name + ".project") / fig(name + ".raw");
    }

    private static void target(StringBuilder into, String name, double value, double threshold) {
        if (Double.isNaN(value)) {
            into.append("- ").append(name).append(": not measured in this run\n");
            return;
        }
        into.append("- ").append(name).append(": ").append(value >= threshold ? "holds" : "misses")
                .append(String.format(" (%.2f of the bar)%n", value / threshold));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM")
                    .orElse("? RAM");
        } catch (IOException e) {
            return "? RAM";
        }
    }

    private static String fmt(double rate) {
        return rate < 10 ? String.format("%.2f", rate) : String.format("%,.0f", rate);
    }

    private static String ms(double millis) {
        return String.format("%.2f ms", millis);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
