package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** {@link Agents} over the JSON document. */
final class JsonAgents implements Agents {
    private static final String AGENT = Agent.ENTITY;
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonAgents(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<Agent> findById(TenantId tenant, String id) {
        return findIncludingDeleted(tenant, id).filter(a -> !a.isDeleted());
    }

    @Override
    public Optional<Agent> findIncludingDeleted(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).agents.get(id));
    }

    @Override
    public Agent add(Agent agent) {
        door.check(AGENT, agent);
        JsonState.TenantData data = unitOfWork.state().mutable(agent.tenantId());
        if (data.agents.containsKey(agent.id())) {
            throw Conflict.alreadyExists(AGENT, agent.id());
        }
        References.requireRepository(data, agent.repositoryId(), AGENT + " '" + agent.id() + "'");
        Agent stored = agent;
        data.agents.put(agent.id(), stored);
        return stored;
    }

    @Override
    public Agent update(Agent agent) {
        return write(agent, agent.version() + 1);
    }

    @Override
    public Agent recordState(Agent agent) {
        return write(agent, agent.version());
    }

    private Agent write(Agent agent, long nextVersion) {
        door.check(AGENT, agent);
        JsonState.TenantData data = unitOfWork.state().mutable(agent.tenantId());
        Agent current = data.agents.get(agent.id());
        if (current == null) {
            throw new NotFound(AGENT, agent.id());
        }
        if (current.version() != agent.version()) {
            throw Conflict.staleVersion(AGENT, agent.id(), agent.version());
        }
        References.requireRepository(data, agent.repositoryId(), AGENT + " '" + agent.id() + "'");
        Agent stored = agent.withVersion(nextVersion);
        data.agents.put(agent.id(), stored);
        return stored;
    }

    @Override
    public Page<Agent> find(TenantId tenant, Specification<Agent> where, PageRequest<Agent> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).agents.values().stream()
                .filter(a -> !a.isDeleted()).toList(), where, page, AgentFields.ID);
    }

    @Override
    public Page<Agent> findWithDeleted(TenantId tenant, Specification<Agent> where, PageRequest<Agent> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).agents.values(), where, page, AgentFields.ID);
    }

    @Override
    public long count(TenantId tenant, Specification<Agent> where) {
        return unitOfWork.state().of(tenant).agents.values().stream()
                .filter(a -> !a.isDeleted()).filter(where::isSatisfiedBy).count();
    }
}
