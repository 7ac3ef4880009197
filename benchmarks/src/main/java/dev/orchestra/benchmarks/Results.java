package dev.orchestra.benchmarks;

import static dev.orchestra.benchmarks.BenchmarkData.PATHS;
import static dev.orchestra.benchmarks.Harness.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What a run found: the table's rows, the notes, the figures the targets are judged on, the errors; and RESULTS.md. */
final class Results {
    private final Map<String, String> options;
    private final int repeats;
    private final java.util.Set<String> only;
    final AtomicLong lockedErrors = new AtomicLong();
    final AtomicLong otherErrors = new AtomicLong();
    final List<String[]> rows = new ArrayList<>();
    /** The store against JobRunr and db-scheduler: one row per scenario. */
    final List<String[]> peerRows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Double> figures = new LinkedHashMap<>();

    Results(Map<String, String> options, int repeats, java.util.Set<String> only) {
        this.options = options;
        this.repeats = repeats;
        this.only = only;
    }

    void row(String name, Stats project, Stats raw) {
        row(name, project, raw, null);
    }

    void row(String name, Stats project, Stats raw, Stats fewest) {
        rows.add(new String[] {name, fmt(project.rate()), fmt(raw.rate()),
                String.format("%.0f %%", 100 * project.rate() / raw.rate()), ms(project.p50Millis()),
                ms(project.p99Millis()), ms(raw.p50Millis()), ms(raw.p99Millis()),
                fewest == null ? "" : fmt(fewest.rate()),
                fewest == null ? "" : String.format("%.0f %%", 100 * project.rate() / fewest.rate())});
        log("%-45s project %10s/s  raw %10s/s  %s%s", name, fmt(project.rate()), fmt(raw.rate()),
                String.format("%.0f %%", 100 * project.rate() / raw.rate()),
                fewest == null ? "" : String.format("  fewest %s/s", fmt(fewest.rate())));
    }

    void writeResults(String engine, int agents, long tasks, Duration took) throws IOException {
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
        if (!peerRows.isEmpty()) {
            md.append("### Against JobRunr and db-scheduler on SQLite\n\n")
                    .append("| scenario | store /s | JobRunr /s | db-scheduler /s | store / faster peer | store p50 |")
                    .append(" JobRunr p50 | db-scheduler p50 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String[] row : peerRows) {
                md.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            md.append('\n');
        }
        for (String note : notes) {
            md.append(note).append("\n\n");
        }
        md.append(targets());
        Path results = Path.of(options.getOrDefault("results", "RESULTS.md"));
        Files.writeString(results, md.toString());
        System.out.println(md);
        log("results written to %s", results.toAbsolutePath());
    }

    String targets() {
        StringBuilder t = new StringBuilder("## Targets\n\n");
        target(t, "batch enqueue >= 70 % of raw", ratio("batch enqueue (1,000 per unit)"), 0.70);
        target(t, "single enqueue >= 60 % of raw", ratio("single enqueue"), 0.60);
        target(t, "complete >= 60 % of raw", ratio("complete"), 0.60);
        target(t, "16 producers >= 3 x single enqueue (one caller, alternated with them)", fig("enqueue16.project")
                / fig("enqueue16.single") / 3.0, 1.0);
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
        double wakeupP99 = fig("wakeup.p99");
        if (!Double.isNaN(wakeupP99)) {
            t.append("- waiting claim answered within 50 ms of an enqueue (p99): ").append(wakeupP99 < 50 ? "holds"
                    : "misses").append(String.format(" (%.2f ms)%n", wakeupP99));
        }
        double enqueueP99 = fig("rest.enqueue.p99");
        if (!Double.isNaN(enqueueP99)) {
            t.append("- REST enqueue p99 < 20 ms: ").append(enqueueP99 < 20 ? "holds" : "misses")
                    .append(String.format(" (%.2f ms)%n", enqueueP99));
        }
        target(t, "workflow step record >= 60 % of raw", ratio(OrchestrationBenchmark.STEP), 0.60);
        target(t, "16 concurrent executions >= 3 x one caller's step rate", fig("step16.project")
                / fig(OrchestrationBenchmark.STEP + ".project") / 3.0, 1.0);
        double integrity = fig("integrity.seconds");
        if (!Double.isNaN(integrity)) {
            t.append("- integrity check of the whole store < 30 s: ").append(integrity < 30 ? "holds" : "misses")
                    .append(String.format(" (%.1f s)%n", integrity));
        }
        target(t, "chat appends to 16 sessions >= 3 x one writer", fig("chat.append16.project")
                / fig(ChatBenchmark.APPEND + ".project") / 3.0, 1.0);
        double searchP99 = fig("chat.search.p99");
        if (!Double.isNaN(searchP99)) {
            t.append("- chat search p99 < 50 ms: ").append(searchP99 < 50 ? "holds" : "misses")
                    .append(String.format(" (%.2f ms)%n", searchP99));
        }
        target(t, "REST load with API keys >= 90 % of without", fig("rest.keys.requests") / fig("rest.requests"),
                0.90);
        for (String[] peer : new String[][] {{"processing.small", "processing with 8 workers (fewer queued jobs)", "1.2"},
                {"processing.large", "processing with 8 workers (more queued jobs)", "1.2"},
                {"single", "single enqueue, one caller", "1.0"}, {"sixteen", "single enqueue, 16 callers", "1.2"},
                {"bulk", "bulk enqueue", "1.2"}}) {
            double bar = Double.parseDouble(peer[2]);
            target(t, peer[1] + " >= " + peer[2] + " x the faster peer", fig("peers." + peer[0] + ".ratio") / bar,
                    1.0);
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
    double fig(String key) {
        Double value = figures.get(key);
        return value == null ? Double.NaN : value;
    }

    double ratio(String name) {
        return fig(name + ".project") / fig(name + ".raw");
    }

    static void target(StringBuilder into, String name, double value, double threshold) {
        if (Double.isNaN(value)) {
            into.append("- ").append(name).append(": not measured in this run\n");
            return;
        }
        into.append("- ").append(name).append(": ").append(value >= threshold ? "holds" : "misses")
                .append(String.format(" (%.2f of the bar)%n", value / threshold));
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM")
                    .orElse("? RAM");
        } catch (IOException e) {
            return "? RAM";
        }
    }

    static String fmt(double rate) {
        return rate < 10 ? String.format("%.2f", rate) : String.format("%,.0f", rate);
    }

    static String ms(double millis) {
        return String.format("%.2f ms", millis);
    }

    void count(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("locked") || message.contains("SQLITE_BUSY")) {
            lockedErrors.incrementAndGet();
        } else {
            otherErrors.incrementAndGet();
        }
    }
}
