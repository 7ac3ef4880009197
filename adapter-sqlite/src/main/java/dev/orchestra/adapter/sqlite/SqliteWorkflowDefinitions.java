package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.JsonText;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowDefinitions;
import dev.orchestra.domain.workflow.WorkflowFields;
import dev.orchestra.domain.workflow.WorkflowStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link WorkflowDefinitions} in {@code workflow_definitions} and {@code workflow_definition_steps}. */
final class SqliteWorkflowDefinitions implements WorkflowDefinitions {
    private static final String DEFINITION = WorkflowDefinition.ENTITY;
    private static final SqlFilter<WorkflowDefinition> FILTER = new SqlFilter<>(Map.of(
            WorkflowFields.Definition.ID, "id",
            WorkflowFields.Definition.NAME, "name",
            WorkflowFields.Definition.CATEGORY, "category",
            WorkflowFields.Definition.ACTIVE, "active",
            WorkflowFields.Definition.LATEST, "latest",
            WorkflowFields.Definition.CREATED_AT, "created_at"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteWorkflowDefinitions(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<WorkflowDefinition> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find workflow definition " + id, () -> one(jdbc()
                .sql("SELECT * FROM workflow_definitions WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id)));
    }

    @Override
    public Optional<WorkflowDefinition> latest(TenantId tenant, String name) {
        return SqlErrors.translate("find the latest version of workflow " + name, () -> one(jdbc()
                .sql("SELECT * FROM workflow_definitions WHERE tenant_id = :tenant AND name = :name AND latest = 1")
                .param("tenant", tenant.value()).param("name", name)));
    }

    @Override
    public WorkflowDefinition add(WorkflowDefinition d) {
        return SqlErrors.translate("add workflow definition " + d.name() + " " + d.version(), () -> {
            jdbc().sql("""
                            INSERT INTO workflow_definitions (tenant_id, id, name, workflow_version, previous_version_id,
                                content_hash, input_schema, output_schema, category, tags, author, public, active, latest,
                                executions_started, executions_completed, executions_failed, created_at, created_by,
                                revision)
                            VALUES (:tenant, :id, :name, :version, :previous, :hash, :inputSchema, :outputSchema,
                                :category, :tags, :author, :public, :active, :latest, :started, :completed, :failed,
                                :createdAt, :createdBy, :revision)
                            """)
                    .param("tenant", d.tenantId().value()).param("id", d.id()).param("name", d.name())
                    .param("version", d.version()).param("previous", d.previousVersionId())
                    .param("hash", d.contentHash()).param("inputSchema", Rows.text(d.inputSchema()))
                    .param("outputSchema", Rows.text(d.outputSchema())).param("category", d.category())
                    .param("tags", Rows.json(d.tags())).param("author", d.author())
                    .param("public", d.publicDefinition() ? 1 : 0).param("active", d.active() ? 1 : 0)
                    .param("latest", d.latest() ? 1 : 0).param("started", d.usage().started())
                    .param("completed", d.usage().completed()).param("failed", d.usage().failed())
                    .param("createdAt", Times.format(d.createdAt())).param("createdBy", d.createdBy())
                    .param("revision", d.revision()).update();
            for (int i = 0; i < d.steps().size(); i++) {
                WorkflowStep s = d.steps().get(i);
                jdbc().sql("""
                                INSERT INTO workflow_definition_steps (tenant_id, definition_id, position, step_id, type,
                                    command, depends_on)
                                VALUES (:tenant, :definition, :position, :stepId, :type, :command, :dependsOn)
                                """)
                        .param("tenant", d.tenantId().value()).param("definition", d.id()).param("position", i)
                        .param("stepId", s.id()).param("type", s.type()).param("command", s.command())
                        .param("dependsOn", JsonText.stringArray(s.dependsOn())).update();
            }
            return d;
        });
    }

    @Override
    public WorkflowDefinition update(WorkflowDefinition d) {
        return SqlErrors.translate("update workflow definition " + d.id(), () -> {
            int updated = jdbc().sql("""
                            UPDATE workflow_definitions SET active = :active, latest = :latest,
                                executions_started = :started, executions_completed = :completed,
                                executions_failed = :failed, revision = revision + 1
                            WHERE tenant_id = :tenant AND id = :id AND revision = :revision
                            """)
                    .param("active", d.active() ? 1 : 0).param("latest", d.latest() ? 1 : 0)
                    .param("started", d.usage().started()).param("completed", d.usage().completed())
                    .param("failed", d.usage().failed()).param("tenant", d.tenantId().value()).param("id", d.id())
                    .param("revision", d.revision()).update();
            if (updated != 1) {
                throw findById(d.tenantId(), d.id()).isPresent()
                        ? Conflict.staleVersion(DEFINITION, d.id(), d.revision())
                        : new NotFound(DEFINITION, d.id());
            }
            return d.withRevision(d.revision() + 1);
        });
    }

    @Override
    public Page<WorkflowDefinition> find(TenantId tenant, Specification<WorkflowDefinition> where,
                                         PageRequest<WorkflowDefinition> page) {
        return SqlErrors.translate("find workflow definitions", () -> {
            Page<WorkflowDefinition> found = Rows.page(jdbc(), "workflow_definitions", FILTER, tenant, where, "1 = 1",
                    page, (rows, n) -> header(rows));
            return new Page<>(withSteps(tenant, found.items()), found.page(), found.size(), found.totalItems());
        });
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private Optional<WorkflowDefinition> one(JdbcClient.StatementSpec query) {
        return query.query((rows, n) -> header(rows)).optional().map(d -> withSteps(d.tenantId(), List.of(d)).get(0));
    }

    /** A definition's own row, without its steps (read for a whole page at once by {@link #withSteps}). */
    private static WorkflowDefinition header(ResultSet rows) throws SQLException {
        return new WorkflowDefinition(Rows.tenant(rows), rows.getString("id"), rows.getString("name"),
                rows.getString("workflow_version"), rows.getString("previous_version_id"),
                rows.getString("content_hash"), List.of(), Rows.json(rows, "input_schema"),
                Rows.json(rows, "output_schema"), rows.getString("category"), Rows.stringSet(rows, "tags"),
                rows.getString("author"), rows.getInt("public") == 1, rows.getInt("active") == 1,
                rows.getInt("latest") == 1, new WorkflowDefinition.Usage(rows.getLong("executions_started"),
                rows.getLong("executions_completed"), rows.getLong("executions_failed")),
                Rows.instant(rows, "created_at"), rows.getString("created_by"), rows.getLong("revision"));
    }

    private List<WorkflowDefinition> withSteps(TenantId tenant, List<WorkflowDefinition> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, List<WorkflowStep>> byDefinition = new HashMap<>();
        jdbc().sql("""
                        SELECT definition_id, step_id, type, command, depends_on FROM workflow_definition_steps
                        WHERE tenant_id = :tenant AND definition_id IN (:ids) ORDER BY definition_id, position
                        """)
                .param("tenant", tenant.value()).param("ids", headers.stream().map(WorkflowDefinition::id).toList())
                .query(rows -> {
                    byDefinition.computeIfAbsent(rows.getString("definition_id"), k -> new ArrayList<>())
                            .add(new WorkflowStep(rows.getString("step_id"), rows.getString("type"),
                                    rows.getString("command"), JsonText.parseStringArray(rows.getString("depends_on"))));
                });
        List<WorkflowDefinition> complete = new ArrayList<>(headers.size());
        for (WorkflowDefinition d : headers) {
            complete.add(new WorkflowDefinition(d.tenantId(), d.id(), d.name(), d.version(), d.previousVersionId(),
                    d.contentHash(), byDefinition.getOrDefault(d.id(), List.of()), d.inputSchema(), d.outputSchema(),
                    d.category(), d.tags(), d.author(), d.publicDefinition(), d.active(), d.latest(), d.usage(),
                    d.createdAt(), d.createdBy(), d.revision()));
        }
        return complete;
    }
}
