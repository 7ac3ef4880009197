package dev.orchestra.application.chat;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.TenantId;
import java.util.List;

/**
 * Inbound port: tools run for chat sessions, and the approvals some of them wait for. A decision is stored
 * with who made it, when, and the SHA-256 of the arguments it was asked on; it is made once, survives
 * restarts, and every step is audited.
 */
public interface ChatTools {
    /** A person's decision; {@code argumentsSha256}, when given, must be the digest the request carries. */
    record Decision(String by, String reason, String argumentsSha256) {
    }

    /** Requests a run in a session (AWAITING_APPROVAL when it needs approval, PENDING otherwise). */
    ToolExecution request(Caller caller, String sessionId, ToolExecution.Request request);

    ToolExecution execution(Caller caller, String id);

    /** A session's executions, with one status when given, oldest first unless sorted otherwise. */
    Page<ToolExecution> executions(Caller caller, String sessionId, ToolExecutionStatus status,
                                   PageRequest<ToolExecution> page);

    /** A move the runner reports (If-Match required): RUNNING, then COMPLETED, FAILED or CANCELLED. */
    ToolExecution report(Caller caller, String id, Long expectedVersion, ToolExecution.Progress progress);

    /**
     * Approves or rejects a waiting execution. The same decision again answers the stored one; the other one,
     * or any decision on a request that expired, is a {@code Conflict}.
     */
    ToolExecution decide(Caller caller, String id, ApprovalDecision decision, Decision how);

    /** Cancels the tenant's requests whose approval expired (decision EXPIRED), each audited. */
    List<ToolExecution> expireOverdue(TenantId tenant);

    /** {@link #expireOverdue} for every tenant: the periodic sweep. */
    List<ToolExecution> expireOverdueEveryTenant();
}
