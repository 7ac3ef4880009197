package dev.orchestra.bootstrap;

import dev.orchestra.adapter.sqlite.SqliteSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orchestra.*} settings.
 *
 * @param storage where and how the data is kept
 * @param tasks      task queue behaviour
 * @param resilience circuit breaker defaults and recovery
 * @param workflows  workflow recovery
 * @param chat       chat history
 * @param backup     scheduled backups
 */
@ConfigurationProperties("orchestra")
public record OrchestraProperties(@DefaultValue Storage storage, @DefaultValue Tasks tasks,
                                  @DefaultValue Resilience resilience, @DefaultValue Workflows workflows,
                                  @DefaultValue Chat chat, @DefaultValue Backup backup,
                                  @DefaultValue Retention retention,
                                  @DefaultValue Observability observability) {

    public enum StorageType { SQLITE, JSON }

    /**
     * @param type   sqlite (default) or json (the legacy document)
     * @param path   the database file; default ./data/orchestra.db, or ./data/orchestrator-state.json for json
     * @param sqlite SQLite connection settings
     * @param minFreeSpace free space below which health reports the store's disk DOWN
     */
    public record Storage(@DefaultValue("sqlite") StorageType type, Path path, @DefaultValue Sqlite sqlite,
                          @DefaultValue("64MB") org.springframework.util.unit.DataSize minFreeSpace) {
        public Path resolvedPath() {
            if (path != null) {
                return path;
            }
            return type == StorageType.JSON ? Path.of("data", "orchestrator-state.json")
                    : Path.of("data", "orchestra.db");
        }
    }

    /**
     * @param readers     read-only connections for concurrent queries
     * @param busyTimeout how long to wait for a lock held by another process
     * @param synchronous FULL (an acknowledged write survives a power loss) or NORMAL (a process crash only)
     * @param writeQueue  write units that may wait for the single writer
     * @param writeWait   how long a caller waits for room in that queue before "store busy"
     * @param maxBatch    units one transaction may group (group commit)
     * @param maxSize     the most the database file may grow to (0: no cap); past it writes answer 507
     */
    public record Sqlite(@DefaultValue("4") int readers, @DefaultValue("10s") Duration busyTimeout,
                         @DefaultValue("FULL") SqliteSettings.Synchronous synchronous,
                         @DefaultValue("1024") int writeQueue, @DefaultValue("10s") Duration writeWait,
                         @DefaultValue("256") int maxBatch,
                         @DefaultValue("0") org.springframework.util.unit.DataSize maxSize) {
        SqliteSettings settings(java.nio.file.Path path) {
            return new SqliteSettings(path, readers, busyTimeout, synchronous, writeQueue, writeWait, maxBatch,
                    maxSize.toBytes());
        }
    }

    /**
     * @param leaseDuration how long a claim is the agent's; each heartbeat renews it
     * @param reaperPeriod  how often expired leases are swept (also once at start-up)
     */
    public record Tasks(@DefaultValue("5m") Duration leaseDuration, @DefaultValue("30s") Duration reaperPeriod) {
    }

    /**
     * @param failureThreshold consecutive failures that open a new breaker's circuit
     * @param coolDown         how long a new breaker's circuit stays OPEN before a trial call
     * @param recoveryPeriod   how often OPEN circuits past their reset time become HALF_OPEN (also at start-up)
     */
    public record Resilience(@DefaultValue("5") int failureThreshold, @DefaultValue("1m") Duration coolDown,
                             @DefaultValue("10s") Duration recoveryPeriod) {
    }

    /**
     * @param leaseDuration        how long a recovery claim leases an execution; each step recorded under it
     *                             renews it
     * @param maxRecoveryAttempts  claims of one execution before it is FAILED instead of claimed again
     */
    public record Workflows(@DefaultValue("5m") Duration leaseDuration,
                            @DefaultValue("3") int maxRecoveryAttempts) {
    }

    /**
     * @param approvalSweepPeriod how often tool executions whose approval expired are cancelled (also at
     *                            start-up)
     */
    public record Chat(@DefaultValue("30s") Duration approvalSweepPeriod) {
    }

    /**
     * @param schedule when a verified backup is taken: a period ({@code 24h}, the first one a period after
     *                 start-up) or a cron expression ({@code 0 0 3 * * *}); none when unset
     * @param keep  scheduled backups kept, the newest; older ones are deleted after each new one
     */
    public record Backup(String schedule, @DefaultValue("7") int keep) {
        public Backup {
            if (schedule != null) {
                Schedule.parse("orchestra.backup.schedule", schedule);
            }
            if (keep < 1) {
                throw new IllegalArgumentException("orchestra.backup.keep must be at least 1, not " + keep);
            }
        }
    }

    /**
     * Ages per kind (see {@code RetentionKind}); {@code 0} or unset keeps a kind forever.
     *
     * @param schedule when retention runs: a period ({@code 24h}, the first run a period after start-up) or a
     *                 cron expression ({@code 0 30 3 * * *}); never when unset
     */
    public record Retention(String schedule, Duration finishedTasks,
                            @DefaultValue("90d") Duration finishedWorkflowExecutions,
                            @DefaultValue("90d") Duration routingDecisions,
                            @DefaultValue("30d") Duration circuitHistory,
                            Duration archivedChatSessions,
                            @DefaultValue("30d") Duration orchestrationLogs,
                            @DefaultValue("7d") Duration rawMetrics,
                            @DefaultValue("30d") Duration closedClientSessions,
                            Duration auditEntries) {
        public Retention {
            if (schedule != null) {
                Schedule.parse("orchestra.retention.schedule", schedule);
            }
        }

        public dev.orchestra.application.maintenance.StoreRetentionPolicy policy() {
            java.util.Map<dev.orchestra.domain.maintenance.RetentionKind, Duration> ages = new java.util.HashMap<>();
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.FINISHED_TASKS, finishedTasks);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.FINISHED_WORKFLOW_EXECUTIONS,
                    finishedWorkflowExecutions);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.ROUTING_DECISIONS, routingDecisions);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.CIRCUIT_HISTORY, circuitHistory);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.ARCHIVED_CHAT_SESSIONS, archivedChatSessions);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.ORCHESTRATION_LOGS, orchestrationLogs);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.RAW_METRICS, rawMetrics);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.CLOSED_CLIENT_SESSIONS, closedClientSessions);
            ages.put(dev.orchestra.domain.maintenance.RetentionKind.AUDIT_ENTRIES, auditEntries);
            return new dev.orchestra.application.maintenance.StoreRetentionPolicy(ages);
        }
    }

    /**
     * @param rollupPeriod     how often complete hours and days of metric samples are rolled up
     * @param clientStaleAfter how long a client session may stay silent before cleanup closes it
     * @param clientSweepPeriod how often that cleanup runs
     * @param recordServiceLogs whether the service's own warnings and errors go into the orchestration log
     */
    public record Observability(@DefaultValue("5m") Duration rollupPeriod,
                                @DefaultValue("2m") Duration clientStaleAfter,
                                @DefaultValue("30s") Duration clientSweepPeriod,
                                @DefaultValue("true") boolean recordServiceLogs) {
        public Observability {
            for (Duration d : new Duration[] {rollupPeriod, clientStaleAfter, clientSweepPeriod}) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("orchestra.observability periods must be positive, not " + d);
                }
            }
        }
    }
}
