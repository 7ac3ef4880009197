package dev.orchestra.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** How a measurement is run: alternated sides after an untimed warm-up, sequential or concurrent operations. */
final class Harness {
    private final int repeats;

    Harness(int repeats) {
        this.repeats = repeats;
    }

    /** Timed runs of each side (after the untimed one). */
    int repeats() {
        return repeats;
    }

    interface Measure {
        Stats run() throws Exception;
    }

    /**
     * Runs the sides in turn: once untimed, so none is measured while the JIT compiles it, then
     * {@code repeats} rounds; returns each side's median run, in the order given.
     */
    Stats[] alternated(Measure... sides) throws Exception {
        return alternated(true, sides);
    }

    /** As {@link #alternated(Measure...)}; without {@code warmUp} for long runs whose code an earlier one warmed. */
    Stats[] alternated(boolean warmUp, Measure... sides) throws Exception {
        List<List<Stats>> runs = new ArrayList<>();
        for (Measure ignored : sides) {
            runs.add(new ArrayList<>());
        }
        for (int r = warmUp ? -1 : 0; r < repeats; r++) {
            for (int k = 0; k < sides.length; k++) {
                Stats run = sides[k].run();
                if (r >= 0) {
                    runs.get(k).add(run);
                }
            }
        }
        return runs.stream().map(Stats::median).toArray(Stats[]::new);
    }

    Stats sequential(String name, int operations, int perOperation, Op op) throws Exception {
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

    interface ThreadOp {
        void run(int thread, int i) throws Exception;
    }

    Stats concurrent(String name, int threads, int perThread, ThreadOp op) throws Exception {
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

    interface Op {
        void run(int i) throws Exception;
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
