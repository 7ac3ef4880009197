package dev.orchestra.domain.chat;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tool executions of chat sessions, approvals included. Call inside a {@code UnitOfWork}. */
public interface ToolExecutions {
    Optional<ToolExecution> find(TenantId tenant, String id);

    /** Stores a new execution; an existing id is a {@code Conflict}. */
    ToolExecution add(ToolExecution execution);

    /** Version-checked; a stale version is a {@code Conflict}, an unknown id {@code NotFound}. */
    ToolExecution update(ToolExecution execution);

    Page<ToolExecution> find(TenantId tenant, Specification<ToolExecution> where, PageRequest<ToolExecution> page);

    /** Up to {@code limit} executions still AWAITING_APPROVAL whose approval expired at or before {@code now}. */
    List<ToolExecution> overdueApprovals(TenantId tenant, Instant now, int limit);

    /** Removes every execution of a session; answers how many there were. */
    int removeOfSession(TenantId tenant, String sessionId);
}
