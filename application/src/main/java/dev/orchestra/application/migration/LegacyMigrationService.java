package dev.orchestra.application.migration;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyDocuments;
import dev.orchestra.domain.migration.LegacyIds;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.migration.LegacyRepositorySummary;
import dev.orchestra.domain.migration.LegacyVisitor;
import dev.orchestra.domain.repository.AccessLevel;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.repository.RepositoryType;
import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The legacy migration: validate everything (one streaming pass, every finding with its JSON path:
 * {@link MigrationValidation}), and only then write repositories, agents and tasks in one unit of work
 * (a second streaming pass for the tasks), verify, record the import and archive the file; the report
 * is built by {@link MigrationReportBuilder}.
 */
public final class LegacyMigrationService implements LegacyMigration {
    static final String IMPORTER = "legacy-import";
    private static final int BATCH = 1000;
    private static final int SAMPLES = 100;

    private final LegacyDocuments documents;
    private final ConstraintCheck constraints;
    private final Clock clock;
    private final java.util.function.Function<Store, dev.orchestra.application.maintenance.StoreBackups> backups;

    /**
     * {@code backups} gives the backups of a target store: a target that holds data is backed up (verified,
     * with its manifest, trigger BEFORE_MIGRATION) before anything is written.
     */
    public LegacyMigrationService(LegacyDocuments documents, ConstraintCheck constraints, Clock clock,
                                  java.util.function.Function<Store, dev.orchestra.application.maintenance.StoreBackups>
                                          backups) {
        this.documents = documents;
        this.constraints = constraints;
        this.clock = clock;
        this.backups = backups;
    }

    @Override
    public List<LegacyImport> imports(Caller caller, Store target) {
        return target.unitOfWork().read(() -> target.legacyImports().list(caller.tenant()));
    }

    @Override
    public MigrationReport migrate(Caller caller, Options options, Supplier<Store> targetSupplier,
                                   MigrationProgress progress) {
        Instant started = clock.instant();
        LegacyDocuments.SourceFacts read = documents.facts(options.source());
        LegacyDocuments.SourceFacts facts = options.sourceName() == null ? read
                : new LegacyDocuments.SourceFacts(options.sourceName(), read.sizeBytes(), read.sha256());
        LegacyReadOptions readOptions = new LegacyReadOptions(caller.tenant(), options.assumeZone(),
                options.agentStatusMap());

        progress.phase("validate", facts.sizeBytes(), "bytes");
        MigrationValidation validation = new MigrationValidation(constraints, options, progress);
        LegacyDocuments.ReadSummary summary = documents.read(options.source(), readOptions, validation);
        validation.finish();
        progress.finished();
        MigrationReportBuilder report = new MigrationReportBuilder(clock, options, facts, validation, summary,
                started);
        if (validation.errors > 0) {
            return report.done(MigrationReport.Outcome.INVALID, "the file has " + validation.errors
                    + " error(s); nothing was written");
        }
        if (options.dryRun()) {
            return report.done(MigrationReport.Outcome.VALID_DRY_RUN, "the file is valid; dry run, nothing was"
                    + " written");
        }

        Store target = targetSupplier.get();
        if (target.unitOfWork().read(() -> target.legacyImports().findBySha256(caller.tenant(), facts.sha256()))
                .isPresent()) {
            return report.done(MigrationReport.Outcome.ALREADY_IMPORTED, "already imported: "
                    + facts.name() + " (SHA-256 " + facts.sha256() + ") was migrated before; nothing was written");
        }
        if (!target.unitOfWork().read(() -> target.maintenance().isEmpty())) {
            dev.orchestra.domain.maintenance.BackupManifest backup = backups.apply(target)
                    .take(dev.orchestra.domain.maintenance.BackupTrigger.BEFORE_MIGRATION);
            report.backup = backup.file();
            if (!backup.verified()) {
                return report.done(MigrationReport.Outcome.CONFLICT, "the backup of the target before the migration"
                        + " did not verify (" + backup.problem() + "); nothing was written");
            }
        }
        try {
            progress.phase("import", validation.tasks, "tasks");
            target.unitOfWork().writeVoid(() -> write(caller, options, readOptions, facts, validation, target,
                    report, progress));
            progress.finished();
        } catch (Conflict | NotFound | ValidationFailed e) {
            progress.finished();
            return report.done(MigrationReport.Outcome.CONFLICT, "the target refused the data, nothing was"
                    + " written: " + e.getMessage());
        }
        if (!options.keepSource()) {
            try {
                report.archivedAs = documents.archive(options.source(), clock.instant()).toString();
            } catch (StoreFailure e) {
                validation.warn("$", "imported, but the file could not be archived: " + e.getMessage());
            }
        }
        return report.done(MigrationReport.Outcome.IMPORTED, "imported " + validation.repositoryPaths().size()
                + " repositories, " + validation.agents.size() + " agents and " + validation.tasks + " tasks");
    }

