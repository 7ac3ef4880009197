package dev.orchestra.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProviderUtils;
import org.jobrunr.storage.sql.sqlite.SqLiteStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The two job libraries users would otherwise pick, each on its own SQLite file with the store's
 * durability settings (WAL, {@code synchronous=FULL}), as plainly as their documentation sets them up:
 * a HikariCP pool, their own SQLite schema, jobs whose handler only counts that it ran. Each job is
 * numbered; {@link Ran} counts how often each number ran, so "exactly once" is checked, not assumed.
 */
final class Peers {
    private Peers() {
    }

    /** How often each job ran: every count must be exactly one at the end. */
    static final class Ran {
        private final AtomicIntegerArray counts;
        private final java.util.concurrent.atomic.AtomicInteger total = new java.util.concurrent.atomic.AtomicInteger();

        Ran(int jobs) {
            this.counts = new AtomicIntegerArray(jobs);
        }

        void ran(int job) {
            counts.incrementAndGet(job);
            total.incrementAndGet();
        }

        int total() {
            return total.get();
        }

        /** Throws unless every job ran exactly once. */
        void requireExactlyOnce(String system) {
            int never = 0;
            int twice = 0;
            for (int i = 0; i < counts.length(); i++) {
                int count = counts.get(i);
                if (count == 0) {
                    never++;
                } else if (count > 1) {
                    twice++;
                }
            }
            if (never > 0 || twice > 0) {
                throw new IllegalStateException(system + ": " + never + " job(s) never ran and " + twice
                        + " ran more than once, of " + counts.length());
            }
        }
    }

