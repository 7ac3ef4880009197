package dev.orchestra.application.task;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.application.shared.Periods;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The task use cases. Completion and failure update agent and repository statistics in the same unit. */
public final class TaskQueueService implements TaskQueue {
    static final String TASK = Task.ENTITY;
    static final String AGENT = Agent.ENTITY;

    private final UnitOfWork unitOfWork;
    private final Tasks tasks;
    private final Agents agents;
    private final CodeRepositories repositories;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration leaseDuration;
    private final WorkArrivals arrivals;

    public TaskQueueService(UnitOfWork unitOfWork, Tasks tasks, Agents agents, CodeRepositories repositories,
                            ConstraintCheck constraints, Auditor auditor, Clock clock, Duration leaseDuration,
                            WorkArrivals arrivals) {
        this.arrivals = arrivals;
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.agents = agents;
        this.repositories = repositories;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
        this.leaseDuration = leaseDuration;
    }

    @Override
    public Task enqueue(Caller caller, Task.NewTask request) {
        return written(caller, () -> {
            Task task = newTask(caller, request, new HashMap<>());
            constraints.require(task);
            requireParent(caller, task);
            // A generated id is new by construction; only one the caller chose can be taken.
            if (chosenId(request) && !tasks.existingIds(caller.tenant(), Set.of(task.id())).isEmpty()) {
                throw Conflict.alreadyExists(TASK, task.id());
            }
            Task stored = tasks.add(task);
            auditor.created(caller, TASK, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public List<Task> enqueueBatch(Caller caller, List<Task.NewTask> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw ValidationFailed.of("tasks", "must hold 1 to " + MAX_BATCH + " tasks, not " + requests.size());
        }
        return written(caller, () -> {
            Map<String, Optional<String>> repositoryIds = new HashMap<>();
            List<Task> batch = new ArrayList<>(requests.size());
            // Ids the caller chose, and parents, are looked up in one query; generated ids are new.
            Set<String> lookUp = new HashSet<>();
            for (Task.NewTask request : requests) {
                Task task = newTask(caller, request, repositoryIds);
                batch.add(task);
                if (chosenId(request)) {
                    lookUp.add(task.id());
                }
                if (task.parentTaskId() != null) {
                    lookUp.add(task.parentTaskId());
                }
            }
            Set<String> existing = lookUp.isEmpty() ? Set.of() : tasks.existingIds(caller.tenant(), lookUp);
            List<Violation> violations = new ArrayList<>();
            Set<String> idsSoFar = new HashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                String prefix = "tasks[" + i + "].";
                Task task = batch.get(i);
                violations.addAll(constraints.violationsOf(task, prefix));
                if (!idsSoFar.add(task.id())) {
                    violations.add(new Violation(prefix + "id", "'" + task.id() + "' appears twice in the batch"));
                } else if (existing.contains(task.id())) {
                    violations.add(new Violation(prefix + "id", "task '" + task.id() + "' already exists"));
                }
                if (task.parentTaskId() != null && !idsSoFar.contains(task.parentTaskId())
                        && !existing.contains(task.parentTaskId())) {
                    violations.add(new Violation(prefix + "parentTaskId",
                            "refers to no task '" + task.parentTaskId() + "' (a parent must come first)"));
                }
            }
            if (!violations.isEmpty()) {
                throw new ValidationFailed(violations);
            }
            List<Task> stored = tasks.addAll(batch);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("count", stored.size());
            details.put("ids", stored.stream().map(Task::id).toList());
            auditor.recorded(caller, TASK, "batch:" + stored.get(0).id(), AuditAction.CREATE, details);
            return stored;
        });
    }

    @Override
    public Optional<Task> claim(Caller caller, String agentId, boolean anyRepository, boolean start) {
        caller.requireMayActFor(agentId);
        return written(caller, () -> {
            Agent agent = agents.findById(caller.tenant(), agentId).orElseThrow(() -> new NotFound(AGENT, agentId));
            long active = activeTasks(caller, agentId);
            if (!agent.canTakeWork(active)) {
                throw new Conflict("Agent '" + agentId + "' cannot take work: it is " + agent.status().name()
                        + " with " + active + " of at most " + agent.maxConcurrentTasks() + " active task(s)");
            }
            Instant now = clock.instant();
            Optional<Task> claimed = claimNext(caller, agent, anyRepository, start, now);
            // The agent's new current task is told by the task's audit entry (its agentId); no entry of its own.
            claimed.ifPresent(task -> agents.recordState(agent.startedWorkOn(task.id(), now)));
            return claimed;
        });
    }

    @Override
    public Handoff completeAndClaimNext(Caller caller, String taskId, String leaseToken, String result,
                                        boolean anyRepository, boolean start) {
        return written(caller, () -> {
            Task before = leased(caller, taskId, leaseToken);
            Instant now = clock.instant();
            Task done = save(caller, before, before.complete(result, now));
            recordRepositoryOutcome(caller, done, true, now);
            completeContainerAfter(caller, done, now);
            Optional<Task> next = Optional.empty();
            if (done.agentId() != null) {
                Optional<Agent> found = agents.findIncludingDeleted(caller.tenant(), done.agentId());
                if (found.isPresent()) {
                    Agent agent = found.get();
                    var statistics = agent.statistics().withCompleted(orZero(done.executionDuration()));
                    long active = activeTasks(caller, agent.id());
                    if (agent.canTakeWork(active)) {
                        next = claimNext(caller, agent, anyRepository, start, now);
                    }
                    // One agent row and one audit entry for both: the statistics and the work it now holds.
                    String current = next.isPresent() ? next.get().id()
                            : active == 0 ? null : ActiveWork.nextCurrentTask(tasks, caller.tenant(), agent.id(), null);
                    recordAgent(caller, agent, agent.finishedWork(statistics, current, now));
                }
            }
            return new Handoff(done, next);
        });
    }

    /** This agent's active tasks only: counting every agent's would scan the whole history. */
    private long activeTasks(Caller caller, String agentId) {
        return tasks.countActive(caller.tenant(), agentId);
    }

    /** The next claimable task leased to the agent (and started, when asked), audited; the agent row is the caller's. */
    private Optional<Task> claimNext(Caller caller, Agent agent, boolean anyRepository, boolean start, Instant now) {
        Optional<Task> next = tasks.nextClaimable(caller.tenant(), agent.repositoryPath());
        if (next.isEmpty() && anyRepository) {
            next = tasks.nextClaimable(caller.tenant(), null);
        }
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Task before = next.get();
        Lease lease = new Lease(UUID.randomUUID().toString(), now.plus(leaseDuration));
        Task assigned = before.assign(agent.id(), lease, now);
        Task claimed = tasks.update(start ? assigned.start(now) : assigned);
        auditor.changed(caller, TASK, claimed.id(), AuditAction.EXECUTE, before, claimed);
        return Optional.of(claimed);
    }

    private void recordAgent(Caller caller, Agent before, Agent after) {
        Agent stored = agents.recordState(after);
        auditor.changed(caller, AGENT, before.id(), AuditAction.UPDATE, before, stored);
    }

    @Override
    public Task start(Caller caller, String taskId, String leaseToken) {
        return transition(caller, taskId, leaseToken, (task, now) -> task.start(now));
    }

    @Override
    public Task reportProgress(Caller caller, String taskId, String leaseToken, int percentage, String message) {
        return transition(caller, taskId, leaseToken, (task, now) -> task.reportProgress(percentage, message, now));
    }

    @Override
    public Task complete(Caller caller, String taskId, String leaseToken, String result) {
        return written(caller, () -> {
            Task before = leased(caller, taskId, leaseToken);
            Instant now = clock.instant();
            Task done = save(caller, before, before.complete(result, now));
            recordOutcome(caller, done, true, now);
            completeContainerAfter(caller, done, now);
            return done;
        });
    }

    @Override
    public Task fail(Caller caller, String taskId, String leaseToken, String errorMessage, boolean retry) {
        return written(caller, () -> {
            Task before = leased(caller, taskId, leaseToken);
            Instant now = clock.instant();
            Task failed = save(caller, before, before.fail(errorMessage, now));
            recordOutcome(caller, failed, false, now);
            return retry ? save(caller, failed, failed.retry(now)) : failed;
        });
    }

    @Override
    public Task cancel(Caller caller, String taskId) {
        return written(caller, () -> {
            Task before = existing(caller, taskId);
            Instant now = clock.instant();
            Task cancelled = cancelOne(caller, before, now);
            if (before.container()) {
                // Its steps go with it: none of them may still be claimed or left running.
                Specification<Task> unfinished = TaskFields.PARENT_TASK_ID.eq(before.id())
                        .and(TaskFields.STATUS.in(List.copyOf(TaskStatus.UNFINISHED)));
                for (List<Task> page = firstPage(caller, unfinished); !page.isEmpty();
                     page = firstPage(caller, unfinished)) {
                    page.forEach(step -> cancelOne(caller, step, now));
                }
            }
            return cancelled;
        });
    }

    private Task cancelOne(Caller caller, Task before, Instant now) {
        Task cancelled = save(caller, before, before.cancel(now));
        if (before.isActive()) {
            releaseAgent(caller, before.agentId(), now);
        }
        return cancelled;
    }

    private List<Task> firstPage(Caller caller, Specification<Task> where) {
        return tasks.find(caller.tenant(), where, new PageRequest<>(0, PageRequest.MAX_SIZE,
                List.of(TaskFields.WORKFLOW_STEP.asc(), TaskFields.ID.asc()))).items();
    }

    /** The last step of a container to complete completes the container, in the same unit of work. */
    private void completeContainerAfter(Caller caller, Task step, Instant now) {
        if (step.parentTaskId() == null) {
            return;
        }
        tasks.findById(caller.tenant(), step.parentTaskId())
                .filter(parent -> parent.container() && parent.status() == TaskStatus.PENDING)
                .filter(parent -> tasks.count(caller.tenant(), TaskFields.PARENT_TASK_ID.eq(parent.id())
                        .and(TaskFields.STATUS.in(List.copyOf(TaskStatus.NOT_COMPLETED)))) == 0)
                .ifPresent(parent -> save(caller, parent, parent.completeContainer(now)));
    }

    @Override
    public Task retry(Caller caller, String taskId) {
        return written(caller, () -> {
            Task before = existing(caller, taskId);
            return save(caller, before, before.retry(clock.instant()));
        });
    }

    @Override
    public Task unassign(Caller caller, String taskId) {
        return written(caller, () -> {
            Task before = existing(caller, taskId);
            Instant now = clock.instant();
            Task pending = save(caller, before, before.unassign(now));
            releaseAgent(caller, before.agentId(), now);
            return pending;
        });
    }

    @Override
    public Task get(Caller caller, String taskId) {
        return unitOfWork.read(() -> existing(caller, taskId));
    }

    @Override
    public Page<Task> list(Caller caller, TaskQuery q, PageRequest<Task> page) {
        Specification<Task> filter = q.toSpecification();
        return unitOfWork.read(() -> tasks.find(caller.tenant(), filter, page));
    }

    @Override
    public List<Task> tree(Caller caller, String rootId) {
        return unitOfWork.read(() -> {
            existing(caller, rootId);
            return tasks.tree(caller.tenant(), rootId);
        });
    }

    @Override
    public List<Task> longRunning(Caller caller, Duration threshold) {
        Instant startedBefore = Periods.before(clock.instant(), "threshold", threshold);
        Specification<Task> where = TaskFields.STATUS.eq(TaskStatus.IN_PROGRESS)
                .and(TaskFields.STARTED_AT.before(startedBefore));
        return unitOfWork.read(() -> tasks.find(caller.tenant(), where,
                new PageRequest<>(0, PageRequest.MAX_SIZE, List.of(TaskFields.STARTED_AT.asc()))).items());
    }

    private interface Move {
        Task apply(Task task, Instant now);
    }

    private Task transition(Caller caller, String taskId, String leaseToken, Move move) {
        return written(caller, () -> {
            Task before = leased(caller, taskId, leaseToken);
            return save(caller, before, move.apply(before, clock.instant()));
        });
    }

    /**
     * A write unit; once it has committed, waiting claims of the tenant are woken when it left a task
     * claimable (PENDING): an enqueue, a retry, an unassign.
     */
    private <T> T written(Caller caller, java.util.function.Supplier<T> work) {
        T result = unitOfWork.write(work);
        boolean claimable = result instanceof Task t ? t.status() == TaskStatus.PENDING
                : result instanceof List<?> list && list.stream().anyMatch(r -> r instanceof Task t
                        && t.status() == TaskStatus.PENDING);
        if (claimable) {
            arrivals.arrived(caller.tenant());
        }
        return result;
    }

    private Task save(Caller caller, Task before, Task after) {
        constraints.require(after);
        Task stored = tasks.update(after);
        auditor.changed(caller, TASK, stored.id(), AuditAction.UPDATE, before, stored);
        return stored;
    }

    /** Statistics of the agent and the repository, and the agent's status, follow the outcome. */
    private void recordOutcome(Caller caller, Task finished, boolean succeeded, Instant now) {
        if (finished.agentId() != null) {
            agents.findIncludingDeleted(caller.tenant(), finished.agentId()).ifPresent(agent -> {
                var statistics = succeeded
                        ? agent.statistics().withCompleted(orZero(finished.executionDuration()))
                        : agent.statistics().withFailed();
                recordAgent(caller, agent, agent.finishedWork(statistics,
                        ActiveWork.nextCurrentTask(tasks, caller.tenant(), agent.id(), finished.id()), now));
            });
        }
        recordRepositoryOutcome(caller, finished, succeeded, now);
    }

    private void recordRepositoryOutcome(Caller caller, Task finished, boolean succeeded, Instant now) {
        repositories.findByPath(caller.tenant(), finished.repositoryPath()).ifPresent(repository -> {
            CodeRepository stored = repositories.update(
                    repository.recordTask(succeeded, finished.executionDuration(), now));
            auditor.changed(caller, CodeRepository.ENTITY, repository.id(), AuditAction.UPDATE, repository, stored);
        });
    }

    private void releaseAgent(Caller caller, String agentId, Instant now) {
        if (agentId == null) {
            return;
        }
        agents.findIncludingDeleted(caller.tenant(), agentId).ifPresent(agent -> {
            Agent stored = agents.recordState(agent.finishedWork(agent.statistics(),
                    ActiveWork.nextCurrentTask(tasks, caller.tenant(), agentId, null), now));
            auditor.changed(caller, AGENT, agentId, AuditAction.UPDATE, agent, stored);
        });
    }

    private static Duration orZero(Duration duration) {
        return duration == null ? Duration.ZERO : duration;
    }

    private Task leased(Caller caller, String taskId, String leaseToken) {
        Task task = existing(caller, taskId);
        // Before the token: another agent's task is refused even to a caller that learnt its lease token.
        caller.requireMayActFor(task.agentId());
        if (leaseToken == null || leaseToken.isBlank()) {
            throw new Conflict("Task '" + taskId + "' needs the lease token of its claim (X-Lease-Token)");
        }
        if (task.lease() == null || !task.lease().token().equals(leaseToken)) {
            throw new Conflict("Task '" + taskId + "' is not leased under this token: the lease was superseded"
                    + " or the task is no longer claimed (status " + task.status().name() + ")");
        }
        if (task.leaseExpiredAt(clock.instant())) {
            throw new Conflict("Task '" + taskId + "': the lease expired at " + task.lease().expiresAt()
                    + "; heartbeats keep a lease alive, and the task may go to another agent");
        }
        return task;
    }

    private Task existing(Caller caller, String taskId) {
        return tasks.findById(caller.tenant(), taskId).orElseThrow(() -> new NotFound(TASK, taskId));
    }

    private Task newTask(Caller caller, Task.NewTask request, Map<String, Optional<String>> repositoryIds) {
        String id = chosenId(request) ? request.id() : Ids.newId();
        String path = request.repositoryPath();
        String repositoryId = path == null ? null : repositoryIds.computeIfAbsent(path,
                p -> repositories.findByPath(caller.tenant(), p).map(CodeRepository::id)).orElse(null);
        return Task.enqueue(caller.tenant(), id, request, repositoryId, clock.instant());
    }

    /** Whether the caller chose the task's id; otherwise a new UUIDv7 is generated, unused by construction. */
    private static boolean chosenId(Task.NewTask request) {
        return request.id() != null && !request.id().isBlank();
    }

    private void requireParent(Caller caller, Task task) {
        String parent = task.parentTaskId();
        if (parent != null && tasks.findById(caller.tenant(), parent).isEmpty()) {
            throw ValidationFailed.of("parentTaskId", "refers to no task '" + parent + "'");
        }
    }
}
