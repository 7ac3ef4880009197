package dev.orchestra.application.access;

import dev.orchestra.domain.access.ApiKey;
import java.util.Optional;

/** Inbound port: who a request's secret belongs to. */
public interface Authentication {
    /** Whether any key is stored (a revoked one too): from the first key on, every call needs one. */
    boolean keysRequired();

    /**
     * The active key of this secret; empty for anything else (malformed, unknown, revoked), without a write.
     * Records when the key was last used, at most once a minute per key.
     */
    Optional<ApiKey> authenticate(String secret);
}
