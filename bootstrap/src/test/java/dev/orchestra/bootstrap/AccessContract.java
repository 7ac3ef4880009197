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

    @Test
    void givenAnAdminKey_aClientGeneratedFromTheDocument_managesKeysWithItAndIsRefusedWithout() throws Exception {
        String admin = issue(A, ApiKeyRole.ADMIN, null, "generated client");
        dev.orchestra.client.ApiClient keyed = new dev.orchestra.client.ApiClient().setScheme("http")
                .setHost("127.0.0.1").setPort(port).setBasePath("")
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + admin));
        var administration = new dev.orchestra.client.api.AdministrationApi(keyed);

        dev.orchestra.client.model.ApiKey created = administration.createApiKey(
                new dev.orchestra.client.model.ApiKeyRequest().name("from the client")
                        .role(dev.orchestra.client.model.ApiKeyRequest.RoleEnum.OPERATOR), null, null);

        assertThat(created.getSecret()).startsWith("osk_");
        assertThat(created.getTenantId()).isEqualTo(A.value());
        assertThat(administration.listApiKeys(null, null)).extracting(dev.orchestra.client.model.ApiKey::getId)
                .contains(created.getId());
        var withNewKey = new dev.orchestra.client.api.TasksApi(new dev.orchestra.client.ApiClient().setScheme("http")
                .setHost("127.0.0.1").setPort(port).setBasePath("")
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + created.getSecret())));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withNewKey.getTask("none", null, null))
                .isInstanceOfSatisfying(dev.orchestra.client.ApiException.class, e -> assertThat(e.getCode())
                        .as("the new key is let in: the task is not found").isEqualTo(404));
        var withoutKey = new dev.orchestra.client.api.TasksApi(new dev.orchestra.client.ApiClient().setScheme("http")
                .setHost("127.0.0.1").setPort(port).setBasePath(""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withoutKey.getTask("none", null, null))
                .isInstanceOfSatisfying(dev.orchestra.client.ApiException.class, e -> assertThat(e.getCode())
                        .isEqualTo(401));
    }

    /** Store-wide administration (backups, integrity, retention): an ADMIN key's by design, in no tenant. */
    private static final java.util.List<String> STORE_WIDE = java.util.List.of("/api/v1/admin/backups",
            "/api/v1/admin/integrity", "/api/v1/admin/retention");

    /**
     * Every operation of the served OpenAPI document, so a new endpoint is walked without editing this test: tenant
     * B's OPERATOR key (and an ADMIN key acting in B, for the tenant's administration) against tenant A's resources
     * gets 404 or an answer without any of them; tenant A's AGENT key (acting for another agent than the one A's
     * task is leased to, and holding that lease token) gets 403 everywhere; and tenant A's rows stay as they were.
     */
    @Test
    void givenTenantAsResources_everyOperationOfTheDocument_showsTenantBNoneOfThemAndRefusesAnAgentKey() {
        String lease = RestApiContract.seed(operatorA);
        HostileInput bodies = RestApiContract.hostileProbes(lease);
        assertThat(operatorA.post("/api/v1/chat/messages/h-message/tool-calls", bodies.validBody("POST",
                "/api/v1/chat/messages/h-message/tool-calls").orElseThrow()).status()).isEqualTo(201);
        String attachment = operatorA.upload("/api/v1/chat/messages/h-message/attachments", "file", "a.txt",
                "text/plain", "of tenant a".getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().get("id")
                .asString();
        Http.Response client = adminA.post("/api/v1/admin/client-sessions", "{\"clientId\":\"ui-a\"}");
        assertThat(client.status()).isEqualTo(201);
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        ids.put("/api/v1/agents/", "h-agent");
        ids.put("/api/v1/tasks/", "h-task");
        ids.put("/api/v1/repositories/", "h-repo");
        ids.put("/api/v1/task-templates/", "h-tpl");
        ids.put("/api/v1/preferences/", "h.key");
        ids.put("/api/v1/circuit-breakers/", "h-breaker");
        ids.put("/api/v1/routing-decisions/", "h-decision");
        ids.put("/api/v1/routing-statistics/", "h-agent");
        ids.put("/api/v1/workflow-definitions/", "h-def");
        ids.put("/api/v1/workflow-executions/", "h-run");
        ids.put("/api/v1/chat/sessions/", "h-session");
        ids.put("/api/v1/chat/messages/", "h-message");
        ids.put("/api/v1/chat/tool-executions/", "h-run-tool");
        ids.put("/api/v1/chat/tool-calls/", "h-new-call");
        ids.put("/api/v1/chat/attachments/", attachment);
        ids.put("/api/v1/chat/users/", "alice");
        ids.put("/api/v1/admin/client-sessions/", client.json().get("id").asString());
        ids.put("/api/v1/admin/api-keys/", agentA1Id);
        ids.put("/api/v1/admin/backups/", "no-backup");
        java.util.Set<String> secretsOfA = new java.util.TreeSet<>(ids.values());
        secretsOfA.removeAll(java.util.Set.of("alice", "no-backup", "h-agent"));
        Map<String, java.util.List<String>> before = contentOf(A);
        JsonNode document = anonymous.get("/v3/api-docs").json();

        java.util.List<String> failures = new java.util.ArrayList<>();
        int walked = 0;
        int pagedOperations = 0;
        JsonNode paths = document.get("paths");
        for (String template : paths.propertyNames()) {
            String path = concrete(template, ids);
            if (path == null) {
                failures.add(template + ": no resource of tenant A for its path parameter; add one to this test");
                continue;
            }
            boolean admin = template.startsWith("/api/v1/admin/");
            boolean storeWide = STORE_WIDE.stream().anyMatch(template::startsWith);
            for (String method : paths.get(template).propertyNames()) {
                JsonNode operation = paths.get(template).get(method);
                String name = method.toUpperCase(java.util.Locale.ROOT) + " " + template;
                walked++;
                // Each operation in a tenant of its own, so what one call creates there (an upsert) is not
                // taken for tenant A's by the next.
                TenantId other = new TenantId("walk-" + walked);
                Http operatorOfOther = as(issue(other, ApiKeyRole.OPERATOR, null, "walker"));
                Http adminInOther = adminA.withHeader("X-Tenant-Id", other.value());
                Http.Response agent = call(agentA1, name, path, operation, bodies, lease, document);
                boolean paged = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    paged |= parameter.path("name").asString("").equals("size")
                            && parameter.path("in").asString("").equals("query");
                }
                if (paged) {
                    pagedOperations++;
                    // Every page is capped: a page size past the limit is a 400 naming it, never a huge answer.
                    Http.Response huge = (admin ? adminA : operatorA).get(path + "?size=100000");
                    if (huge.status() != 400 || !huge.raw().body().contains("size")) {
                        failures.add(name + "?size=100000: " + huge.status() + " " + cut(huge));
                    }
                }
                if (agent.status() != 403) {
                    failures.add(name + " with tenant A's AGENT key: " + agent.status() + " " + cut(agent));
                }
                Http.Response answer = call(operatorOfOther, name, path, operation, bodies, lease, document);
                if (admin) {
                    if (answer.status() != 403) {
                        failures.add(name + " with another tenant's OPERATOR key: " + answer.status() + ", not 403");
                    }
                    if (storeWide) {
                        continue;
                    }
                    answer = call(adminInOther, name, path, operation, bodies, lease, document);
                }
                java.util.Set<String> notOurs = new java.util.TreeSet<>(secretsOfA);
                notOurs.remove(path.substring(path.lastIndexOf('/') + 1)); // an upsert's own key, made there
                ids.values().forEach(id -> {
                    if (path.contains("/" + id + "/") || path.endsWith("/" + id)) {
                        notOurs.remove(id);
                    }
                });
                boolean madeItsOwn = rowsOf(other).entrySet().stream()
                        .anyMatch(e -> e.getValue() > 0 && !e.getKey().equals("apiKeys")
                                && !e.getKey().equals("auditEntries"));
                String verdict = isolated(name, template, answer, notOurs, madeItsOwn);
                for (Http.Response refusal : new Http.Response[] {agent, answer}) {
                    String leak = refusal.status() >= 400 ? HostileInput.leakIn(refusal.raw().body()) : null;
                    if (leak != null) {
                        failures.add(name + ": the " + refusal.status() + " names the service's insides (" + leak
                                + "): " + cut(refusal));
                    }
                }
                if (verdict != null) {
                    failures.add(name + (admin ? " with an ADMIN key acting in another tenant: "
                            : " with another tenant's OPERATOR key: ") + verdict);
                }
            }
        }

        System.out.printf("access walk: %d operations, %d unacceptable answers%n", walked, failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).as("answers that show tenant A's data or let a key past its role").isEmpty();
        assertThat(walked).isGreaterThanOrEqualTo(120);
        assertThat(pagedOperations).as("operations with a page size, each tried past its cap").isGreaterThanOrEqualTo(17);
        assertThat(contentOf(A)).as("tenant A's rows after the walk").isEqualTo(before);
        assertThat(operatorA.get("/api/v1/tasks/h-task").json().get("status").asString()).isEqualTo("ASSIGNED");
    }

    /** Null when tenant B's answer shows nothing of tenant A, else why not. */
    private static String isolated(String name, String template, Http.Response answer,
                                   java.util.Set<String> secretsOfA, boolean madeItsOwn) {
        int status = answer.status();
        if (status >= 500) {
            return status + " " + cut(answer);
        }
        String body = answer.raw().body() == null ? "" : answer.raw().body();
        boolean withParameter = template.contains("{");
        // A user's statistics exist for any user (zero in a tenant without them); a write may create the caller's
        // own row under the key it names (a preference, a breaker's first outcome): A's rows are compared after.
        boolean ownRow = !name.startsWith("GET ") && status < 300 && madeItsOwn;
        // A PUT that creates (an execution) judges the body as a creation there: refused as such, it shows nothing.
        boolean refusedAsNew = name.startsWith("PUT ") && status == 400;
        if (withParameter && status != 404 && !ownRow && !refusedAsNew
                && !template.equals("/api/v1/chat/users/{userId}/statistics")) {
            return status + ", not 404: " + cut(answer);
        }
        if (status < 300 && (name.startsWith("GET ") || withParameter)) {
            for (String id : secretsOfA) {
                if (body.contains(id)) {
                    return "the answer names tenant A's '" + id + "': " + cut(answer);
                }
            }
        }
        return null;
    }

    private static String concrete(String template, Map<String, String> ids) {
        if (!template.contains("{")) {
            return template;
        }
        String prefix = template.substring(0, template.indexOf('{'));
        String id = ids.get(prefix);
        return id == null ? null : template.replaceFirst("\\{[^}]+}", id);
    }

    private static Http.Response call(Http who, String name, String path, JsonNode operation, HostileInput bodies,
                                      String lease, JsonNode document) {
        String method = name.substring(0, name.indexOf(' '));
        java.util.List<String> headers = java.util.List.of("If-Match", "\"0\"", "X-Lease-Token", lease);
        JsonNode content = operation.at("/requestBody/content");
        try {
            if (content.has("multipart/form-data")) {
                return who.upload(path, "file", "f.txt", "text/plain", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (content.isObject()) {
                String body = bodies.validBody(method, path).orElseGet(() -> Http.JSON.writeValueAsString(
                        minimal(content.path("application/json").path("schema"), document)));
                return who.send(method, path, "application/json", body, headers);
            }
            return who.send(method, path, headers);
        } catch (AssertionError e) {
            // The answer broke the OpenAPI document: report it as this operation's failure, not the walk's end.
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The smallest value the schema accepts: its required properties only, each the plainest value of its type,
     * so an operation without a body in the hostile suite is still called with one it takes.
     */
    private static JsonNode minimal(JsonNode schema, JsonNode document) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return minimal(document.at(ref.substring(1)), document);
        }
        var nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("object");
        switch (type) {
            case "string":
                String format = schema.path("format").asString("");
                if (format.equals("date-time")) {
                    return nodes.stringNode("2026-01-01T00:00:00Z");
                }
                return nodes.stringNode(schema.path("pattern").asString("").startsWith("^-?P") ? "PT1S" : "x");
            case "integer":
            case "number":
                return nodes.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean":
                return nodes.booleanNode(false);
            case "array":
                var array = nodes.arrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                    array.add(minimal(schema.path("items"), document));
                }
                return array;
            default:
                var object = nodes.objectNode();
                for (JsonNode required : schema.path("required")) {
                    object.set(required.asString(), minimal(schema.path("properties").path(required.asString()),
                            document));
                }
                return object;
        }
    }

    private static String cut(Http.Response answer) {
        String body = answer.raw().body() == null ? "" : answer.raw().body();
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** Every row of the tenant, as text (an attachment by its id and size): what no other tenant may change. */
    private Map<String, java.util.List<String>> contentOf(TenantId tenant) {
        Map<String, java.util.List<String>> rows = new TreeMap<>();
        store.unitOfWork().read(() -> {
            for (Area<?> area : store.areas()) {
                rows.put(area.name(), texts(area, tenant));
            }
            return null;
        });
        return rows;
    }

    private static <T> java.util.List<String> texts(Area<T> area, TenantId tenant) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        area.each(tenant, row -> texts.add(area.bytesOf(row) > 0 ? area.idOf(row) + " of " + area.bytesOf(row)
                + " bytes" : row instanceof dev.orchestra.domain.access.ApiKey key
                // A key's use is recorded as it is used (the walk uses tenant A's keys): all else must stay.
                ? new dev.orchestra.domain.access.ApiKey(key.tenantId(), key.id(), key.role(), key.name(),
                        key.agentId(), key.secretSha256(), key.createdAt(), null, key.revokedAt(), 0).toString()
                : row.toString()));
        return texts;
    }

    private Map<String, Long> rowsOf(TenantId tenant) {
        Map<String, Long> counts = new TreeMap<>();
        store.unitOfWork().read(() -> {
            for (Area<?> area : store.areas()) {
                counts.put(area.name(), area.count(tenant));
            }
            return null;
        });
        return counts;
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
