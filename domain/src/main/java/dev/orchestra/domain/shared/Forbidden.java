package dev.orchestra.domain.shared;

/** The caller is known but may not do this (an agent's key acting for another agent): HTTP 403. */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }
}
