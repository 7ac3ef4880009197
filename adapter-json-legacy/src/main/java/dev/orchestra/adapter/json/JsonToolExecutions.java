package dev.orchestra.adapter.json;

import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.chat.ToolExecutions;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link ToolExecutions} in the JSON document's {@code Orchestra} section. */
final class JsonToolExecutions implements ToolExecutions {
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonToolExecutions(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<ToolExecution> find(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).toolExecutions.get(id));
    }

    @Override
    public ToolExecution add(ToolExecution execution) {
        door.check(ToolExecution.ENTITY, execution);
        JsonState.TenantData data = unitOfWork.state().mutable(execution.tenantId());
        if (data.toolExecutions.containsKey(execution.id())) {
            throw Conflict.alreadyExists(ToolExecution.ENTITY, execution.id());
        }
        data.toolExecutions.put(execution.id(), execution);
        return execution;
    }

    @Override
    public ToolExecution update(ToolExecution execution) {
        door.check(ToolExecution.ENTITY, execution);
        JsonState.TenantData data = unitOfWork.state().mutable(execution.tenantId());
        ToolExecution current = data.toolExecutions.get(execution.id());
        if (current == null) {
            throw new NotFound(ToolExecution.ENTITY, execution.id());
        }
        if (current.version() != execution.version()) {
            throw Conflict.staleVersion(ToolExecution.ENTITY, execution.id(), execution.version());
        }
        if (current.approval() != null && current.approval().isDecided()
                && !current.approval().equals(execution.approval())) {
            // As the SQLite store's trigger: a decision, once stored, is never rewritten.
            throw new Conflict(ToolExecution.ENTITY + " '" + execution.id() + "': an approval is decided once");
        }
        ToolExecution stored = execution.withVersion(execution.version() + 1);
        data.toolExecutions.put(execution.id(), stored);
        return stored;
    }

    @Override
    public Page<ToolExecution> find(TenantId tenant, Specification<ToolExecution> where,
                                    PageRequest<ToolExecution> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).toolExecutions.values(), where, page,
                ChatFields.Execution.ID);
    }

    @Override
    public List<ToolExecution> overdueApprovals(TenantId tenant, Instant now, int limit) {
        return unitOfWork.state().of(tenant).toolExecutions.values().stream()
                .filter(e -> e.status() == ToolExecutionStatus.AWAITING_APPROVAL && e.isOverdue(now))
                .sorted(Comparator.comparing((ToolExecution e) -> e.approval().expiresAt())
                        .thenComparing(ToolExecution::id))
                .limit(limit).toList();
    }

    @Override
    public int removeOfSession(TenantId tenant, String sessionId) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        List<String> ids = data.toolExecutions.values().stream().filter(e -> e.sessionId().equals(sessionId))
                .map(ToolExecution::id).toList();
        ids.forEach(data.toolExecutions::remove);
        return ids.size();
    }
}
