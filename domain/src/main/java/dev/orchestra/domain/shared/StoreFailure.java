package dev.orchestra.domain.shared;

/** The store itself failed (I/O, corruption, busy); never caused by the caller's input. */
public class StoreFailure extends DomainException {
    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreFailure(String message) {
        super(message);
    }
}
