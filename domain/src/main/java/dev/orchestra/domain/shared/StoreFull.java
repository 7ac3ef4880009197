package dev.orchestra.domain.shared;

/**
 * The disk holding the store has no room for a write. Nothing of the refused write was kept, everything
 * acknowledged before it was; writes succeed again once space is freed.
 */
public final class StoreFull extends StoreFailure {
    private final String what;
    private final String location;
    private final long freeBytes;

    public StoreFull(String what, Throwable cause) {
        this(what, null, -1, cause);
    }

    private StoreFull(String what, String location, long freeBytes, Throwable cause) {
        super(what + ": the disk holding the store is full" + (location == null ? "" : " (" + freeBytes
                + " bytes free in " + location + ")") + "; nothing of this write was kept, and writes succeed again"
                + " once space is freed", cause);
        this.what = what;
        this.location = location;
        this.freeBytes = freeBytes;
    }

    /** The same failure, saying where the store is and how much room is left there. */
    public StoreFull at(String folder, long free) {
        return new StoreFull(what, folder, free, getCause());
    }

    /** The store's folder, when known. */
    public String location() {
        return location;
    }

    /** Bytes free there when the write failed; -1 when not known. */
    public long freeBytes() {
        return freeBytes;
    }
}
