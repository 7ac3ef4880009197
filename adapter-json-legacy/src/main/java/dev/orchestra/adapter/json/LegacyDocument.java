package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.template.TaskTemplate;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's document in the legacy shape: the default tenant's agents, task queue and repositories
 * stand where the old program reads them ({@link LegacyRows}); deleted agents, other tenants and the
 * rows only this store has ({@link StoreRows}) live in the top-level {@code Orchestra} section, which
 * the old program ignores. Also the codec of the journal's rows, which take the same shapes.
 */
final class LegacyDocument {
    static final String SECTION = "Orchestra";
    static final int FORMAT_VERSION = 1;
    private final ObjectMapper mapper;
    private final LegacyRows legacy;
    private final StoreRows own;

    LegacyDocument(ObjectMapper mapper) {
        this.mapper = mapper;
        this.legacy = new LegacyRows(mapper);
        this.own = new StoreRows(mapper);
    }

    // ---------------------------------------------------------------- writing

    ObjectNode write(JsonState state, Instant now) {
        ObjectNode root = mapper.createObjectNode();
        JsonState.TenantData main = state.of(TenantId.DEFAULT);
        writeTenant(root, main);
        root.put("LastUpdate", LegacyValues.time(now));
        ObjectNode section = root.putObject(SECTION);
        section.put("FormatVersion", FORMAT_VERSION);
        // The last journal unit this document includes: a replay after a crash skips what it already holds.
        section.put("JournalSequence", state.sequence());
        section.set("DeletedAgents", deletedAgents(main));
        ObjectNode others = section.putObject("Tenants");
        ArrayNode preferences = section.putArray("Preferences");
        ArrayNode audit = section.putArray("AuditLog");
        ArrayNode imports = section.putArray("LegacyImports");
        ArrayNode templates = section.putArray("TaskTemplates");
        ArrayNode breakers = section.putArray("CircuitBreakers");
        ArrayNode transitions = section.putArray("CircuitTransitions");
        state.tenants().forEach((tenant, data) -> {
            if (!tenant.equals(TenantId.DEFAULT)) {
                ObjectNode node = others.putObject(tenant.value());
                writeTenant(node, data);
                node.set("DeletedAgents", deletedAgents(data));
            }
            data.preferences.values().forEach(p -> preferences.add(own.preference(p)));
            data.audit.rows().forEach(e -> audit.add(own.auditEntry(e)));
            data.imports.rows().forEach(i -> imports.add(own.legacyImport(i)));
            data.templates.values().forEach(t -> templates.add(own.template(t)));
            data.circuitBreakers.values().forEach(b -> breakers.add(own.circuitBreaker(b)));
            data.circuitTransitions.rows().forEach(t -> transitions.add(own.circuitTransition(t)));
        });
        return root;
    }

    private void writeTenant(ObjectNode into, JsonState.TenantData data) {
        ObjectNode agents = into.putObject("Agents");
        data.agents.values().stream().filter(a -> !a.isDeleted()).forEach(a -> agents.set(a.id(), legacy.agent(a)));
        ArrayNode queue = into.putArray("TaskQueue");
        data.tasks.values().forEach(t -> queue.add(legacy.task(t)));
        ObjectNode repositories = into.putObject("Repositories");
        for (CodeRepository r : data.repositories.values()) {
            // Keyed by name as the old program does; a second repository of the same name is keyed by path.
            String key = repositories.has(r.name()) ? r.path() : r.name();
            repositories.set(key, legacy.repository(r, data.agents.values()));
        }
    }

    private ArrayNode deletedAgents(JsonState.TenantData data) {
        ArrayNode deleted = mapper.createArrayNode();
        data.agents.values().stream().filter(Agent::isDeleted).forEach(a -> deleted.add(legacy.agent(a)));
        return deleted;
    }

    // ---------------------------------------------------------------- journal rows

    /** One row as the journal records it: the shape the document gives it (derived fields left out). */
    JsonNode row(String area, Object row) {
        return switch (area) {
            case JsonState.AGENTS -> legacy.agent((Agent) row);
            case JsonState.TASKS -> legacy.task((Task) row);
            case JsonState.REPOSITORIES -> legacy.repository((CodeRepository) row, null);
            case JsonState.PREFERENCES -> own.preference((UserPreference) row);
            case JsonState.AUDIT -> own.auditEntry((AuditEntry) row);
            case JsonState.IMPORTS -> own.legacyImport((LegacyImport) row);
            case JsonState.TEMPLATES -> own.template((TaskTemplate) row);
            case JsonState.CIRCUIT_BREAKERS -> own.circuitBreaker((CircuitBreaker) row);
            case JsonState.CIRCUIT_TRANSITIONS -> own.circuitTransition((CircuitTransition) row);
            default -> throw new IllegalArgumentException("no area '" + area + "' in the JSON store");
        };
    }

