package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskCounts;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.TaskTotals;
import dev.orchestra.domain.task.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link Tasks} over the JSON document's task queue. */
final class JsonTasks implements Tasks {
    private static final String TASK = Task.ENTITY;
    /** The claim order: highest priority, then oldest, then lowest id. */
    static final Comparator<Task> CLAIM_ORDER = Comparator.comparing(Task::priority).reversed()
            .thenComparing(Task::createdAt).thenComparing(Task::id);
    private static final Comparator<Task> TREE_ORDER = Comparator.comparing(Task::createdAt)
            .thenComparing(Task::id);

    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonTasks(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<Task> findById(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).tasks.get(id));
    }

    @Override
    public Set<String> existingIds(TenantId tenant, Collection<String> ids) {
        JsonTable<Task> tasks = unitOfWork.state().of(tenant).tasks;
        return ids.stream().filter(tasks::containsKey).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public Task add(Task task) {
        JsonState.TenantData data = unitOfWork.state().mutable(task.tenantId());
        return insert(data, task);
    }

    @Override
    public List<Task> addAll(List<Task> tasks) {
        List<Task> stored = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            stored.add(insert(unitOfWork.state().mutable(task.tenantId()), task));
        }
        return stored;
    }

    @Override
    public Task update(Task task) {
        door.check(TASK, task);
        JsonState.TenantData data = unitOfWork.state().mutable(task.tenantId());
        Task current = data.tasks.get(task.id());
        if (current == null) {
            throw new NotFound(TASK, task.id());
        }
        if (current.version() != task.version()) {
            throw Conflict.staleVersion(TASK, task.id(), task.version());
        }
        checkReferences(data, task);
        Task stored = task.withVersion(task.version() + 1);
        data.tasks.put(task.id(), stored);
        return stored;
    }

    @Override
    public Page<Task> find(TenantId tenant, Specification<Task> where, PageRequest<Task> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).tasks.values(), where, page, TaskFields.ID);
    }

    @Override
    public long count(TenantId tenant, Specification<Task> where) {
        return unitOfWork.state().of(tenant).tasks.values().stream().filter(where::isSatisfiedBy).count();
    }

    @Override
    public TaskTotals totals(TenantId tenant, Specification<Task> where) {
        Sum sum = new Sum();
        for (Task task : unitOfWork.state().of(tenant).tasks.values()) {
            if (where.isSatisfiedBy(task)) {
                sum.add(task);
            }
        }
        return new TaskTotals(sum.count, sum.time);
    }

    /**
     * Tasks counted and their runs summed as a Duration: each run may be ~292 years (a long of nanoseconds), so a
     * few of them overflow a long sum of nanoseconds, which wrapped to a negative total.
     */
    private static final class Sum {
        long count;
        Duration time = Duration.ZERO;

        void add(Task task) {
            count++;
            if (task.executionDuration() != null) {
                time = time.plus(task.executionDuration());
            }
        }
    }

    @Override
    public List<TaskCounts.Daily> countByDayAndStatus(TenantId tenant, Specification<Task> where) {
        Map<java.time.LocalDate, Map<TaskStatus, Long>> counts = new java.util.TreeMap<>();
        for (Task task : unitOfWork.state().of(tenant).tasks.values()) {
            if (where.isSatisfiedBy(task)) {
                java.time.LocalDate day = task.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                counts.computeIfAbsent(day, d -> new java.util.EnumMap<>(TaskStatus.class))
                        .merge(task.status(), 1L, Long::sum);
            }
        }
        List<TaskCounts.Daily> result = new ArrayList<>();
        counts.forEach((day, byStatus) -> byStatus.forEach((status, count) ->
                result.add(new TaskCounts.Daily(day, status, count))));
        return result;
    }

    @Override
    public List<TaskCounts.Hourly> countByHour(TenantId tenant, java.time.Instant from, java.time.Instant to) {
        Map<java.time.Instant, Map<TaskStatus, Sum>> counts = new java.util.TreeMap<>();
        for (Task task : unitOfWork.state().of(tenant).tasks.values()) {
            if (!task.createdAt().isBefore(from) && task.createdAt().isBefore(to)) {
                counts.computeIfAbsent(task.createdAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                        h -> new java.util.EnumMap<>(TaskStatus.class)).computeIfAbsent(task.status(), s -> new Sum())
                        .add(task);
            }
        }
        List<TaskCounts.Hourly> result = new ArrayList<>();
        counts.forEach((hour, byStatus) -> byStatus.forEach((status, c) ->
                result.add(new TaskCounts.Hourly(hour, status, c.count, c.time))));
        return result;
    }

    /** The JSON store counts its tasks when asked; it keeps no counters. */
    @Override
    public void rebuildCounts(TenantId tenant) {
    }

    @Override
    public List<TaskCounts.Grouped> countByAgentAndStatus(TenantId tenant, Specification<Task> where) {
        return grouped(tenant, where, Task::agentId);
    }

    @Override
    public List<TaskCounts.Grouped> countByRepositoryAndStatus(TenantId tenant, Specification<Task> where) {
        return grouped(tenant, where, Task::repositoryId);
    }

    private List<TaskCounts.Grouped> grouped(TenantId tenant, Specification<Task> where,
                                             java.util.function.Function<Task, String> key) {
        Map<List<Object>, Sum> counts = new HashMap<>();
        for (Task task : unitOfWork.state().of(tenant).tasks.values()) {
            if (where.isSatisfiedBy(task)) {
                counts.computeIfAbsent(java.util.Arrays.asList(key.apply(task), task.status()), k -> new Sum())
                        .add(task);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new TaskCounts.Grouped((String) e.getKey().get(0), (TaskStatus) e.getKey().get(1),
                        e.getValue().count, e.getValue().time))
                .sorted(Comparator.comparing(TaskCounts.Grouped::key,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(TaskCounts.Grouped::status))
                .toList();
    }

    @Override
    public Optional<Task> nextClaimable(TenantId tenant, String repositoryPath) {
        JsonTable<Task> tasks = unitOfWork.state().of(tenant).tasks;
        // Per container, the first step not completed yet: a later step waits for it.
        Map<String, Integer> firstOpenStep = new HashMap<>();
        for (Task task : tasks.values()) {
            Task parent = task.parentTaskId() == null ? null : tasks.get(task.parentTaskId());
            if (parent != null && parent.container() && task.status() != TaskStatus.COMPLETED) {
                firstOpenStep.merge(parent.id(), task.workflowStep(), Math::min);
            }
        }
        return tasks.values().stream()
                .filter(t -> t.status() == TaskStatus.PENDING && !t.container())
                .filter(t -> repositoryPath == null || repositoryPath.equals(t.repositoryPath()))
                .filter(t -> t.parentTaskId() == null
                        || firstOpenStep.getOrDefault(t.parentTaskId(), Integer.MAX_VALUE) >= t.workflowStep())
                .min(CLAIM_ORDER);
    }

    @Override
    public Map<String, Long> activeTaskCounts(TenantId tenant) {
        Map<String, Long> counts = new HashMap<>();
        for (Task task : unitOfWork.state().of(tenant).tasks.values()) {
            if (task.isActive() && task.agentId() != null) {
                counts.merge(task.agentId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public List<Task> tree(TenantId tenant, String rootId) {
        JsonTable<Task> tasks = unitOfWork.state().of(tenant).tasks;
        Task root = tasks.get(rootId);
        if (root == null) {
            return List.of();
        }
        Map<String, List<Task>> children = new HashMap<>();
        for (Task task : tasks.values()) {
            if (task.parentTaskId() != null) {
                children.computeIfAbsent(task.parentTaskId(), k -> new ArrayList<>()).add(task);
            }
        }
        // Breadth first, each depth in creation order: the order of the SQL store's recursive query.
        List<Task> result = new ArrayList<>(List.of(root));
        List<Task> level = List.of(root);
        while (!level.isEmpty()) {
            List<Task> next = new ArrayList<>();
            for (Task parent : level) {
                next.addAll(children.getOrDefault(parent.id(), List.of()));
            }
            next.sort(TREE_ORDER);
            result.addAll(next);
            level = next;
        }
        return result;
    }

    private Task insert(JsonState.TenantData data, Task task) {
        door.check(TASK, task);
        if (data.tasks.containsKey(task.id())) {
            throw Conflict.alreadyExists(TASK, task.id());
        }
        if (task.parentTaskId() != null && !data.tasks.containsKey(task.parentTaskId())) {
            throw new NotFound(TASK, task.parentTaskId());
        }
        checkReferences(data, task);
        Task stored = task;
        data.tasks.put(task.id(), stored);
        return stored;
    }

    private static void checkReferences(JsonState.TenantData data, Task task) {
        References.requireAgent(data, task.agentId(), TASK + " '" + task.id() + "'");
        References.requireRepository(data, task.repositoryId(), TASK + " '" + task.id() + "'");
    }
}
