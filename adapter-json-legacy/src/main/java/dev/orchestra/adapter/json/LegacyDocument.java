package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        Map<StoreRows.Section<?>, ArrayNode> arrays = new LinkedHashMap<>();
        own.sections().forEach(s -> arrays.put(s, section.putArray(s.name())));
        state.tenants().forEach((tenant, data) -> {
            if (!tenant.equals(TenantId.DEFAULT)) {
                ObjectNode node = others.putObject(tenant.value());
                writeTenant(node, data);
                node.set("DeletedAgents", deletedAgents(data));
            }
            arrays.forEach((rows, array) -> rows.writeRows(data, array));
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
            default -> ownSection(area).writeRow(row);
        };
    }

    /** A row of the journal read back, in its tenant. */
    Object row(String area, TenantId tenant, JsonNode node) {
        JsonProps n = new JsonProps(mapper, node);
        return switch (area) {
            case JsonState.AGENTS -> legacy.agent(tenant, null, n);
            case JsonState.TASKS -> legacy.task(tenant, n);
            case JsonState.REPOSITORIES -> legacy.repository(tenant, null, n);
            default -> ownSection(area).read().apply(n);
        };
    }

    private StoreRows.Section<?> ownSection(String area) {
        StoreRows.Section<?> section = own.section(area);
        if (section == null) {
            throw new IllegalArgumentException("no area '" + area + "' in the JSON store");
        }
        return section;
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
        for (StoreRows.Section<?> rows : own.sections()) {
            for (JsonNode node : section.array(rows.name())) {
                rows.readRow(state, new JsonProps(mapper, node));
            }
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
