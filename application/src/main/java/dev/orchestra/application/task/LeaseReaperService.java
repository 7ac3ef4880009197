package dev.orchestra.application.task;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One sweep per tenant, each in its own unit of work. */
public final class LeaseReaperService implements LeaseReaper {
    static final String REAPER = "lease-reaper";

    private final UnitOfWork unitOfWork;
    private final Tasks tasks;
    private final Agents agents;
    private final StoreMaintenance maintenance;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration leaseDuration;
    private final WorkArrivals arrivals;

    public LeaseReaperService(UnitOfWork unitOfWork, Tasks tasks, Agents agents, StoreMaintenance maintenance,
                              Auditor auditor, Clock clock, Duration leaseDuration, WorkArrivals arrivals) {
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.agents = agents;
        this.maintenance = maintenance;
        this.auditor = auditor;
        this.clock = clock;
        this.leaseDuration = leaseDuration;
        this.arrivals = arrivals;
    }

    @Override
    public Sweep sweep() {
        int requeued = 0;
        int failed = 0;
        int offline = 0;
        for (TenantId tenant : unitOfWork.read(maintenance::tenants)) {
            // Most sweeps find nothing: look first, so that an idle store is not written (nor a JSON
            // document rewritten) every period.
            Instant now = clock.instant();
            if (unitOfWork.read(() -> tasks.count(tenant, expiredAt(now))) == 0) {
                continue;
            }
            Sweep sweep = unitOfWork.write(() -> sweep(Caller.system(tenant)));
            if (sweep.requeued() > 0) {
                arrivals.arrived(tenant);
            }
            requeued += sweep.requeued();
            failed += sweep.failed();
            offline += sweep.agentsOffline();
        }
        return new Sweep(requeued, failed, offline);
    }

    private Sweep sweep(Caller caller) {
        Instant now = clock.instant();
        Specification<Task> expired = expiredAt(now);
        int requeued = 0;
        int failed = 0;
        int offline = 0;
        List<Task> batch;
        do {
            batch = tasks.find(caller.tenant(), expired, new PageRequest<>(0, PageRequest.MAX_SIZE,
                    List.of(TaskFields.LEASE_EXPIRES_AT.asc()))).items();
            for (Task task : batch) {
                String reason = "lease of agent '" + task.agentId() + "' expired at " + task.lease().expiresAt();
                Task next;
                if (task.status() == TaskStatus.ASSIGNED) {
                    next = task.unassign(now);
                } else {
                    next = task.fail("agent lost: " + reason, now);
                    if (next.retryCount() < Task.MAX_RETRIES) {
                        next = next.retry(now);
                    }
                }
                Task stored = tasks.update(next);
                if (stored.status() == TaskStatus.PENDING) {
                    requeued++;
                } else {
                    failed++;
                }
                audit(caller, Task.ENTITY, task.id(), task.status(), stored.status(), reason);
                offline += releaseAgent(caller, task.agentId(), now);
            }
        } while (batch.size() == PageRequest.MAX_SIZE);
        return new Sweep(requeued, failed, offline);
    }

    private static Specification<Task> expiredAt(Instant now) {
        return TaskFields.STATUS.in(List.copyOf(TaskStatus.ACTIVE)).and(TaskFields.LEASE_EXPIRES_AT.before(now));
    }

    /** The agent is OFFLINE when it has not pinged for a lease; otherwise only its work state follows. */
    private int releaseAgent(Caller caller, String agentId, Instant now) {
        Agent agent = agents.findIncludingDeleted(caller.tenant(), agentId).orElse(null);
        if (agent == null) {
            return 0;
        }
        String stillActive = ActiveWork.nextCurrentTask(tasks, caller.tenant(), agentId, null);
        boolean stale = agent.lastPing().isBefore(now.minus(leaseDuration));
        Agent next = agent.finishedWork(agent.statistics(), stillActive, now);
        if (stale && agent.status() != AgentStatus.OFFLINE) {
            next = next.heartbeat(AgentStatus.OFFLINE, agent.lastPing());
        }
        agents.recordState(next);
        if (next.status() != agent.status()) {
            audit(caller, Agent.ENTITY, agentId, agent.status(), next.status(), stale
                    ? "no heartbeat since " + agent.lastPing() : "its expired work was taken back");
            return next.status() == AgentStatus.OFFLINE ? 1 : 0;
        }
        return 0;
    }

    private void audit(Caller caller, String type, String id, Enum<?> from, Enum<?> to, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("to", to.name());
        details.put("reason", reason);
        auditor.recorded(new Caller(caller.tenant(), REAPER), type, id, AuditAction.UPDATE, details);
    }
}
