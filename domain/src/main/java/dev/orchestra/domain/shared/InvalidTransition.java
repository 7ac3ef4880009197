package dev.orchestra.domain.shared;

/** A status machine refused a move; the message names both states. */
public final class InvalidTransition extends DomainException {
    private final String from;
    private final String to;

    public InvalidTransition(String entityType, String id, Enum<?> from, Enum<?> to) {
        super(entityType + " '" + id + "' cannot go from " + from.name() + " to " + to.name());
        this.from = from.name();
        this.to = to.name();
    }

    public InvalidTransition(String message) {
        super(message);
        this.from = null;
        this.to = null;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
