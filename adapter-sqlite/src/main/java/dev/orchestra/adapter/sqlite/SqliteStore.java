package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.MessageAttachments;
import dev.orchestra.domain.chat.ToolExecutions;
import dev.orchestra.domain.integrity.IntegrityCheck;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Tasks;
import dev.orchestra.domain.resilience.CircuitBreakers;
import dev.orchestra.domain.routing.RoutingDecisions;
import dev.orchestra.domain.workflow.WorkflowDefinitions;
import dev.orchestra.domain.workflow.WorkflowExecutions;
import dev.orchestra.domain.template.TaskTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * The SQLite store: opens (and creates) the file, refuses an engine with known corruption bugs and a
 * schema newer than this code, applies the migrations, and hands out the ports. The server and the
 * command line both open the store through here, so both migrate the same way.
 */
public final class SqliteStore implements Store {
    public static final String MIGRATIONS = "classpath:db/migration/sqlite";
    /** Distinct SQL texts kept prepared per connection: the ports issue fewer than this, so all stay parsed. */
    private static final int STATEMENTS_PER_CONNECTION = 256;

    private final SqliteSettings settings;
    private final SqliteUnitOfWork unitOfWork;
    private final String engineVersion;
    private final SqliteAgents agents;
    private final SqliteTasks tasks;
    private final SqliteCodeRepositories repositories;
    private final SqlitePreferences preferences;
    private final SqliteAuditTrail auditTrail;
    private final SqliteLegacyImports legacyImports;
    private final SqliteMaintenance maintenance;
    private final SqliteTaskTemplates templates;
    private final SqliteCircuitBreakers circuitBreakers;
    private final SqliteRoutingDecisions routingDecisions;
    private final SqliteWorkflowDefinitions workflowDefinitions;
    private final SqliteWorkflowExecutions workflowExecutions;
    private final SqliteChatSessions chatSessions;
    private final SqliteToolExecutions toolExecutions;
    private final SqliteMessageAttachments attachments;
    private final SqliteIntegrityCheck integrity;
    private final SqliteRetention retention;
    private final SqliteOrchestrationLogs logs;
    private final SqlitePerformanceMetrics metrics;
    private final SqliteClientSessions clientSessions;
    private final SqliteApiKeys apiKeys;

    private SqliteStore(SqliteSettings settings, SqliteUnitOfWork unitOfWork, String engineVersion) {
        this.settings = settings;
        this.unitOfWork = unitOfWork;
        this.engineVersion = engineVersion;
        unitOfWork.folder(settings.path().toAbsolutePath().getParent());
        this.agents = new SqliteAgents(unitOfWork);
        this.tasks = new SqliteTasks(unitOfWork);
        this.repositories = new SqliteCodeRepositories(unitOfWork);
        this.preferences = new SqlitePreferences(unitOfWork);
        this.auditTrail = new SqliteAuditTrail(unitOfWork);
        this.legacyImports = new SqliteLegacyImports(unitOfWork);
        this.maintenance = new SqliteMaintenance(unitOfWork, settings);
        this.templates = new SqliteTaskTemplates(unitOfWork);
        this.circuitBreakers = new SqliteCircuitBreakers(unitOfWork);
        this.routingDecisions = new SqliteRoutingDecisions(unitOfWork);
        this.workflowDefinitions = new SqliteWorkflowDefinitions(unitOfWork);
        this.workflowExecutions = new SqliteWorkflowExecutions(unitOfWork);
        this.chatSessions = new SqliteChatSessions(unitOfWork);
        this.toolExecutions = new SqliteToolExecutions(unitOfWork);
        this.attachments = new SqliteMessageAttachments(unitOfWork);
        this.integrity = new SqliteIntegrityCheck(unitOfWork);
        this.retention = new SqliteRetention(unitOfWork, maintenance);
        this.logs = new SqliteOrchestrationLogs(unitOfWork);
        this.metrics = new SqlitePerformanceMetrics(unitOfWork);
        this.clientSessions = new SqliteClientSessions(unitOfWork);
        this.apiKeys = new SqliteApiKeys(unitOfWork);
    }

