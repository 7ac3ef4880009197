package dev.orchestra.adapter.json;

import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeys;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The JSON store's API keys, a table per tenant; a secret's digest is looked up over every tenant. */
final class JsonApiKeys implements ApiKeys {
    private static final Comparator<ApiKey> OLDEST_FIRST =
            Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id);

    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonApiKeys(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public ApiKey add(ApiKey key) {
        door.check(ApiKey.ENTITY, key);
        if (findBySecretSha256(key.secretSha256()).isPresent()) {
            throw new Conflict("add API key " + key.id() + ": another key has the same secret");
        }
        JsonState.TenantData data = unitOfWork.state().mutable(key.tenantId());
        if (data.apiKeys.containsKey(key.id())) {
            throw Conflict.alreadyExists(ApiKey.ENTITY, key.id());
        }
        data.apiKeys.put(key.id(), key);
        return key;
    }

    @Override
    public ApiKey update(ApiKey key) {
        door.check(ApiKey.ENTITY, key);
        ApiKey current = unitOfWork.state().of(key.tenantId()).apiKeys.get(key.id());
        if (current == null) {
            throw new NotFound(ApiKey.ENTITY, key.id());
        }
        if (current.version() != key.version()) {
            throw Conflict.staleVersion(ApiKey.ENTITY, key.id(), key.version());
        }
        // As in SQLite: the digest, role, agent and creation time are the key's identity and stay.
        ApiKey stored = new ApiKey(current.tenantId(), current.id(), current.role(), key.name(), current.agentId(),
                current.secretSha256(), current.createdAt(), key.lastUsedAt(), key.revokedAt(), key.version() + 1);
        unitOfWork.state().mutable(key.tenantId()).apiKeys.put(key.id(), stored);
        return stored;
    }

    @Override
    public Optional<ApiKey> findById(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).apiKeys.get(id));
    }

    @Override
    public Optional<ApiKey> findBySecretSha256(String secretSha256) {
        for (JsonState.TenantData data : unitOfWork.state().tenants().values()) {
            for (ApiKey key : data.apiKeys.values()) {
                if (key.secretSha256().equals(secretSha256)) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ApiKey> list(TenantId tenant) {
        return unitOfWork.state().of(tenant).apiKeys.values().stream().sorted(OLDEST_FIRST).toList();
    }

    @Override
    public boolean any() {
        return unitOfWork.state().tenants().values().stream().anyMatch(data -> !data.apiKeys.isEmpty());
    }
}
