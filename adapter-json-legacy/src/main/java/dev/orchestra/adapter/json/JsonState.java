package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.template.TaskTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the JSON store holds, per tenant. A write unit works on a copy and publishes it only
 * after the file is replaced, so readers never see a half-done unit.
 */
final class JsonState {
    /** One tenant's data; maps keep insertion order, which is the queue's order. */
    static final class TenantData {
        final Map<String, Agent> agents;
        final Map<String, Task> tasks;
        final Map<String, CodeRepository> repositories;
        final Map<String, UserPreference> preferences;
        final List<AuditEntry> audit;
        final List<LegacyImport> imports;
        final Map<String, TaskTemplate> templates;

        TenantData() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                    new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>());
        }

        private TenantData(Map<String, Agent> agents, Map<String, Task> tasks,
                           Map<String, CodeRepository> repositories, Map<String, UserPreference> preferences,
                           List<AuditEntry> audit, List<LegacyImport> imports, Map<String, TaskTemplate> templates) {
            this.agents = agents;
            this.tasks = tasks;
            this.repositories = repositories;
            this.preferences = preferences;
            this.audit = audit;
            this.imports = imports;
            this.templates = templates;
        }

        TenantData copy() {
            return new TenantData(new LinkedHashMap<>(agents), new LinkedHashMap<>(tasks),
                    new LinkedHashMap<>(repositories), new LinkedHashMap<>(preferences), new ArrayList<>(audit),
                    new ArrayList<>(imports), new LinkedHashMap<>(templates));
        }

        boolean isEmpty() {
            return agents.isEmpty() && tasks.isEmpty() && repositories.isEmpty() && preferences.isEmpty()
                    && audit.isEmpty() && imports.isEmpty() && templates.isEmpty();
        }
    }

    private final Map<TenantId, TenantData> tenants;
    /** The tenants whose data this state has copied and may change; the others are shared, read-only. */
    private final Set<TenantId> owned = new HashSet<>();
    private boolean changed;

    JsonState() {
        this(new TreeMap<>(java.util.Comparator.comparing(TenantId::value)));
    }

    private JsonState(Map<TenantId, TenantData> tenants) {
        this.tenants = tenants;
    }

    /** Read access; an unknown tenant reads as empty. */
    TenantData of(TenantId tenant) {
        TenantData data = tenants.get(tenant);
        return data == null ? new TenantData() : data;
    }

    /**
     * Write access: the first write to a tenant in this unit copies that tenant's data (copy on write),
     * so a unit costs the tenants it changes, not the whole document, and marks the state changed.
     */
    TenantData mutable(TenantId tenant) {
        changed = true;
        if (owned.add(tenant)) {
            TenantData shared = tenants.get(tenant);
            tenants.put(tenant, shared == null ? new TenantData() : shared.copy());
        }
        return tenants.get(tenant);
    }

    /** Whether a port asked to change anything: a unit that did not writes no file. */
    boolean changed() {
        return changed;
    }

    Map<TenantId, TenantData> tenants() {
        return tenants;
    }

    /** A working state for a write unit: shares every tenant's data until the unit writes to it. */
    JsonState copy() {
        JsonState copy = new JsonState();
        copy.tenants.putAll(tenants);
        return copy;
    }
}