    public static SqliteStore open(SqliteSettings settings) {
        Path file = settings.path().toAbsolutePath();
        createFolder(file);
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = connect(file, settings, false);
            opened.add(writer);
            String version = query(writer, "SELECT sqlite_version()");
            SqliteEngine.requireSupported(version);
            migrate(dataSource(file, settings, false));
            verifyPragmas(writer, settings, "writer");
            if (settings.maxSizeBytes() > 0) {
                long pageSize = Long.parseLong(query(writer, "PRAGMA page_size"));
                query(writer, "PRAGMA max_page_count = " + Math.max(1, settings.maxSizeBytes() / pageSize));
            }
            List<SqliteUnitOfWork.Session> readers = new ArrayList<>();
            for (int i = 0; i < settings.readers(); i++) {
                Connection reader = connect(file, settings, true);
                opened.add(reader);
                verifyPragmas(reader, settings, "reader " + (i + 1));
                readers.add(session(reader));
            }
            return new SqliteStore(settings, new SqliteUnitOfWork(session(writer), readers, settings.busyTimeout(),
                    settings.writeQueue(), settings.maxBatch(), settings.writeWait()), version);
        } catch (SQLException e) {
            closeAll(opened);
            throw new StoreFailure("cannot open SQLite database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * The single writer's figures: units waiting now, units run and transactions committed so far (their ratio
     * is the group-commit batch size), and the time units spent waiting for their turn.
     */
    public record WriteStatistics(int queued, long units, long commits, long waitedNanos) {
    }

    public WriteStatistics writeStatistics() {
        return unitOfWork.statistics();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public Agents agents() {
        return agents;
    }

    public Tasks tasks() {
        return tasks;
    }

    public CodeRepositories repositories() {
        return repositories;
    }

    public Preferences preferences() {
        return preferences;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public LegacyImports legacyImports() {
        return legacyImports;
    }

    public StoreMaintenance maintenance() {
        return maintenance;
    }

    public TaskTemplates templates() {
        return templates;
    }

    @Override
    public CircuitBreakers circuitBreakers() {
        return circuitBreakers;
    }

    @Override
    public RoutingDecisions routingDecisions() {
        return routingDecisions;
    }

    @Override
    public WorkflowDefinitions workflowDefinitions() {
        return workflowDefinitions;
    }

    @Override
    public WorkflowExecutions workflowExecutions() {
        return workflowExecutions;
    }

    @Override
    public ChatSessions chatSessions() {
        return chatSessions;
    }

    @Override
    public ToolExecutions toolExecutions() {
        return toolExecutions;
    }

    @Override
    public MessageAttachments attachments() {
        return attachments;
    }

    @Override
    public IntegrityCheck integrity() {
        return integrity;
    }

    @Override
    public dev.orchestra.domain.maintenance.StoreRetention retention() {
        return retention;
    }

    @Override
    public dev.orchestra.domain.observability.OrchestrationLogs logs() {
        return logs;
    }

    @Override
    public dev.orchestra.domain.observability.PerformanceMetrics metrics() {
        return metrics;
    }

    @Override
    public dev.orchestra.domain.observability.ClientSessions clientSessions() {
        return clientSessions;
    }

    @Override
    public dev.orchestra.domain.access.ApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public String description() {
        return "SQLite " + engineVersion() + " database " + path().toAbsolutePath();
    }

    public String engineVersion() {
        return engineVersion;
    }

    public Path path() {
        return settings.path();
    }

    @Override
    public void close() {
        unitOfWork.close();
    }

    static SQLiteDataSource dataSource(Path file, SqliteSettings settings, boolean readOnly) {
        // Pragmas go through SQLiteConfig, applied on every connection it opens: an init SQL with
        // several statements would silently run only the first.
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        // Keys are ours (UUIDv7 text), never generated: without this the driver runs a
        // "SELECT last_insert_rowid()" after every INSERT and keeps it open until the next one.
        config.setGetGeneratedKeys(false);
        // Each unit's SAVEPOINT gives its writes a statement journal; on disk that was a temporary
        // file created and unlinked per unit.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setSynchronous(settings.synchronous() == SqliteSettings.Synchronous.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        if (readOnly) {
            config.setOpenMode(SQLiteOpenMode.READONLY);
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static Connection connect(Path file, SqliteSettings settings, boolean readOnly) throws SQLException {
        return dataSource(file, settings, readOnly).getConnection();
    }

    private static SqliteUnitOfWork.Session session(Connection connection) {
        Connection cached = StatementCache.wrap(connection, STATEMENTS_PER_CONNECTION);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(cached, true);
        NamedParameterJdbcTemplate template = new NamedParameterJdbcTemplate(dataSource);
        return new SqliteUnitOfWork.Session(cached, JdbcClient.create(template), template);
    }

    static void migrate(SQLiteDataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
        // Flyway ignores migrations it does not know by default; a newer schema must stop us instead.
        List<String> future = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .map(String::valueOf)
                .collect(Collectors.toList());
        if (!future.isEmpty()) {
            throw new StoreFailure("the database schema is newer than this program knows (version "
                    + String.join(", ", future) + "); use a newer Orchestra Store to open it");
        }
        flyway.migrate();
    }

    private static void verifyPragmas(Connection connection, SqliteSettings settings, String which)
            throws SQLException {
        expect(which, "journal_mode", query(connection, "PRAGMA journal_mode"), "wal");
        expect(which, "foreign_keys", query(connection, "PRAGMA foreign_keys"), "1");
        expect(which, "synchronous", query(connection, "PRAGMA synchronous"),
                settings.synchronous() == SqliteSettings.Synchronous.FULL ? "2" : "1");
        expect(which, "temp_store", query(connection, "PRAGMA temp_store"), "2");
        expect(which, "busy_timeout", query(connection, "PRAGMA busy_timeout"),
                String.valueOf(settings.busyTimeout().toMillis()));
    }

    private static void expect(String which, String pragma, String actual, String wanted) {
        if (!wanted.equalsIgnoreCase(actual)) {
            throw new StoreFailure("SQLite " + which + " connection has " + pragma + "=" + actual + ", expected "
                    + wanted);
        }
    }

    static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void createFolder(Path file) {
        try {
            Path folder = file.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new StoreFailure("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Already failing to open; the first error is the one to report.
            }
        }
    }
}
