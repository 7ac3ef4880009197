package dev.orchestra.domain.shared;

/** The store is sound but cannot take this unit now (its queue is full, no connection came free): retry. */
public final class StoreBusy extends StoreFailure {
    public StoreBusy(String message) {
        super("store busy: " + message);
    }
}