    /** A pooled SQLite DataSource with the store's durability settings. */
    static HikariDataSource dataSource(Path file, int poolSize) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("peer-" + file.getFileName());
        HikariDataSource dataSource = new HikariDataSource(pool);
        // The comparison is only fair if the peers pay for the same fsyncs: checked, not assumed.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String synchronous = single(statement, "PRAGMA synchronous");
            String journal = single(statement, "PRAGMA journal_mode");
            if (!"2".equals(synchronous) || !"wal".equalsIgnoreCase(journal)) {
                throw new IllegalStateException("peer connection has synchronous=" + synchronous + ", journal_mode="
                        + journal + "; expected 2 (FULL) and wal");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return dataSource;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static long count(HikariDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ JobRunr

    /** JobRunr's job: its number, serialised as JSON by JobRunr. */
    public static final class PeerJob implements JobRequest {
        private int number;

        public PeerJob() {
        }

        PeerJob(int number) {
            this.number = number;
        }

        public int getNumber() {
            return number;
        }

        public void setNumber(int number) {
            this.number = number;
        }

        @Override
        public Class<PeerJobHandler> getJobRequestHandler() {
            return PeerJobHandler.class;
        }
    }

    /** Counts that the job ran; JobRunr gets it from the activator below. */
    public static final class PeerJobHandler implements JobRequestHandler<PeerJob> {
        private final Ran ran;

        PeerJobHandler(Ran ran) {
            this.ran = ran;
        }

        @Override
        public void run(PeerJob job) {
            ran.ran(job.getNumber());
        }
    }

    /** JobRunr on one SQLite file: its storage, a scheduler for enqueueing, a server that runs jobs when started. */
    static final class JobRunr implements AutoCloseable {
        private final HikariDataSource dataSource;
        private final SqLiteStorageProvider storage;
        private final JobRequestScheduler scheduler;
        private final Jackson3JsonMapper json = new Jackson3JsonMapper();
        private final Ran ran;
        private BackgroundJobServer server;

        JobRunr(Path file, int jobs) {
            this.dataSource = dataSource(file, 10);
            this.storage = new SqLiteStorageProvider(dataSource, StorageProviderUtils.DatabaseOptions.CREATE);
            storage.setJobMapper(new JobMapper(json));
            this.scheduler = new JobRequestScheduler(storage);
            this.ran = new Ran(jobs);
        }

        void enqueue(int number) {
            scheduler.enqueue(new PeerJob(number));
        }

        void enqueueAll(int from, int count) {
            scheduler.enqueue(IntStream.range(from, from + count).mapToObj(PeerJob::new));
        }

        /** Starts 8 workers (the poll interval at JobRunr's lowest) and waits until every job has succeeded. */
        void process(int workers, int jobs) throws InterruptedException {
            PeerJobHandler handler = new PeerJobHandler(ran);
            server = new BackgroundJobServer(storage, json, new org.jobrunr.server.JobActivator() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T activateJob(Class<T> type) {
                    return (T) handler;
                }
            }, BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                    .andWorkerCount(workers).andPollInterval(Duration.ofSeconds(5)));
            server.start();
            waitUntil(() -> ran.total() >= jobs && storage.countJobs(StateName.SUCCEEDED) >= jobs, "JobRunr", jobs);
            ran.requireExactlyOnce("JobRunr");
        }

        @Override
        public void close() {
            if (server != null) {
                server.stop();
            }
            storage.close();
            dataSource.close();
        }
    }

    // ------------------------------------------------------------------ db-scheduler

    /** db-scheduler on one SQLite file: its table, a client for scheduling, a scheduler that runs when started. */
    static final class DbScheduler implements AutoCloseable {
        private final HikariDataSource dataSource;
        private final OneTimeTask<Void> task;
        private final SchedulerClient client;
        private final Ran ran;
        private Scheduler scheduler;

        DbScheduler(Path file, int jobs) {
            this.dataSource = dataSource(file, 10);
            createTable(dataSource);
            this.ran = new Ran(jobs);
            this.task = Tasks.oneTime("peer-job").execute((instance, context) ->
                    ran.ran(Integer.parseInt(instance.getId())));
            this.client = SchedulerClient.Builder.create(dataSource, task).build();
        }

        void enqueue(int number) {
            client.scheduleIfNotExists(task.instance(Integer.toString(number)), Instant.now());
        }

        void enqueueAll(int from, int count) {
            List<TaskInstance<?>> batch = new ArrayList<>(count);
            for (int i = from; i < from + count; i++) {
                batch.add(task.instance(Integer.toString(i)));
            }
            client.scheduleBatch(batch, Instant.now());
        }

        /** Starts 8 threads polling every 100 ms and waits until every job ran and its row is gone. */
        void process(int workers, int jobs) throws InterruptedException {
            scheduler = Scheduler.create(dataSource, task).threads(workers).pollingInterval(Duration.ofMillis(100))
                    .registerShutdownHook().build();
            scheduler.start();
            waitUntil(() -> ran.total() >= jobs && count(dataSource, "SELECT count(*) FROM scheduled_tasks") == 0,
                    "db-scheduler", jobs);
            ran.requireExactlyOnce("db-scheduler");
        }

        @Override
        public void close() {
            if (scheduler != null) {
                scheduler.stop();
            }
            dataSource.close();
        }

        /** db-scheduler's SQLite schema, as its own tests create it. */
        private static void createTable(HikariDataSource dataSource) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE scheduled_tasks (task_name varchar(100), task_instance varchar(100),"
                        + " task_data blob, execution_time TIMESTAMP, picked BIT, picked_by varchar(50),"
                        + " last_success TIMESTAMP, last_failure TIMESTAMP, consecutive_failures INT,"
                        + " last_heartbeat TIMESTAMP, version BIGINT, priority SMALLINT,"
                        + " PRIMARY KEY (task_name, task_instance))");
                statement.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
                statement.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
                statement.execute("CREATE INDEX priority_execution_time_idx ON scheduled_tasks"
                        + " (priority desc, execution_time asc)");
            } catch (SQLException e) {
                throw new IllegalStateException("db-scheduler's table: " + e.getMessage(), e);
            }
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls every 5 ms (the in-memory count first, the database once that is reached); gives up after 30 minutes. */
    static void waitUntil(Condition done, String system, int jobs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            try {
                if (done.holds()) {
                    return;
                }
            } catch (Exception e) {
                throw new IllegalStateException(system + ": " + e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(system + " did not process " + jobs + " jobs within 30 minutes");
            }
            Thread.sleep(5);
        }
    }
}
