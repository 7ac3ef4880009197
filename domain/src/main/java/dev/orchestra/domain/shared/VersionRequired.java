package dev.orchestra.domain.shared;

/**
 * A change of an existing versioned aggregate that names no version: refused, so that nobody overwrites
 * what they have not read. (Over HTTP: a PUT or DELETE without {@code If-Match}, answered 428.)
 */
public final class VersionRequired extends DomainException {
    public VersionRequired(String entityType, String id) {
        super(entityType + " '" + id + "' exists; read it and send the version you read (its ETag, as If-Match)"
                + " to change or delete it");
    }

    /** The expected version of a change, checked against the current one. */
    public static void check(String entityType, String id, Long expected, long current) {
        if (expected == null) {
            throw new VersionRequired(entityType, id);
        }
        if (expected != current) {
            throw Conflict.staleVersion(entityType, id, expected);
        }
    }
}
