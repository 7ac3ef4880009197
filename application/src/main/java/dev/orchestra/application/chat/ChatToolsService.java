package dev.orchestra.application.chat;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.chat.Approval;
import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatSessions;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.chat.ToolExecutions;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Texts;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.VersionRequired;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tool-execution use cases; every change is audited, a decision with who, when and on what digest. */
public final class ChatToolsService implements ChatTools {
    static final String EXECUTION = ToolExecution.ENTITY;
    /** Overdue requests cancelled per unit of a sweep, so one unit stays short. */
    static final int SWEEP_BATCH = 200;

    private final UnitOfWork unitOfWork;
    private final ChatSessions chats;
    private final ToolExecutions executions;
    private final StoreMaintenance maintenance;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public ChatToolsService(UnitOfWork unitOfWork, ChatSessions chats, ToolExecutions executions,
                            StoreMaintenance maintenance, ConstraintCheck constraints, Auditor auditor, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.chats = chats;
        this.executions = executions;
        this.maintenance = maintenance;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public ToolExecution request(Caller caller, String sessionId, ToolExecution.Request r) {
        String id = r.id() == null ? Ids.newId() : r.id();
        // Checked on the caller's thread; inside the unit only the time is taken again.
        constraints.require(ToolExecution.requested(caller.tenant(), id, sessionId, r, clock.instant()));
        return unitOfWork.write(() -> {
            ChatSession session = chats.findSession(caller.tenant(), sessionId)
                    .orElseThrow(() -> new NotFound(ChatSession.ENTITY, sessionId));
            if (session.status() == SessionStatus.ARCHIVED) {
                throw new InvalidTransition("chat session " + sessionId + " is ARCHIVED; it runs no more tools");
            }
            if (r.toolCallId() != null && chats.findToolCall(caller.tenant(), r.toolCallId())
                    .filter(call -> call.sessionId().equals(sessionId)).isEmpty()) {
                throw ValidationFailed.of("toolCallId", "there is no tool call '" + r.toolCallId()
                        + "' in chat session " + sessionId);
            }
            ToolExecution stored = executions.add(ToolExecution.requested(caller.tenant(), id, sessionId, r,
                    clock.instant()));
            auditor.created(caller, EXECUTION, id, stored);
            return stored;
        });
    }

    @Override
    public ToolExecution execution(Caller caller, String id) {
        return unitOfWork.read(() -> executions.find(caller.tenant(), id))
                .orElseThrow(() -> new NotFound(EXECUTION, id));
    }

    @Override
    public Page<ToolExecution> executions(Caller caller, String sessionId, ToolExecutionStatus status,
                                          PageRequest<ToolExecution> page) {
        Specification<ToolExecution> where = ChatFields.Execution.SESSION_ID.eq(sessionId);
        if (status != null) {
            where = where.and(ChatFields.Execution.STATUS.eq(status));
        }
        PageRequest<ToolExecution> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(ChatFields.Execution.CREATED_AT.asc(), ChatFields.Execution.ID.asc())) : page;
        Specification<ToolExecution> filter = where;
        return unitOfWork.read(() -> {
            if (chats.findSession(caller.tenant(), sessionId).isEmpty()) {
                throw new NotFound(ChatSession.ENTITY, sessionId);
            }
            return executions.find(caller.tenant(), filter, ordered);
        });
    }

    @Override
    public ToolExecution report(Caller caller, String id, Long expectedVersion, ToolExecution.Progress p) {
        return unitOfWork.write(() -> {
            ToolExecution current = executions.find(caller.tenant(), id).orElseThrow(() -> new NotFound(EXECUTION, id));
            VersionRequired.check(EXECUTION, id, expectedVersion, current.version());
            ToolExecution stored = executions.update(constraints.require(current.moved(p, clock.instant())));
            auditor.changed(caller, EXECUTION, id, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public ToolExecution decide(Caller caller, String id, ApprovalDecision decision, Decision how) {
        if (decision == ApprovalDecision.EXPIRED) {
            throw ValidationFailed.of("decision", "EXPIRED is the sweep's; a person approves or rejects");
        }
        requireBy(how.by());
        Texts.require("reason", how.reason(), Approval.MAX_REASON, true);
        if (how.argumentsSha256() != null && !how.argumentsSha256().matches("[0-9a-f]{64}")) {
            throw ValidationFailed.of("argumentsSha256", "must be 64 lowercase hex digits (SHA-256)");
        }
        ToolExecution stored = unitOfWork.write(() -> {
            Instant now = clock.instant();
            ToolExecution current = executions.find(caller.tenant(), id).orElseThrow(() -> new NotFound(EXECUTION, id));
            if (current.isOverdue(now)) {
                // Too late: the request is expired now, as the sweep would have done, and stays so.
                return expire(Caller.system(caller.tenant()), current, now);
            }
            if (how.argumentsSha256() != null && current.approval() != null && !current.approval().isDecided()
                    && !current.approval().argumentsSha256().equals(how.argumentsSha256())) {
                throw new Conflict(EXECUTION + " '" + id + "' asks approval of arguments with SHA-256 "
                        + current.approval().argumentsSha256() + ", not " + how.argumentsSha256());
            }
            ToolExecution next = current.decided(decision, how.by(), how.reason(), now);
            if (next == current) {
                return current;
            }
            ToolExecution saved = executions.update(constraints.require(next));
            auditDecision(caller, saved);
            return saved;
        });
        if (stored.approval() != null && stored.approval().decision() != decision) {
            throw new Conflict(EXECUTION + " '" + id + "' was already " + stored.approval().decision() + " by "
                    + stored.approval().by() + " at " + stored.approval().at() + "; a decision is made once");
        }
        return stored;
    }

    private ToolExecution expire(Caller system, ToolExecution current, Instant now) {
        ToolExecution saved = executions.update(constraints.require(current.expired(now)));
        auditDecision(system, saved);
        return saved;
    }

    /** Who decided, when, why, and on which arguments (their digest), with the status it led to. */
    private void auditDecision(Caller caller, ToolExecution decided) {
        Approval a = decided.approval();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", decided.status());
        details.put("decision", a.decision());
        details.put("by", a.by());
        details.put("at", a.at());
        details.put("reason", a.reason());
        details.put("argumentsSha256", a.argumentsSha256());
        details.put("toolName", decided.toolName());
        auditor.recorded(caller, EXECUTION, decided.id(), AuditAction.UPDATE, details);
    }

    private static void requireBy(String by) {
        if (by == null || by.isBlank()) {
            throw ValidationFailed.of("by", "must name who decides");
        }
        Texts.require("by", by, Approval.MAX_BY, false);
    }

    @Override
    public List<ToolExecution> expireOverdue(TenantId tenant) {
        List<ToolExecution> expired = new ArrayList<>();
        Caller system = Caller.system(tenant);
        while (true) {
            List<ToolExecution> batch = unitOfWork.write(() -> {
                Instant now = clock.instant();
                List<ToolExecution> done = new ArrayList<>();
                for (ToolExecution due : executions.overdueApprovals(tenant, now, SWEEP_BATCH)) {
                    done.add(expire(system, due, now));
                }
                return done;
            });
            expired.addAll(batch);
            if (batch.size() < SWEEP_BATCH) {
                return expired;
            }
        }
    }

    @Override
    public List<ToolExecution> expireOverdueEveryTenant() {
        List<ToolExecution> expired = new ArrayList<>();
        for (TenantId tenant : unitOfWork.read(maintenance::tenants)) {
            expired.addAll(expireOverdue(tenant));
        }
        return expired;
    }
}
