package dev.orchestra.application.copy;

import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.application.shared.Pages;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.repository.RepositoryFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies a whole store through the ports: a read unit on the source inside one write unit on the target.
 * Every row read is checked against the domain's constraints before it is written, so a value the target
 * would refuse (a hand-edited legacy file, say) stops the copy with its place named and nothing written.
 */
public final class StoreCopyService implements StoreCopy {
    private static final int PAGE = PageRequest.MAX_SIZE;
    private static final int BATCH = 1000;
    private final ConstraintCheck constraints;

    public StoreCopyService(ConstraintCheck constraints) {
        this.constraints = constraints;
    }

    @Override
    public CopyReport copy(Store from, Store to, boolean merge) {
        Map<String, Long> copied = new LinkedHashMap<>();
        Map<String, Long> kept = new LinkedHashMap<>();
        to.unitOfWork().writeVoid(() -> from.unitOfWork().read(() -> {
            if (!merge && !to.maintenance().isEmpty()) {
                throw new Conflict("the target store holds data already; copy into an empty store, or merge");
            }
            for (TenantId tenant : from.maintenance().tenants()) {
                copyTenant(tenant, from, to, copied, kept);
            }
            return null;
        }));
        return new CopyReport(copied, kept);
    }

    private void copyTenant(TenantId tenant, Store from, Store to, Map<String, Long> copied,
                                   Map<String, Long> kept) {
        Pages.each(List.of(RepositoryFields.ID.asc()),
                (where, page) -> from.repositories().find(tenant, where, page), r -> {
            if (to.repositories().findById(tenant, r.id()).isPresent()) {
                kept.merge("repositories", 1L, Long::sum);
            } else {
                to.repositories().add(valid("repositories", tenant, r.id(), r));
                copied.merge("repositories", 1L, Long::sum);
            }
        });
        Pages.each(List.of(AgentFields.ID.asc()),
                (where, page) -> from.agents().findWithDeleted(tenant, where, page), a -> {
            if (to.agents().findIncludingDeleted(tenant, a.id()).isPresent()) {
                kept.merge("agents", 1L, Long::sum);
            } else {
                to.agents().add(valid("agents", tenant, a.id(), a));
                copied.merge("agents", 1L, Long::sum);
            }
        });
        copyTasks(tenant, from, to, copied, kept);
        for (UserPreference p : from.preferences().find(tenant, Specification.all())) {
            if (to.preferences().find(tenant, p.scope(), p.key()).isPresent()) {
                kept.merge("preferences", 1L, Long::sum);
            } else {
                to.preferences().add(valid("preferences", tenant, p.id(), p));
                copied.merge("preferences", 1L, Long::sum);
            }
        }
        Set<String> auditIds = new HashSet<>();
        Pages.each(List.of(AuditFieldsOfEntry.ID.asc()), (where, page) -> to.auditTrail().find(tenant, where, page),
                e -> auditIds.add(e.id()));
        Pages.each(List.of(AuditFieldsOfEntry.TIMESTAMP.asc()),
                (where, page) -> from.auditTrail().find(tenant, where, page),
                (AuditEntry e) -> {
                    if (auditIds.contains(e.id())) {
                        kept.merge("auditEntries", 1L, Long::sum);
                    } else {
                        to.auditTrail().append(valid("auditEntries", tenant, e.id(), e));
                        copied.merge("auditEntries", 1L, Long::sum);
                    }
                });
        Pages.each(List.of(dev.orchestra.domain.template.TemplateFields.ID.asc()),
                (where, page) -> from.templates().find(tenant, where, page), t -> {
                    if (to.templates().findById(tenant, t.id()).isPresent()) {
                        kept.merge("templates", 1L, Long::sum);
                    } else {
                        to.templates().add(valid("templates", tenant, t.id(), t));
                        copied.merge("templates", 1L, Long::sum);
                    }
                });
        for (LegacyImport i : reversed(from.legacyImports().list(tenant))) {
            if (to.legacyImports().findBySha256(tenant, i.sha256()).isPresent()) {
                kept.merge("legacyImports", 1L, Long::sum);
            } else {
                to.legacyImports().add(i);
                copied.merge("legacyImports", 1L, Long::sum);
            }
        }
    }

    /** Oldest first, and a child never before its parent, in batches. */
    private void copyTasks(TenantId tenant, Store from, Store to, Map<String, Long> copied,
                                  Map<String, Long> kept) {
        List<Task> batch = new ArrayList<>(BATCH);
        Set<String> present = new HashSet<>();
        Map<String, List<Task>> waitingForParent = new LinkedHashMap<>();
        Consumer<Task> flush = new Consumer<>() {
            @Override
            public void accept(Task ignored) {
                if (!batch.isEmpty()) {
                    to.tasks().addAll(batch);
                    copied.merge("tasks", (long) batch.size(), Long::sum);
                    batch.clear();
                }
            }
        };
        Consumer<Task> place = new Consumer<>() {
            @Override
            public void accept(Task t) {
                if (to.tasks().findById(tenant, t.id()).isPresent() && !present.contains(t.id())) {
                    kept.merge("tasks", 1L, Long::sum);
                    present.add(t.id());
                } else if (t.parentTaskId() != null && !present.contains(t.parentTaskId())
                        && to.tasks().findById(tenant, t.parentTaskId()).isEmpty()) {
                    waitingForParent.computeIfAbsent(t.parentTaskId(), k -> new ArrayList<>()).add(t);
                    return;
                } else {
                    batch.add(valid("tasks", tenant, t.id(), t));
                    present.add(t.id());
                    if (batch.size() == BATCH) {
                        flush.accept(null);
                    }
                }
                List<Task> children = waitingForParent.remove(t.id());
                if (children != null) {
                    children.forEach(this);
                }
            }
        };
        Pages.each(List.of(TaskFields.CREATED_AT.asc()),
                (where, page) -> from.tasks().find(tenant, where, page), place);
        flush.accept(null);
        if (!waitingForParent.isEmpty()) {
            throw new Conflict("tasks of tenant " + tenant + " point at parents that are not in the source: "
                    + waitingForParent.keySet());
        }
    }

    private <T> T valid(String area, TenantId tenant, String id, T row) {
        List<Violation> violations = constraints.violationsOf(row, area + "[" + tenant + "/" + id + "].");
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return row;
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
