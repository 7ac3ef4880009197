package dev.orchestra.domain.access;

import dev.orchestra.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** The API keys of every tenant. Call inside a {@code UnitOfWork}. */
public interface ApiKeys {
    /** {@code Conflict} when the id, or the secret's digest, is taken (in any tenant). */
    ApiKey add(ApiKey key);

    /** Saves a changed key whose version is the stored one; answers it with the next version. */
    ApiKey update(ApiKey key);

    Optional<ApiKey> findById(TenantId tenant, String id);

    /** The key whose secret has this SHA-256, in whichever tenant: how a request is authenticated. */
    Optional<ApiKey> findBySecretSha256(String secretSha256);

    /** The tenant's keys, revoked ones included, oldest first. */
    List<ApiKey> list(TenantId tenant);

    /** Whether any tenant has any key (a revoked one too): from the first key on, every call needs one. */
    boolean any();
}