    /** A row of the journal read back, in its tenant. */
    Object row(String area, TenantId tenant, JsonNode node) {
        JsonProps n = new JsonProps(mapper, node);
        return switch (area) {
            case JsonState.AGENTS -> legacy.agent(tenant, null, n);
            case JsonState.TASKS -> legacy.task(tenant, n);
            case JsonState.REPOSITORIES -> legacy.repository(tenant, null, n);
            case JsonState.PREFERENCES -> own.preference(n);
            case JsonState.AUDIT -> own.auditEntry(n);
            case JsonState.IMPORTS -> own.legacyImport(n);
            case JsonState.TEMPLATES -> own.template(n);
            case JsonState.CIRCUIT_BREAKERS -> own.circuitBreaker(n);
            case JsonState.CIRCUIT_TRANSITIONS -> own.circuitTransition(n);
            default -> throw new IllegalArgumentException("no area '" + area + "' in the JSON store");
        };
    }

    // ---------------------------------------------------------------- reading

    /** The state a document holds; its rows are put in place without being journalled. */
    JsonState read(JsonNode root) {
        JsonState state = new JsonState();
        state.changes().beginLoading();
        try {
            readInto(state, root);
        } finally {
            state.changes().end();
        }
        return state;
    }

    private void readInto(JsonState state, JsonNode root) {
        JsonProps top = new JsonProps(mapper, root);
        readTenant(state.mutable(TenantId.DEFAULT), TenantId.DEFAULT, top);
        JsonProps section = top.object(SECTION);
        state.sequence(section.number("JournalSequence", 0));
        for (JsonNode deleted : section.array("DeletedAgents")) {
            Agent agent = legacy.agent(TenantId.DEFAULT, null, new JsonProps(mapper, deleted));
            state.mutable(TenantId.DEFAULT).agents.put(agent.id(), agent);
        }
        for (Map.Entry<String, JsonNode> tenant : section.entries("Tenants")) {
            TenantId id = new TenantId(tenant.getKey());
            JsonProps props = new JsonProps(mapper, tenant.getValue());
            readTenant(state.mutable(id), id, props);
            for (JsonNode deleted : props.array("DeletedAgents")) {
                Agent agent = legacy.agent(id, null, new JsonProps(mapper, deleted));
                state.mutable(id).agents.put(agent.id(), agent);
            }
        }
        for (JsonNode node : section.array("Preferences")) {
            UserPreference p = own.preference(new JsonProps(mapper, node));
            state.mutable(p.tenantId()).preferences.put(p.id(), p);
        }
        for (JsonNode node : section.array("AuditLog")) {
            AuditEntry e = own.auditEntry(new JsonProps(mapper, node));
            state.mutable(e.tenantId()).audit.add(e);
        }
        for (JsonNode node : section.array("TaskTemplates")) {
            TaskTemplate t = own.template(new JsonProps(mapper, node));
            state.mutable(t.tenantId()).templates.put(t.id(), t);
        }
        for (JsonNode node : section.array("LegacyImports")) {
            LegacyImport i = own.legacyImport(new JsonProps(mapper, node));
            state.mutable(i.tenantId()).imports.add(i);
        }
        for (JsonNode node : section.array("CircuitBreakers")) {
            CircuitBreaker b = own.circuitBreaker(new JsonProps(mapper, node));
            state.mutable(b.tenantId()).circuitBreakers.put(b.agentKey(), b);
        }
        for (JsonNode node : section.array("CircuitTransitions")) {
            CircuitTransition t = own.circuitTransition(new JsonProps(mapper, node));
            state.mutable(t.tenantId()).circuitTransitions.add(t);
        }
    }

    private void readTenant(JsonState.TenantData data, TenantId tenant, JsonProps props) {
        for (Map.Entry<String, JsonNode> entry : props.entries("Repositories")) {
            CodeRepository repository = legacy.repository(tenant, entry.getKey(), new JsonProps(mapper, entry.getValue()));
            data.repositories.put(repository.id(), repository);
        }
        for (Map.Entry<String, JsonNode> entry : props.entries("Agents")) {
            Agent agent = legacy.agent(tenant, entry.getKey(), new JsonProps(mapper, entry.getValue()));
            data.agents.put(agent.id(), agent);
        }
        for (JsonNode node : props.array("TaskQueue")) {
            Task task = legacy.task(tenant, new JsonProps(mapper, node));
            data.tasks.put(task.id(), task);
        }
    }

}
