package dev.orchestra.application.agent;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.application.shared.Periods;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Pages;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.VersionRequired;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.TaskTotals;
import dev.orchestra.domain.task.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agent use cases; each runs in one unit of work and audits what it changes. */
public final class AgentRegistryService implements AgentRegistry {
    static final String AGENT = Agent.ENTITY;

    private final UnitOfWork unitOfWork;
    private final Agents agents;
    private final Tasks tasks;
    private final CodeRepositories repositories;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration leaseDuration;

    public AgentRegistryService(UnitOfWork unitOfWork, Agents agents, Tasks tasks, CodeRepositories repositories,
                                ConstraintCheck constraints, Auditor auditor, Clock clock, Duration leaseDuration) {
        this.unitOfWork = unitOfWork;
        this.agents = agents;
        this.tasks = tasks;
        this.repositories = repositories;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
        this.leaseDuration = leaseDuration;
    }

    @Override
    public Agent register(Caller caller, Agent.Registration registration) {
        return unitOfWork.write(() -> {
            String id = registration.id() == null || registration.id().isBlank() ? Ids.newId() : registration.id();
            Agent agent = Agent.register(caller.tenant(), id,
                    withRepository(caller, registration), clock.instant(), caller.userId());
            constraints.require(agent);
            Optional<Agent> taken = agents.findIncludingDeleted(caller.tenant(), id);
            if (taken.isPresent()) {
                throw taken.get().isDeleted()
                        ? new Conflict(AGENT + " '" + id + "' was deleted at " + taken.get().deletedAt() + " by "
                                + taken.get().deletedBy() + "; restore it to use this id again")
                        : Conflict.alreadyExists(AGENT, id);
            }
            Agent stored = agents.add(agent);
            auditor.created(caller, AGENT, id, stored);
            return stored;
        });
    }

