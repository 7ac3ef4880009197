package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.application.access.ApiKeyService;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Area;
import dev.orchestra.domain.store.Store;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The service with API keys in two tenants, over real HTTP: a key decides the tenant and what may be called; an
 * AGENT key acts for its agent only; bad credentials are 401 and write nothing. Run on both stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AccessContract {
    static final TenantId A = new TenantId("tenant-a");
    static final TenantId B = new TenantId("tenant-b");

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    Store store;

    Http anonymous;
    Http adminA;
    Http operatorA;
    Http operatorB;
    Http agentA1;
    String agentA1Id;
    String revokedSecret;

    private Http as(String secret) {
        return anonymous.withHeader("Authorization", "Bearer " + secret);
    }

    @BeforeEach
    void keysInTwoTenants() {
        anonymous = new Http("http://127.0.0.1:" + port);
        // Registered while no key exists (loopback, local mode), then the keys.
        if (!keys.keysRequired()) {
            for (TenantId tenant : new TenantId[] {A, B}) {
                for (String agent : new String[] {"agent-1", "agent-2"}) {
                    assertThat(anonymous.withHeader("X-Tenant-Id", tenant.value()).post("/api/v1/agents",
                            "{\"id\":\"" + agent + "\",\"name\":\"" + agent + "\",\"type\":\"claude-code\","
                                    + "\"repositoryPath\":\"/repo\",\"maxConcurrentTasks\":5}").status())
                            .isEqualTo(201);
                }
            }
        }
        adminA = as(issue(A, ApiKeyRole.ADMIN, null, "admin of a"));
        operatorA = as(issue(A, ApiKeyRole.OPERATOR, null, "ops of a"));
        operatorB = as(issue(B, ApiKeyRole.OPERATOR, null, "ops of b"));
        var agent = keys.create(new Caller(A, "test"), "runner 1", ApiKeyRole.AGENT, "agent-1");
        agentA1 = as(agent.secret());
        agentA1Id = agent.key().id();
        var old = keys.create(new Caller(A, "test"), "old", ApiKeyRole.ADMIN, null);
        keys.revoke(new Caller(A, "test"), old.key().id());
        revokedSecret = old.secret();
    }

    private String issue(TenantId tenant, ApiKeyRole role, String agent, String name) {
        return keys.create(new Caller(tenant, "test"), name, role, agent).secret();
    }

    private String enqueue(Http who) {
        Http.Response created = who.post("/api/v1/tasks", "{\"command\":\"npm test\",\"repositoryPath\":\"/repo\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode claim(Http who, String agent) {
        Http.Response claimed = who.post("/api/v1/tasks/claim", "{\"agentId\":\"" + agent + "\"}");
        assertThat(claimed.status()).as(claimed.raw().body()).isEqualTo(200);
        return claimed.json();
    }

    @Test
    void givenKeysStored_callsWithoutAValidKey_are401ButHealthAndTheDocumentStayOpen() {
        for (Http.Response refused : new Http.Response[] {anonymous.get("/api/v1/agents"),
                as("nope").get("/api/v1/agents"), as(revokedSecret).get("/api/v1/agents"),
                anonymous.withHeader("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/tasks"),
                anonymous.get("/api/v1/admin/api-keys")}) {
            Problems.assertProblem(refused, 401, "unauthorized");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer realm=\"orchestra\"");
        }
        assertThat(as(revokedSecret).get("/api/v1/agents").header("WWW-Authenticate")).contains("invalid_token");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        Http.Response document = anonymous.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void givenAnAgentKey_completingAnotherAgentsTaskWithItsLeaseToken_is403AndTheTaskStaysAsItWas() {
        enqueue(operatorA);
        JsonNode others = claim(operatorA, "agent-2");
        String path = "/api/v1/tasks/" + others.get("id").asString();

        Http.Response stolen = agentA1.post(path + "/complete", "{\"result\":\"mine now\"}",
                "X-Lease-Token", others.get("leaseToken").asString());

        Problems.assertProblem(stolen, 403, "forbidden");
        assertThat(stolen.json().get("detail").asString()).contains("agent-1").contains("agent-2");
        JsonNode after = operatorA.get(path).json();
        assertThat(after.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(after.get("version").asLong()).isEqualTo(others.get("version").asLong());
        Problems.assertProblem(agentA1.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-2\"}"), 403, "forbidden");
        Problems.assertProblem(agentA1.post("/api/v1/agents/agent-2/heartbeat", "{}"), 403, "forbidden");
    }

    @Test
    void givenAnAgentKey_itsOwnAgentsWork_goesThroughAndEverythingElseIs403() {
        enqueue(operatorA);
        assertThat(agentA1.post("/api/v1/agents/agent-1/heartbeat", "{}").status()).isEqualTo(200);
        JsonNode mine = claim(agentA1, "agent-1");
        String path = "/api/v1/tasks/" + mine.get("id").asString();
        String lease = mine.get("leaseToken").asString();
        assertThat(agentA1.post(path + "/start", null, "X-Lease-Token", lease).status()).isEqualTo(200);
        assertThat(agentA1.post(path + "/complete", "{\"result\":\"ok\"}", "X-Lease-Token", lease).status())
                .isEqualTo(200);

        for (Http.Response refused : new Http.Response[] {agentA1.get("/api/v1/tasks"), agentA1.get(path),
                agentA1.post("/api/v1/tasks", "{\"command\":\"x\"}"), agentA1.delete("/api/v1/agents/agent-1"),
                agentA1.get("/api/v1/admin/api-keys"), agentA1.get("/api/v1/admin/audit"),
                agentA1.post("/api/v1/admin/backups", null), agentA1.get("/actuator/prometheus")}) {
            Problems.assertProblem(refused, 403, "forbidden");
        }
        JsonNode audit = adminA.get("/api/v1/admin/audit?entityType=Task&entityId=" + mine.get("id").asString())
                .json().get("items");
        java.util.List<String> byAgent = new java.util.ArrayList<>();
        audit.forEach(entry -> {
            if (!entry.get("action").asString().equals("CREATE")) {
                byAgent.add(entry.get("userId").asString());
            }
        });
        assertThat(byAgent).as("the claim, start and completion, each by the agent's key").hasSize(3)
                .containsOnly(agentA1Id + " (runner 1)");
    }

    @Test
    void givenTwoTenants_aKeySeesOnlyItsTenantAndOnlyAnAdminKeyMayNameAnother() {
        String task = enqueue(operatorA);

        Problems.assertProblem(operatorB.get("/api/v1/tasks/" + task), 404, "not-found");
        assertThat(operatorB.get("/api/v1/tasks").json().get("totalItems").asLong()).isZero();
        Problems.assertProblem(operatorB.withHeader("X-Tenant-Id", A.value()).get("/api/v1/tasks/" + task), 403,
                "forbidden");
        assertThat(operatorA.withHeader("X-Tenant-Id", A.value()).get("/api/v1/tasks/" + task).status())
                .as("its own tenant named").isEqualTo(200);
        Problems.assertProblem(operatorA.get("/api/v1/admin/api-keys"), 403, "forbidden");
        assertThat(adminA.withHeader("X-Tenant-Id", B.value()).get("/api/v1/tasks/" + task).status())
                .as("an admin acting in tenant b").isEqualTo(404);
        assertThat(adminA.withHeader("X-Tenant-Id", A.value()).get("/api/v1/tasks/" + task).status())
                .isEqualTo(200);
    }

    @Test
    void givenAnAdminKey_apiKeysEndpoints_createListAndRevokeAndARevokedKeyIsRefusedAtOnce() {
        Http.Response created = adminA.withHeader("X-Tenant-Id", B.value()).post("/api/v1/admin/api-keys",
                "{\"name\":\"new ops\",\"role\":\"OPERATOR\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("id").asString();
        assertThat(created.json().get("tenantId").asString()).isEqualTo(B.value());
        Http fresh = as(secret);
        assertThat(fresh.get("/api/v1/tasks").status()).isEqualTo(200);
        JsonNode listed = adminA.withHeader("X-Tenant-Id", B.value()).get("/api/v1/admin/api-keys").json();
        assertThat(listed.toString()).contains(id).doesNotContain(secret);
        listed.forEach(key -> assertThat(key.get("secret").isNull()).as("a listed key's secret").isTrue());

        assertThat(adminA.withHeader("X-Tenant-Id", B.value()).delete("/api/v1/admin/api-keys/" + id).status())
                .isEqualTo(204);

        Problems.assertProblem(fresh.get("/api/v1/tasks"), 401, "unauthorized");
        Problems.assertProblem(adminA.delete("/api/v1/admin/api-keys/" + id), 404, "not-found");
        Problems.assertProblem(adminA.post("/api/v1/admin/api-keys", "{\"name\":\"x\",\"role\":\"ROOT\"}"), 400,
                "malformed-body");
        Problems.assertProblem(adminA.post("/api/v1/admin/api-keys", "{\"name\":\"x\",\"role\":\"AGENT\"}"), 400,
                "validation");
    }

    /** Every area's rows in both tenants: what a refused request must leave as it was. */
    private Map<String, Long> rows() {
        Map<String, Long> counts = new TreeMap<>();
        store.unitOfWork().read(() -> {
            for (Area<?> area : store.areas()) {
                counts.put(area.name(), area.count(A) + area.count(B));
            }
            return null;
        });
        return counts;
    }

    @Test
    void givenAThousandBadTokens_everyAnswerIs401AndNothingIsWritten() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String good = issue(A, ApiKeyRole.ADMIN, null, "good");
        String body = "{\"command\":\"npm test\"}";
        Map<String, Long> before = rows();
        String keysBefore = keys.list(new Caller(A, "t")).toString();

        for (int i = 0; i < 1000; i++) {
            String token = switch (i % 6) {
                case 0 -> good.substring(0, random.nextInt(good.length())); // truncated
                case 1 -> good + "x".repeat(1 + random.nextInt(6000)); // oversized (under the 8 KiB header cap)
                case 2 -> revokedSecret;
                case 3 -> flipOne(good, random); // one character changed
                case 4 -> randomPrintable(random, 1 + random.nextInt(200)); // malformed
                default -> "osk_" + randomPrintable(random, 43);
            };
            Http.Response answer = i % 2 == 0
                    ? anonymous.withHeader("Authorization", "Bearer " + token).post("/api/v1/tasks", body)
                    : anonymous.withHeader("Authorization", "Bearer " + token).get("/api/v1/admin/api-keys");
            assertThat(answer.status()).as("seed %d, token #%d %s", seed, i, token.length() > 80
                    ? token.substring(0, 80) + "…" : token).isEqualTo(401);
        }

        assertThat(rows()).as("seed %d", seed).isEqualTo(before);
        assertThat(keys.list(new Caller(A, "t")).toString()).as("no key's last use changed").isEqualTo(keysBefore);
    }

    private static String flipOne(String secret, Random random) {
        char[] chars = secret.toCharArray();
        int at = 4 + random.nextInt(chars.length - 4);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String randomPrintable(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
        }
        return out.toString();
    }
}
