package dev.orchestra.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One measured run: how many operations in how long, and the latency of each. */
record Stats(String name, long operations, long units, long nanos, long[] latencies) {

    /** Operations (tasks, for batches) per second. */
    double rate() {
        return operations / (nanos / 1e9);
    }

    double p50Millis() {
        return percentile(0.50);
    }

    double p99Millis() {
        return percentile(0.99);
    }

    private double percentile(double q) {
        if (latencies.length == 0) {
            return 0;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** The run with the median rate of several. */
    static Stats median(List<Stats> runs) {
        List<Stats> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.rate(), b.rate()));
        return sorted.get(sorted.size() / 2);
    }

    static long[] concat(List<long[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        long[] all = new long[length];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
