package dev.orchestra.application.task;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.Task;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A claim that waits for work: it looks once, and if nothing is claimable it waits without a thread for the
 * tenant's next arrival ({@link WorkArrivals}) and looks again, until the wait is over. Work written by another
 * process (a second service on the same file) raises no signal here, so a waiting claim also looks again every
 * {@link #RECHECK}.
 */
public final class WaitingClaims implements AutoCloseable {
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final TaskQueue queue;
    private final WorkArrivals arrivals;
    private final ScheduledExecutorService timer;
    private final ExecutorService claims;
    private final java.util.Set<CompletableFuture<Optional<Task>>> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public WaitingClaims(TaskQueue queue, WorkArrivals arrivals) {
        this.queue = queue;
        this.arrivals = arrivals;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("claim-wait-timer"));
        this.claims = Executors.newFixedThreadPool(2, daemon("claim-wait"));
    }

    /**
     * The claimed task, or empty once {@code wait} is over with nothing to claim. The first look runs on the
     * caller's thread, so a refusal (an unknown agent, one that cannot take work) is thrown at once.
     */
    public CompletableFuture<Optional<Task>> claim(Caller caller, String agentId, boolean anyRepository,
                                                   Duration wait) {
        return claim(caller, agentId, anyRepository, false, wait);
    }

    /** As above; with {@code start} the claimed task is started in the same unit. */
    public CompletableFuture<Optional<Task>> claim(Caller caller, String agentId, boolean anyRepository,
                                                   boolean start, Duration wait) {
        if (wait == null || wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw ValidationFailed.of("wait", "must be a duration from PT0S to " + MAX_WAIT + ", not " + wait);
        }
        CompletableFuture<Optional<Task>> answer = new CompletableFuture<>();
        open.add(answer);
        answer.whenComplete((task, failure) -> open.remove(answer));
        try {
            look(caller, agentId, anyRepository, start, System.nanoTime() + wait.toNanos(), answer, true);
        } catch (RuntimeException e) {
            open.remove(answer);
            throw e;
        }
        return answer;
    }

    private void look(Caller caller, String agentId, boolean anyRepository, boolean start, long deadline,
                      CompletableFuture<Optional<Task>> answer, boolean first) {
        if (answer.isDone()) {
            return;
        }
        // Registered before looking: an arrival during the look wakes the next wait at once.
        CompletableFuture<Void> signal = arrivals.register(caller.tenant());
        Optional<Task> claimed;
        try {
            claimed = queue.claim(caller, agentId, anyRepository, start);
        } catch (RuntimeException e) {
            arrivals.unregister(caller.tenant(), signal);
            if (first) {
                throw e;
            }
            answer.completeExceptionally(e);
            return;
        }
        long left = deadline - System.nanoTime();
        if (claimed.isPresent() || left <= 0) {
            arrivals.unregister(caller.tenant(), signal);
            answer.complete(claimed);
            return;
        }
        ScheduledFuture<?> timeout = timer.schedule(() -> signal.complete(null), Math.min(left, RECHECK.toNanos()),
                TimeUnit.NANOSECONDS);
        signal.whenCompleteAsync((ignored, failure) -> {
            timeout.cancel(false);
            arrivals.unregister(caller.tenant(), signal);
            look(caller, agentId, anyRepository, start, deadline, answer, false);
        }, claims);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Answers every waiting claim with nothing (a 204: the agent asks again) and stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        claims.shutdownNow();
        java.util.List.copyOf(open).forEach(answer -> answer.complete(Optional.empty()));
    }
}
