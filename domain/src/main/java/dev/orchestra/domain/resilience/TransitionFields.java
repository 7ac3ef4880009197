package dev.orchestra.domain.resilience;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of a circuit transition. */
public final class TransitionFields {
    public static final Field<CircuitTransition, String> ID =
            new Field<>("id", String.class, CircuitTransition::id);
    public static final Field<CircuitTransition, String> AGENT_KEY =
            new Field<>("agentKey", String.class, CircuitTransition::agentKey);
    public static final Field<CircuitTransition, CircuitState> TO =
            new Field<>("to", CircuitState.class, CircuitTransition::to);
    public static final Field<CircuitTransition, Instant> AT =
            new Field<>("at", Instant.class, CircuitTransition::at);

    public static final List<Field<CircuitTransition, ?>> ALL = List.of(ID, AGENT_KEY, TO, AT);

    private TransitionFields() {
    }
}