    private void write(Caller caller, Options options, LegacyReadOptions readOptions,
                       LegacyDocuments.SourceFacts facts, MigrationValidation validation, Store target,
                       MigrationReportBuilder report, MigrationProgress progress) {
        Instant now = clock.instant();
        long agentsBefore = target.agents().count(caller.tenant(), Specification.all());
        long tasksBefore = target.tasks().count(caller.tenant(), Specification.all());

        Map<String, String> repositoryIds = new HashMap<>();
        for (String path : validation.repositoryPaths()) {
            String id = target.repositories().findByPath(caller.tenant(), path).map(CodeRepository::id)
                    .orElseGet(() -> target.repositories().add(newRepository(caller, path,
                            validation.summaryNames.get(path), now)).id());
            repositoryIds.put(path, id);
        }
        for (Agent agent : validation.agents.values()) {
            target.agents().add(withRepository(agent, repositoryIds.get(agent.repositoryPath())));
        }

        // Second streaming pass: the tasks, in batches, inside the same unit of work.
        List<Task> batch = new ArrayList<>(BATCH);
        List<Task> samples = new ArrayList<>();
        long sampleEvery = Math.max(1, validation.tasks / SAMPLES);
        long[] written = {0};
        documents.read(options.source(), readOptions, new LegacyVisitor() {
            @Override
            public void repository(LegacyRepositorySummary summary) {
            }

            @Override
            public void agent(Agent agent, String jsonPath, Integer legacyStatus) {
            }

            @Override
            public void task(Task task, String jsonPath) {
                Task ready = forImport(task, validation.agents.keySet(), repositoryIds, options);
                batch.add(ready);
                if (written[0]++ % sampleEvery == 0 && samples.size() < SAMPLES) {
                    samples.add(ready);
                }
                if (batch.size() == BATCH) {
                    target.tasks().addAll(batch);
                    batch.clear();
                    progress.at(written[0]);
                }
            }

            @Override
            public void finding(Finding finding) {
            }
        });
        if (!batch.isEmpty()) {
            target.tasks().addAll(batch);
        }
        progress.at(written[0]);

        verify(caller, target, validation, agentsBefore, tasksBefore, written[0], samples);
        Duration took = Duration.between(report.started, clock.instant());
        target.legacyImports().add(new LegacyImport(caller.tenant(), Ids.newId(), facts.name(), facts.sizeBytes(),
                facts.sha256(), validation.repositoryPaths().size(), validation.agents.size(), written[0],
                validation.warnings, now, took, caller.userId()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", facts.name());
        details.put("sha256", facts.sha256());
        details.put("repositories", validation.repositoryPaths().size());
        details.put("agents", validation.agents.size());
        details.put("tasks", written[0]);
        details.put("warnings", validation.warnings);
        new Auditor(target.auditTrail(), clock).recorded(caller, "LegacyImport", facts.name(), AuditAction.IMPORT,
                details);
    }

    /** Counts and a sample of rows read back must equal what the file holds, or nothing is committed. */
    private static void verify(Caller caller, Store target, MigrationValidation validation, long agentsBefore,
                               long tasksBefore, long written, List<Task> samples) {
        long agentsAfter = target.agents().count(caller.tenant(), Specification.all());
        long tasksAfter = target.tasks().count(caller.tenant(), Specification.all());
        if (agentsAfter - agentsBefore != validation.agents.size() || tasksAfter - tasksBefore != validation.tasks
                || written != validation.tasks) {
            throw new StoreFailure("verification failed: expected " + validation.agents.size() + " agents and "
                    + validation.tasks + " tasks more, found " + (agentsAfter - agentsBefore) + " and "
                    + (tasksAfter - tasksBefore));
        }
        for (Task sample : samples) {
            Task stored = target.tasks().findById(caller.tenant(), sample.id()).orElse(null);
            if (!sample.equals(stored)) {
                throw new StoreFailure("verification failed: task '" + sample.id() + "' reads back as " + stored);
            }
        }
    }

    private static Task forImport(Task task, Set<String> agentIds, Map<String, String> repositoryIds,
                                  Options options) {
        String agentId = task.agentId();
        TaskStatus status = task.status();
        Instant startedAt = task.startedAt();
        boolean orphan = agentId != null && !agentIds.contains(agentId);
        if (orphan) {
            agentId = null;
        }
        if (agentId == null && status.isActive()) {
            // Only reachable with --unassign-orphans: validation refuses it otherwise.
            status = TaskStatus.PENDING;
            startedAt = null;
        }
        return new Task(task.tenantId(), task.id(), task.command(), task.repositoryPath(),
                repositoryIds.get(task.repositoryPath()), agentId, task.priority(), status, task.createdAt(),
                task.assignedAt(), startedAt, task.completedAt(), task.result(), task.errorMessage(),
                task.retryCount(), task.correlationId(), task.workflowId(), task.workflowStep(), task.parentTaskId(),
                task.progress(), task.lease(), task.updatedAt(), task.version());
    }

    private static Agent withRepository(Agent a, String repositoryId) {
        return new Agent(a.tenantId(), a.id(), a.name(), a.type(), a.repositoryPath(), repositoryId, a.status(),
                a.lastPing(), a.currentTaskId(), a.sessionId(), a.capabilities(), a.configuration(),
                a.legacyAttributes(), a.maxConcurrentTasks(), a.healthCheckInterval(), a.statistics(), a.audit(),
                a.deletedAt(), a.deletedBy(), a.version());
    }

    private static CodeRepository newRepository(Caller caller, String path, String name, Instant now) {
        String segment = path.replaceAll("[\\\\/]+$", "");
        segment = segment.substring(Math.max(segment.lastIndexOf('/'), segment.lastIndexOf('\\')) + 1);
        String repositoryName = name != null && !name.isBlank() ? name : segment.isEmpty() ? path : segment;
        return new CodeRepository(caller.tenant(), LegacyIds.repositoryId(path), repositoryName, path, null,
                RepositoryType.LOCAL, true, null, null, Set.of(), AccessLevel.READ_WRITE, null,
                RepositoryStatistics.NONE, 0, 0, null, AuditFields.createdNow(now, IMPORTER), 0);
    }
}
