package dev.orchestra.application.task;

/** Inbound port: takes work back from agents that stopped renewing their leases. */
public interface LeaseReaper {

    /** What one sweep did, over every tenant. */
    record Sweep(int requeued, int failed, int agentsOffline) {
    }

    /**
     * Tasks whose lease has expired go back to PENDING (an ASSIGNED one unassigned, an IN_PROGRESS one
     * failed and retried while retries remain); their agents go OFFLINE when their lastPing is older
     * than a lease. Each change is audited with its reason.
     */
    Sweep sweep();
}
