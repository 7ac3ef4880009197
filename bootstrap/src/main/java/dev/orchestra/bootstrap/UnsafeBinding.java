package dev.orchestra.bootstrap;

/** The service was asked to listen beyond this machine while no API key exists: anyone could use it. */
public final class UnsafeBinding extends RuntimeException {
    UnsafeBinding(String address) {
        super("refusing to listen on " + address + " with no API key stored: anyone who reaches that address could"
                + " read and change every tenant's data");
    }
}
