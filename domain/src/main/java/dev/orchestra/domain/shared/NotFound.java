package dev.orchestra.domain.shared;

/** The named entity does not exist (or is soft-deleted) for the tenant. */
public final class NotFound extends DomainException {
    private final String entityType;
    private final String entityId;

    public NotFound(String entityType, String entityId) {
        super(entityType + " '" + entityId + "' was not found");
        this.entityType = entityType;
        this.entityId = entityId;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }
}