    @Override
    public Agent update(Caller caller, String id, Long expectedVersion, Agent.Registration registration) {
        return unitOfWork.write(() -> {
            Agent current = versioned(caller, id, expectedVersion);
            Agent.Registration resolved = withRepository(caller, registration);
            Agent next = current.withDetails(resolved, resolved.repositoryId(), clock.instant(), caller.userId());
            constraints.require(next);
            Agent stored = agents.update(next);
            auditor.changed(caller, AGENT, id, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public Agent heartbeat(Caller caller, String id, AgentStatus reportedStatus) {
        caller.requireMayActFor(id);
        return unitOfWork.write(() -> {
            Agent current = existing(caller, id);
            Instant now = clock.instant();
            Agent stored = agents.recordState(current.heartbeat(reportedStatus, now));
            // A living agent keeps its claims: every lease it holds now runs from this heartbeat.
            Specification<Task> held = TaskFields.AGENT_ID.eq(id).and(TaskFields.STATUS.in(List.copyOf(
                    TaskStatus.ACTIVE)));
            for (Task task : tasks.find(caller.tenant(), held, new PageRequest<>(0, PageRequest.MAX_SIZE,
                    List.of(TaskFields.ID.asc()))).items()) {
                if (task.lease() != null) {
                    tasks.update(task.renewLease(now.plus(leaseDuration), now));
                }
            }
            // A heartbeat arrives every minute per agent: only a change of status is worth an audit entry.
            if (stored.status() != current.status()) {
                auditor.changed(caller, AGENT, id, AuditAction.UPDATE, current, stored);
            }
            return stored;
        });
    }

    @Override
    public void delete(Caller caller, String id, Long expectedVersion) {
        unitOfWork.writeVoid(() -> {
            Agent current = versioned(caller, id, expectedVersion);
            Agent stored = agents.update(current.deleted(clock.instant(), caller.userId()));
            auditor.changed(caller, AGENT, id, AuditAction.DELETE, current, stored);
        });
    }

    @Override
    public Agent restore(Caller caller, String id) {
        return unitOfWork.write(() -> {
            Agent current = agents.findIncludingDeleted(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(AGENT, id));
            if (!current.isDeleted()) {
                throw new Conflict(AGENT + " '" + id + "' is not deleted");
            }
            Agent stored = agents.update(current.restored(clock.instant(), caller.userId()));
            auditor.changed(caller, AGENT, id, AuditAction.RESTORE, current, stored);
            return stored;
        });
    }

    @Override
    public Agent get(Caller caller, String id) {
        return unitOfWork.read(() -> existing(caller, id));
    }

    @Override
    public Page<Agent> list(Caller caller, AgentQuery query, PageRequest<Agent> page) {
        Specification<Agent> where = Specification.all();
        if (query.status() != null) {
            where = where.and(AgentFields.STATUS.eq(query.status()));
        }
        if (query.repositoryPath() != null) {
            where = where.and(AgentFields.REPOSITORY_PATH.eq(query.repositoryPath()));
        }
        if (query.type() != null) {
            where = where.and(AgentFields.TYPE.eq(query.type()));
        }
        Specification<Agent> filter = where;
        return unitOfWork.read(() -> agents.find(caller.tenant(), filter, page));
    }

    @Override
    public List<Agent> available(Caller caller, String repositoryPath) {
        return unitOfWork.read(() -> {
            Map<String, Long> active = activeTaskCounts(caller);
            Comparator<Agent> best = Comparator
                    .comparing((Agent a) -> repositoryPath != null && repositoryPath.equals(a.repositoryPath()) ? 0 : 1)
                    .thenComparing(a -> a.statistics().averageExecutionTime())
                    .thenComparingLong(a -> a.statistics().completed())
                    .thenComparing(Agent::id);
            return all(caller, AgentFields.STATUS.eq(AgentStatus.IDLE)).stream()
                    .filter(a -> active.getOrDefault(a.id(), 0L) < a.maxConcurrentTasks())
                    .sorted(best)
                    .toList();
        });
    }

    @Override
    public Optional<Agent> bestAvailable(Caller caller, String repositoryPath) {
        return available(caller, repositoryPath).stream().findFirst();
    }

    @Override
    public List<Agent> stale(Caller caller, Duration olderThan) {
        Instant threshold = Periods.before(clock.instant(), "olderThan", olderThan);
        return unitOfWork.read(() -> all(caller, AgentFields.LAST_PING.before(threshold)).stream()
                .sorted(Comparator.comparing(Agent::lastPing).thenComparing(Agent::id))
                .toList());
    }

    @Override
    public List<AgentLoad> load(Caller caller) {
        return unitOfWork.read(() -> {
            Map<String, Long> active = activeTaskCounts(caller);
            return all(caller, Specification.all()).stream()
                    .map(a -> new AgentLoad(a.id(), a.status(), active.getOrDefault(a.id(), 0L),
                            a.maxConcurrentTasks()))
                    .sorted(Comparator.comparingDouble(AgentLoad::utilisation).reversed()
                            .thenComparing(AgentLoad::agentId))
                    .toList();
        });
    }

    @Override
    public AgentPeriodStatistics statistics(Caller caller, String id, Duration period) {
        Instant to = clock.instant();
        Instant from = Periods.before(to, "period", period);
        return unitOfWork.read(() -> {
            Agent agent = agents.findIncludingDeleted(caller.tenant(), id).orElseThrow(() -> new NotFound(AGENT, id));
            Specification<Task> finishedInPeriod = TaskFields.AGENT_ID.eq(id)
                    .and(TaskFields.COMPLETED_AT.atOrAfter(from))
                    .and(TaskFields.COMPLETED_AT.atOrBefore(to));
            TaskTotals completed = tasks.totals(caller.tenant(),
                    finishedInPeriod.and(TaskFields.STATUS.eq(TaskStatus.COMPLETED)));
            long failed = tasks.count(caller.tenant(), finishedInPeriod.and(TaskFields.STATUS.eq(TaskStatus.FAILED)));
            long cancelled = tasks.count(caller.tenant(),
                    finishedInPeriod.and(TaskFields.STATUS.eq(TaskStatus.CANCELLED)));
            return new AgentPeriodStatistics(id, agent.statistics(), from, to, completed.count(), failed, cancelled,
                    completed.averageExecutionTime());
        });
    }

    private Map<String, Long> activeTaskCounts(Caller caller) {
        return tasks.activeTaskCounts(caller.tenant());
    }

    private List<Agent> all(Caller caller, Specification<Agent> where) {
        List<Agent> result = new java.util.ArrayList<>();
        Pages.each(List.of(AgentFields.ID.asc()), (any, page) -> agents.find(caller.tenant(), where, page),
                result::add);
        return result;
    }

    private Agent existing(Caller caller, String id) {
        return agents.findById(caller.tenant(), id).orElseThrow(() -> new NotFound(AGENT, id));
    }

    private Agent versioned(Caller caller, String id, Long expectedVersion) {
        Agent agent = existing(caller, id);
        VersionRequired.check(AGENT, id, expectedVersion, agent.version());
        return agent;
    }

    /** An agent's repositoryId follows its path when the client gives none. */
    private Agent.Registration withRepository(Caller caller, Agent.Registration r) {
        if (r.repositoryId() != null || r.repositoryPath() == null) {
            return r;
        }
        String repositoryId = repositories.findByPath(caller.tenant(), r.repositoryPath())
                .map(CodeRepository::id).orElse(null);
        return new Agent.Registration(r.id(), r.name(), r.type(), r.repositoryPath(), repositoryId,
                r.capabilities(), r.maxConcurrentTasks(), r.healthCheckInterval(), r.configuration(),
                r.sessionId());
    }
}
