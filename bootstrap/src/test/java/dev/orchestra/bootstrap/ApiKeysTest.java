package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.application.access.ApiKeyManagement.IssuedKey;
import dev.orchestra.application.access.ApiKeyService;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.access.ApiKeySecret;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.store.Store;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys through the service's own wiring, on both stores: issue, authenticate, record use, revoke. */
class ApiKeysTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final TenantId ACME = new TenantId("acme");
    private static final Caller OPERATOR = new Caller(ACME, "ops");

    @org.junit.jupiter.api.io.TempDir
    Path directory;
    private final UseCasesTest.MovableClock clock =
            new UseCasesTest.MovableClock(Instant.parse("2026-05-01T08:00:00.000000001Z"));
    private Store store;
    private ApiKeyService keys;

    private void open(String type) {
        store = TestStores.open(type, directory, clock);
        Wiring wiring = Wiring.of(store, VALIDATOR, clock, Duration.ofMinutes(5));
        keys = AccessConfiguration.apiKeys(wiring);
        AgentConfiguration.agentRegistry(wiring).register(OPERATOR, new Agent.Registration("agent-1", "Agent 1",
                "claude-code", "/repo", null, Set.of("git"), null, null, null, null));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private List<AuditEntry> audit(String entityId) {
        return store.unitOfWork().read(() -> store.auditTrail().find(ACME, AuditFieldsOfEntry.ENTITY_ID.eq(entityId),
                PageRequest.first(100, List.of(AuditFieldsOfEntry.TIMESTAMP.asc())))).items();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAnIssuedKey_authenticate_findsItByItsSecretAndTheStoreKeepsOnlyTheDigest(String type) {
        open(type);
        assertThat(keys.keysRequired()).isFalse();

        IssuedKey issued = keys.create(OPERATOR, "ci runner", ApiKeyRole.AGENT, "agent-1");

        assertThat(keys.keysRequired()).isTrue();
        assertThat(issued.secret()).startsWith(ApiKeySecret.PREFIX).hasSize(ApiKeySecret.LENGTH);
        assertThat(ApiKeySecret.wellFormed(issued.secret())).isTrue();
        assertThat(issued.key().secretSha256()).isEqualTo(ApiKeySecret.sha256(issued.secret()))
                .doesNotContain(issued.secret());
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(keys.authenticate(issued.secret())).map(ApiKey::id).contains(issued.key().id());
        assertThat(keys.list(OPERATOR)).extracting(ApiKey::id).containsExactly(issued.key().id());
        assertThat(keys.list(new Caller(TenantId.DEFAULT, "x"))).as("another tenant's list").isEmpty();
        List<AuditEntry> trail = audit(issued.key().id());
        assertThat(trail).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
        assertThat(trail.get(0).userId()).isEqualTo("ops");
        assertThat(trail.get(0).newValues()).contains("\"role\":\"AGENT\"", "\"agentId\":\"agent-1\"")
                .doesNotContain(issued.key().secretSha256());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSecretsThatAreNotAnActiveKeys_authenticate_answersEmptyAndWritesNothing(String type) {
        open(type);
        IssuedKey issued = keys.create(OPERATOR, "ops", ApiKeyRole.OPERATOR, null);
        IssuedKey revoked = keys.create(OPERATOR, "old", ApiKeyRole.OPERATOR, null);
        keys.revoke(OPERATOR, revoked.key().id());
        String secret = issued.secret();
        long auditRows = audit(issued.key().id()).size() + audit(revoked.key().id()).size();
        List<ApiKey> before = keys.list(OPERATOR);

        for (String bad : new String[] {null, "", "Bearer " + secret, secret.substring(0, secret.length() - 1),
                secret + "A", secret.toUpperCase(), "osk_" + "A".repeat(43), secret.replace('_', '/'),
                secret.substring(0, 10) + "é" + secret.substring(11), revoked.secret(), "x".repeat(100_000)}) {
            assertThat(keys.authenticate(bad)).as("secret %s", bad == null ? null
                    : bad.substring(0, Math.min(60, bad.length()))).isEmpty();
        }

        assertThat(keys.list(OPERATOR)).isEqualTo(before);
        assertThat(audit(issued.key().id()).size() + audit(revoked.key().id()).size()).isEqualTo(auditRows);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAKeyInUse_authenticate_recordsTheUseAtMostOnceAMinute(String type) {
        open(type);
        IssuedKey issued = keys.create(OPERATOR, "ops", ApiKeyRole.OPERATOR, null);
        Instant first = clock.instant();

        keys.authenticate(issued.secret());
        clock.advance(Duration.ofSeconds(59));
        ApiKey within = keys.authenticate(issued.secret()).orElseThrow();
        clock.advance(Duration.ofSeconds(2));
        keys.authenticate(issued.secret());

        assertThat(within.lastUsedAt()).isEqualTo(first);
        ApiKey stored = keys.list(OPERATOR).get(0);
        assertThat(stored.lastUsedAt()).isEqualTo(first.plusSeconds(61));
        assertThat(stored.version()).as("two writes: the first use and the one a minute later").isEqualTo(2);
        assertThat(audit(issued.key().id())).as("uses are not audited").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAKey_revoke_refusesItsSecretAtOnceAndAgainAnswersTheSameRevocation(String type) {
        open(type);
        IssuedKey issued = keys.create(OPERATOR, "ops", ApiKeyRole.ADMIN, null);
        clock.advance(Duration.ofMinutes(3));

        ApiKey revoked = keys.revoke(OPERATOR, issued.key().id());
        clock.advance(Duration.ofMinutes(1));
        ApiKey again = keys.revoke(OPERATOR, issued.key().id());

        assertThat(keys.authenticate(issued.secret())).isEmpty();
        assertThat(revoked.revokedAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(again).isEqualTo(revoked);
        assertThat(keys.keysRequired()).as("a revoked key still means keys are in use").isTrue();
        assertThat(audit(issued.key().id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.DELETE);
        assertThatThrownBy(() -> keys.revoke(new Caller(TenantId.DEFAULT, "x"), issued.key().id()))
                .as("another tenant's key").isInstanceOf(NotFound.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenBadKeyRequests_create_refusesEachWithTheFieldAndStoresNothing(String type) {
        open(type);

        assertThatThrownBy(() -> keys.create(OPERATOR, "x", ApiKeyRole.AGENT, null))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("agentId");
        assertThatThrownBy(() -> keys.create(OPERATOR, "x", ApiKeyRole.AGENT, "agent-404"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("agent-404");
        assertThatThrownBy(() -> keys.create(OPERATOR, "x", ApiKeyRole.OPERATOR, "agent-1"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("agentId");
        assertThatThrownBy(() -> keys.create(OPERATOR, " ", ApiKeyRole.ADMIN, null))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("name");
        assertThatThrownBy(() -> keys.create(OPERATOR, "n".repeat(201), ApiKeyRole.ADMIN, null))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("name");
        assertThatThrownBy(() -> keys.create(OPERATOR, "line\nbreak", ApiKeyRole.ADMIN, null))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("name");
        assertThatThrownBy(() -> keys.create(OPERATOR, "x", null, null))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("role");

        assertThat(keys.list(OPERATOR)).isEmpty();
        assertThat(keys.keysRequired()).isFalse();
    }
}
