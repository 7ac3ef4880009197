package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.access.ApiKeySecret;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.testing.Records;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code ApiKeys} must have. */
public abstract class ApiKeysContractTest extends StoreContract {

    private static ApiKey key(TenantId tenant, String id, ApiKeyRole role, String agent, int second) {
        return ApiKey.issue(tenant, id, role, "key " + id, agent, ApiKeySecret.sha256(ApiKeySecret.generate()),
                T0.plusSeconds(second));
    }

    @Test
    void givenKeysInTwoTenants_findBySecretSha256_findsEachInItsTenantAfterReopen() {
        ApiKey agent = key(TENANT, "k1", ApiKeyRole.AGENT, "agent-1", 0);
        ApiKey admin = key(OTHER_TENANT, "k2", ApiKeyRole.ADMIN, null, 1);
        writeVoid(() -> {
            store.apiKeys().add(agent);
            store.apiKeys().add(admin);
        });
        reopen();

        assertThat(read(() -> store.apiKeys().findBySecretSha256(agent.secretSha256()))).contains(agent);
        assertThat(read(() -> store.apiKeys().findBySecretSha256(admin.secretSha256()))).contains(admin);
        assertThat(read(() -> store.apiKeys().findBySecretSha256("0".repeat(64)))).isEmpty();
        assertThat(read(() -> store.apiKeys().findById(TENANT, "k1"))).contains(agent);
        assertThat(read(() -> store.apiKeys().findById(TENANT, "k2"))).as("another tenant's key").isEmpty();
    }

    @Test
    void givenNoKey_any_isFalseAndAnyKeyRevokedOrNotMakesItTrue() {
        assertThat(read(() -> store.apiKeys().any())).isFalse();
        ApiKey key = key(OTHER_TENANT, "k1", ApiKeyRole.OPERATOR, null, 0);
        write(() -> store.apiKeys().add(key));
        write(() -> store.apiKeys().update(key.revoke(T0.plusSeconds(5))));
        reopen();

        assertThat(read(() -> store.apiKeys().any())).isTrue();
        assertThat(read(() -> store.apiKeys().list(TENANT))).isEmpty();
    }

    @Test
    void givenKeys_list_answersTheTenantsOldestFirstRevokedIncluded() {
        ApiKey second = key(TENANT, "k-b", ApiKeyRole.OPERATOR, null, 10);
        ApiKey first = key(TENANT, "k-z", ApiKeyRole.ADMIN, null, 5);
        ApiKey other = key(OTHER_TENANT, "k-a", ApiKeyRole.ADMIN, null, 1);
        writeVoid(() -> {
            store.apiKeys().add(second);
            store.apiKeys().add(first);
            store.apiKeys().add(other);
        });
        ApiKey revoked = write(() -> store.apiKeys().update(second.revoke(T0.plusSeconds(20))));

        assertThat(read(() -> store.apiKeys().list(TENANT))).containsExactly(first, revoked);
        assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void givenATakenIdOrSecret_add_isAConflictAndTheStoredKeyStays() {
        ApiKey key = key(TENANT, "k1", ApiKeyRole.AGENT, "agent-1", 0);
        write(() -> store.apiKeys().add(key));
        ApiKey sameId = key(TENANT, "k1", ApiKeyRole.OPERATOR, null, 1);
        ApiKey sameSecret = ApiKey.issue(OTHER_TENANT, "k9", ApiKeyRole.ADMIN, "copy", null, key.secretSha256(),
                T0.plusSeconds(2));

        assertThatThrownBy(() -> write(() -> store.apiKeys().add(sameId))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.apiKeys().add(sameSecret))).isInstanceOf(Conflict.class);
        assertThat(read(() -> store.apiKeys().findBySecretSha256(key.secretSha256()))).contains(key);
        assertThat(read(() -> store.apiKeys().list(OTHER_TENANT))).isEmpty();
    }

    @Test
    void givenAKey_update_checksTheVersionAndAnUnknownOneIsNotFound() {
        ApiKey key = key(TENANT, "k1", ApiKeyRole.AGENT, "agent-1", 0);
        write(() -> store.apiKeys().add(key));

        ApiKey used = write(() -> store.apiKeys().update(key.usedAt(T0.plusSeconds(60))));
        reopen();

        assertThat(used.version()).isEqualTo(1);
        assertThat(read(() -> store.apiKeys().findById(TENANT, "k1"))).contains(used);
        assertThat(used.lastUsedAt()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> write(() -> store.apiKeys().update(key.revoke(T0.plusSeconds(61)))))
                .isInstanceOf(Conflict.class);
        assertThat(read(() -> store.apiKeys().findById(TENANT, "k1"))).contains(used);
        assertThatThrownBy(() -> write(() -> store.apiKeys().update(key(TENANT, "nobody", ApiKeyRole.ADMIN, null,
                0)))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> write(() -> store.apiKeys().update(Records.with(used, "tenantId", OTHER_TENANT))))
                .as("the same id in another tenant").isInstanceOf(NotFound.class);
    }
}
