package dev.orchestra.bootstrap;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to do about {@link UnsafeBinding}, instead of a bean-creation trace. */
public final class UnsafeBindingAnalyzer extends AbstractFailureAnalyzer<UnsafeBinding> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeBinding cause) {
        return new FailureAnalysis(cause.getMessage(), "Create an API key first, with the same store: "
                + "'orchestra keys create --tenant default --role ADMIN --name admin --store sqlite:<file>' "
                + "(it prints the secret once), then start again; or keep the default --server.address=127.0.0.1.",
                cause);
    }
}
