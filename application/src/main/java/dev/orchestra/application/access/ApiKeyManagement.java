package dev.orchestra.application.access;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import java.util.List;

/** Inbound port: the API keys of the caller's tenant (the command line and {@code /admin/api-keys}). */
public interface ApiKeyManagement {
    /** A new key of the caller's tenant; the answer holds the secret, which nothing can show again. */
    IssuedKey create(Caller caller, String name, ApiKeyRole role, String agentId);

    /** The tenant's keys, revoked ones included, oldest first; never a secret. */
    List<ApiKey> list(Caller caller);

    /** Revokes the key at once (the next request with it gets 401); revoking it again answers it unchanged. */
    ApiKey revoke(Caller caller, String id);

    /** A key just made, with its secret: shown once. */
    record IssuedKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            // Never the secret: an issued key must not reach a log by accident.
            return "IssuedKey[" + key.label() + "]";
        }
    }
}
