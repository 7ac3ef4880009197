package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.template.ParameterType;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TaskTemplates;
import dev.orchestra.domain.template.TemplateFields;
import dev.orchestra.domain.template.TemplateParameter;
import dev.orchestra.domain.template.TemplateStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link TaskTemplates} in {@code task_templates} and its step and parameter tables. */
final class SqliteTaskTemplates implements TaskTemplates {
    private static final String TEMPLATE = TaskTemplate.ENTITY;
    private static final SqlFilter<TaskTemplate> FILTER = new SqlFilter<>(Map.of(
            TemplateFields.ID, "id",
            TemplateFields.NAME, "name",
            TemplateFields.CATEGORY, "category",
            TemplateFields.PUBLIC, "public",
            TemplateFields.CREATED_AT, "created_at"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteTaskTemplates(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<TaskTemplate> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find template " + id, () -> jdbc()
                .sql("SELECT * FROM task_templates WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id)
                .query((rows, n) -> header(rows)).optional().map(this::complete));
    }

    @Override
    public TaskTemplate add(TaskTemplate t) {
        return SqlErrors.translate("add template " + t.id(), () -> {
            bind(jdbc().sql("""
                    INSERT INTO task_templates (tenant_id, id, name, description, category, template_version, public,
                        tags, created_at, created_by, updated_at, updated_by, version)
                    VALUES (:tenant, :id, :name, :description, :category, :templateVersion, :public, :tags,
                        :createdAt, :createdBy, :updatedAt, :updatedBy, :version)
                    """), t).param("version", t.version()).update();
            writeParts(t);
            return t;
        });
    }

    @Override
    public TaskTemplate update(TaskTemplate t) {
        return SqlErrors.translate("update template " + t.id(), () -> {
            int updated = bind(jdbc().sql("""
                    UPDATE task_templates SET name = :name, description = :description, category = :category,
                        template_version = :templateVersion, public = :public, tags = :tags,
                        updated_at = :updatedAt, updated_by = :updatedBy, version = version + 1
                    WHERE tenant_id = :tenant AND id = :id AND version = :version
                    """), t).param("version", t.version()).update();
            if (updated != 1) {
                throw findById(t.tenantId(), t.id()).isPresent()
                        ? Conflict.staleVersion(TEMPLATE, t.id(), t.version()) : new NotFound(TEMPLATE, t.id());
            }
            deleteParts(t.tenantId(), t.id());
            writeParts(t);
            return t.withVersion(t.version() + 1);
        });
    }

    @Override
    public void remove(TenantId tenant, String id, long expectedVersion) {
        SqlErrors.translate("remove template " + id, () -> {
            int removed = jdbc().sql("DELETE FROM task_templates WHERE tenant_id = :tenant AND id = :id"
                            + " AND version = :version")
                    .param("tenant", tenant.value()).param("id", id).param("version", expectedVersion).update();
            if (removed != 1) {
                throw findById(tenant, id).isPresent() ? Conflict.staleVersion(TEMPLATE, id, expectedVersion)
                        : new NotFound(TEMPLATE, id);
            }
            return null;
        });
    }

    @Override
    public Page<TaskTemplate> find(TenantId tenant, Specification<TaskTemplate> where,
                                   PageRequest<TaskTemplate> page) {
        return SqlErrors.translate("find templates", () -> Rows.page(jdbc(), "task_templates", FILTER, tenant, where,
                "1 = 1", page, (rows, n) -> header(rows)).map(this::complete));
    }

    private TaskTemplate header(java.sql.ResultSet rows) throws java.sql.SQLException {
        return new TaskTemplate(Rows.tenant(rows), rows.getString("id"), rows.getString("name"),
                rows.getString("description"), rows.getString("category"), rows.getString("template_version"),
                rows.getInt("public") == 1, List.of(), Map.of(), Rows.stringSet(rows, "tags"), Rows.audit(rows),
                rows.getLong("version"));
    }

    /** Adds the steps and parameters to a header row. */
    private TaskTemplate complete(TaskTemplate t) {
        List<TemplateStep> steps = jdbc().sql("SELECT command, description FROM task_template_steps"
                        + " WHERE tenant_id = :tenant AND template_id = :id ORDER BY position")
                .param("tenant", t.tenantId().value()).param("id", t.id())
                .query((rows, n) -> new TemplateStep(rows.getString("command"), rows.getString("description")))
                .list();
        Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
        jdbc().sql("SELECT * FROM task_template_parameters WHERE tenant_id = :tenant AND template_id = :id"
                        + " ORDER BY name")
                .param("tenant", t.tenantId().value()).param("id", t.id())
                .query(rows -> {
                    parameters.put(rows.getString("name"), new TemplateParameter(
                            ParameterType.valueOf(rows.getString("type")), rows.getString("default_value"),
                            rows.getInt("required") == 1));
                });
        return new TaskTemplate(t.tenantId(), t.id(), t.name(), t.description(), t.category(), t.templateVersion(),
                t.publicTemplate(), steps, parameters, t.tags(), t.audit(), t.version());
    }

    private void writeParts(TaskTemplate t) {
        for (int i = 0; i < t.steps().size(); i++) {
            TemplateStep step = t.steps().get(i);
            jdbc().sql("INSERT INTO task_template_steps (tenant_id, template_id, position, command, description)"
                            + " VALUES (:tenant, :id, :position, :command, :description)")
                    .param("tenant", t.tenantId().value()).param("id", t.id()).param("position", i)
                    .param("command", step.command()).param("description", step.description()).update();
        }
        t.parameters().forEach((name, p) -> jdbc().sql("INSERT INTO task_template_parameters (tenant_id,"
                        + " template_id, name, type, default_value, required)"
                        + " VALUES (:tenant, :id, :name, :type, :defaultValue, :required)")
                .param("tenant", t.tenantId().value()).param("id", t.id()).param("name", name)
                .param("type", p.type().name()).param("defaultValue", p.defaultValue())
                .param("required", p.required() ? 1 : 0).update());
    }

    private void deleteParts(TenantId tenant, String id) {
        for (String table : new String[] {"task_template_steps", "task_template_parameters"}) {
            jdbc().sql("DELETE FROM " + table + " WHERE tenant_id = :tenant AND template_id = :id")
                    .param("tenant", tenant.value()).param("id", id).update();
        }
    }

    private JdbcClient jdbc() {
        return unitOfWork.jdbc();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, TaskTemplate t) {
        return sql.param("tenant", t.tenantId().value()).param("id", t.id()).param("name", t.name())
                .param("description", t.description()).param("category", t.category())
                .param("templateVersion", t.templateVersion()).param("public", t.publicTemplate() ? 1 : 0)
                .param("tags", Rows.json(t.tags()))
                .param("createdAt", Times.format(t.audit().createdAt())).param("createdBy", t.audit().createdBy())
                .param("updatedAt", Times.format(t.audit().updatedAt())).param("updatedBy", t.audit().updatedBy());
    }
}
