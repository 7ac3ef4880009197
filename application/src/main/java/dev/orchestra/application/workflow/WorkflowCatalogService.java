package dev.orchestra.application.workflow;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowDefinitions;
import dev.orchestra.domain.workflow.WorkflowFields;
import dev.orchestra.domain.workflow.WorkflowStep;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition use cases. A new version and the previous latest losing that mark are one unit of work,
 * so a name always has exactly one latest version; each stored version is audited.
 */
public final class WorkflowCatalogService implements WorkflowCatalog {
    static final String DEFINITION = WorkflowDefinition.ENTITY;

    private final UnitOfWork unitOfWork;
    private final WorkflowDefinitions definitions;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public WorkflowCatalogService(UnitOfWork unitOfWork, WorkflowDefinitions definitions, ConstraintCheck constraints,
                                  Auditor auditor, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.definitions = definitions;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public WorkflowDefinition define(Caller caller, String id, WorkflowDefinition.Content content) {
        if (content.name() == null) {
            throw ValidationFailed.of("name", "must not be null");
        }
        return unitOfWork.write(() -> store(caller, id, content));
    }

    @Override
    public WorkflowDefinition newVersion(Caller caller, String fromId, String id, WorkflowDefinition.Content content) {
        return unitOfWork.write(() -> {
            WorkflowDefinition from = definitions.findById(caller.tenant(), fromId)
                    .orElseThrow(() -> new NotFound(DEFINITION, fromId));
            if (content.name() != null && !content.name().equals(from.name())) {
                throw ValidationFailed.of("name", "a new version keeps the name '" + from.name() + "', not '"
                        + content.name() + "'");
            }
            return store(caller, id, new WorkflowDefinition.Content(from.name(), content.version(), content.steps(),
                    content.inputSchema(), content.outputSchema(), content.category(), content.tags(),
                    content.author(), content.publicDefinition()));
        });
    }

    private WorkflowDefinition store(Caller caller, String id, WorkflowDefinition.Content content) {
        // Each step's own limits first, so the graph check and the hash only see well-formed steps.
        List<Violation> violations = new ArrayList<>();
        List<WorkflowStep> steps = content.steps() == null ? List.of() : content.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null) {
                violations.add(new Violation("definition.steps[" + i + "]", "must not be null"));
            } else {
                violations.addAll(constraints.violationsOf(steps.get(i), "definition.steps[" + i + "]."));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        WorkflowDefinition latest = definitions.latest(caller.tenant(), content.name()).orElse(null);
        WorkflowDefinition created = constraints.require(WorkflowDefinition.create(caller.tenant(),
                id == null ? Ids.newId() : id, content, latest, clock.instant(), caller.userId()));
        if (latest != null) {
            definitions.update(latest.superseded());
        }
        WorkflowDefinition stored = definitions.add(created);
        auditor.recorded(caller, DEFINITION, stored.id(), AuditAction.CREATE, summary(stored));
        return stored;
    }

    @Override
    public WorkflowDefinition get(Caller caller, String id) {
        return unitOfWork.read(() -> definitions.findById(caller.tenant(), id))
                .orElseThrow(() -> new NotFound(DEFINITION, id));
    }

    @Override
    public Page<WorkflowDefinition> list(Caller caller, String name, Boolean active, boolean latest,
                                         PageRequest<WorkflowDefinition> page) {
        Specification<WorkflowDefinition> where = Specification.all();
        if (name != null) {
            where = where.and(WorkflowFields.Definition.NAME.eq(name));
        }
        if (active != null) {
            where = where.and(WorkflowFields.Definition.ACTIVE.eq(active));
        }
        if (latest) {
            where = where.and(WorkflowFields.Definition.LATEST.eq(true));
        }
        PageRequest<WorkflowDefinition> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(WorkflowFields.Definition.NAME.asc(), WorkflowFields.Definition.CREATED_AT.asc())) : page;
        Specification<WorkflowDefinition> filter = where;
        return unitOfWork.read(() -> definitions.find(caller.tenant(), filter, ordered));
    }

    /** The audit entry names the version and its hash; the steps are in the definition's own rows. */
    private static Map<String, Object> summary(WorkflowDefinition d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", d.name());
        values.put("version", d.version());
        values.put("contentHash", d.contentHash());
        values.put("previousVersionId", d.previousVersionId());
        values.put("steps", d.steps().size());
        return values;
    }
}
