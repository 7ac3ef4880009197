package dev.orchestra.domain.agent;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queryable and sortable properties of an agent. */
public final class AgentFields {
    public static final Field<Agent, String> ID = new Field<>("id", String.class, Agent::id);
    public static final Field<Agent, String> NAME = new Field<>("name", String.class, Agent::name);
    public static final Field<Agent, String> TYPE = new Field<>("type", String.class, Agent::type);
    public static final Field<Agent, String> REPOSITORY_PATH =
            new Field<>("repositoryPath", String.class, Agent::repositoryPath);
    public static final Field<Agent, String> REPOSITORY_ID =
            new Field<>("repositoryId", String.class, Agent::repositoryId);
    public static final Field<Agent, AgentStatus> STATUS = new Field<>("status", AgentStatus.class, Agent::status);
    public static final Field<Agent, Instant> LAST_PING = new Field<>("lastPing", Instant.class, Agent::lastPing);
    public static final Field<Agent, Instant> CREATED_AT =
            new Field<>("createdAt", Instant.class, a -> a.audit().createdAt());
    public static final Field<Agent, Integer> MAX_CONCURRENT_TASKS =
            new Field<>("maxConcurrentTasks", Integer.class, Agent::maxConcurrentTasks);

    public static final List<Field<Agent, ?>> ALL =
            List.of(ID, NAME, TYPE, REPOSITORY_PATH, REPOSITORY_ID, STATUS, LAST_PING, CREATED_AT, MAX_CONCURRENT_TASKS);

    private AgentFields() {
    }

    public static Optional<Field<Agent, ?>> byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
