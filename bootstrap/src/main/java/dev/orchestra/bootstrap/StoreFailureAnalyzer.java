package dev.orchestra.bootstrap;

import dev.orchestra.domain.shared.StoreFailure;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A store that cannot be opened (locked by another process, unreadable, newer than the code) is reported
 * at start-up as what it is and what to do, instead of a hundred lines of Spring's bean-creation trace.
 */
public final class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreFailure> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreFailure cause) {
        return new FailureAnalysis(cause.getMessage(), "Stop the other process that uses this store, or start this "
                + "one on another file with --orchestra.storage.path=<file> (see the README's Configuration).",
                cause);
    }
}
