package dev.orchestra.application.task;

import dev.orchestra.domain.shared.TenantId;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes the claims waiting in a tenant once a unit that made a task claimable has committed (an enqueue, a
 * retry, a lease taken back). Waiters register before they look, so work that arrives while they look is not
 * missed; a wake-up is a hint to look again, never a promise of work.
 */
public final class WorkArrivals {
    private final ConcurrentHashMap<TenantId, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /** A signal completed at the tenant's next arrival. */
    CompletableFuture<Void> register(TenantId tenant) {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        waiting.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(signal);
        return signal;
    }

    void unregister(TenantId tenant, CompletableFuture<Void> signal) {
        waiting.computeIfPresent(tenant, (t, signals) -> {
            signals.remove(signal);
            return signals.isEmpty() ? null : signals;
        });
    }

    /** Work may be claimable in {@code tenant} now; call after the unit committed. */
    public void arrived(TenantId tenant) {
        Set<CompletableFuture<Void>> signals = waiting.remove(tenant);
        if (signals != null) {
            signals.forEach(signal -> signal.complete(null));
        }
    }

    /** Claims waiting now, in every tenant (for the service's metrics and tests). */
    public int waiting() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
