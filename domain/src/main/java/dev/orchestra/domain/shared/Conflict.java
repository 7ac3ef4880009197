package dev.orchestra.domain.shared;

/** A write that would overwrite newer data (stale version), duplicate a unique key, or break a reference. */
public final class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }

    public static Conflict staleVersion(String entityType, String id, long expected) {
        return new Conflict(entityType + " '" + id + "' was changed by someone else: version " + expected
                + " is no longer current");
    }

    public static Conflict alreadyExists(String entityType, String id) {
        return new Conflict(entityType + " '" + id + "' already exists");
    }
}
