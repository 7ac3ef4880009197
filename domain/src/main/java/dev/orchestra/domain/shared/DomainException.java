package dev.orchestra.domain.shared;

/** Base of every failure a port or a use case reports; adapters translate theirs into one of these. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
