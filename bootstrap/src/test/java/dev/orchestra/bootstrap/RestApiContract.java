package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The REST surface end to end over the real server, run once per store by a subclass: what
 * REST-API.md promises must hold whichever store is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RestApiContract implements RoutingApiContract, WorkflowApiContract, ChatApiContract {
    @Value("${local.server.port}")
    int port;
    Http http;
    /** Each test works in its own tenant, so tests sharing one server never see each other's data. */
    String tenant;

    @org.springframework.beans.factory.annotation.Autowired
    dev.orchestra.domain.store.Store store;

    @Override
    public Http http() {
        return http;
    }

    @Override
    public long rows(String area) {
        dev.orchestra.domain.store.Area<?> found = store.areas().stream().filter(a -> a.name().equals(area))
                .findFirst().orElseThrow();
        return store.unitOfWork().read(() -> found.count(new dev.orchestra.domain.shared.TenantId(tenant)));
    }

    @BeforeEach
    void client() {
        tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        http = new Http("http://127.0.0.1:" + port).withHeader("X-Tenant-Id", tenant);
    }

    private Http.Response registerAgent(String id, String path) {
        return http.post("/api/v1/agents", "{\"id\":\"" + id + "\",\"name\":\"Agent " + id
                + "\",\"type\":\"claude-code\",\"repositoryPath\":\"" + path + "\",\"capabilities\":[\"git\"]}");
    }

    private Http.Response enqueue(String id, String path, String priority) {
        return http.post("/api/v1/tasks", "{\"id\":\"" + id + "\",\"command\":\"npm test\",\"repositoryPath\":\""
                + path + "\",\"priority\":\"" + priority + "\"}");
    }

    private static void assertProblem(Http.Response response, int status, String type) {
        Problems.assertProblem(response, status, type);
    }

    @Test
    void givenRegisteredAgent_enqueueClaimStartComplete_thenListedAsCompletedAndAgentIdleAgain() {
        Http.Response agent = registerAgent("agent-1", "/repo/demo");
        assertThat(agent.status()).isEqualTo(201);
        assertThat(agent.header("Location")).isEqualTo("/api/v1/agents/agent-1");
        assertThat(agent.header("ETag")).isEqualTo("\"0\"");
        assertThat(enqueue("task-1", "/repo/demo", "HIGH").status()).isEqualTo(201);

        Http.Response claim = http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}");
        assertThat(claim.status()).isEqualTo(200);
        JsonNode claimed = claim.json();
        assertThat(claimed.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(claimed.get("agentId").asString()).isEqualTo("agent-1");
        String lease = claimed.get("leaseToken").asString();
        assertThat(lease).isNotBlank();
        assertThat(claimed.get("leaseExpiresAt").asString()).isNotBlank();
        assertThat(http.get("/api/v1/agents/agent-1").json().get("status").asString()).isEqualTo("BUSY");

        assertThat(http.post("/api/v1/tasks/task-1/start", null, "X-Lease-Token", lease).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/tasks/task-1/progress", "{\"percentage\":40,\"message\":\"halfway\"}",
                "X-Lease-Token", lease).json().get("progress").get("percentage").asInt()).isEqualTo(40);
        Http.Response complete = http.post("/api/v1/tasks/task-1/complete", "{\"result\":\"all green\"}",
                "X-Lease-Token", lease);
        assertThat(complete.status()).isEqualTo(200);
        assertThat(complete.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(complete.json().get("executionDuration").asString()).startsWith("PT");

        JsonNode completed = http.get("/api/v1/tasks?status=COMPLETED").json();
        assertThat(completed.get("totalItems").asLong()).isEqualTo(1);
        assertThat(completed.get("items").get(0).get("id").asString()).isEqualTo("task-1");
        assertThat(completed.get("items").get(0).get("result").asString()).isEqualTo("all green");
        assertThat(completed.get("items").get(0).get("leaseToken").isNull()).isTrue();
        JsonNode after = http.get("/api/v1/agents/agent-1").json();
        assertThat(after.get("status").asString()).isEqualTo("IDLE");
        assertThat(after.get("statistics").get("completed").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/tasks?status=PENDING").json().get("totalItems").asLong()).isZero();
        JsonNode statistics = http.get("/api/v1/agents/agent-1/statistics?period=P7D").json();
        assertThat(statistics.get("completed").asLong()).isEqualTo(1);
        assertThat(statistics.get("successRate").asDouble()).isEqualTo(1.0);
        assertThat(statistics.get("lifetime").get("completed").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/agents/load").json().get(0).get("activeTasks").asLong()).isZero();
    }

    @Test
    void givenAnAgentsLoop_claimWithStartThenCompleteAndClaim_oneCallPerTaskHandsOverTheNext() {
        registerAgent("agent-1", "/repo/demo");
        enqueue("loop-1", "/repo/demo", "HIGH");
        enqueue("loop-2", "/repo/demo", "NORMAL");

        Http.Response claim = http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\",\"start\":true}");
        assertThat(claim.status()).isEqualTo(200);
        assertThat(claim.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        String lease = claim.json().get("leaseToken").asString();

        Http.Response handoff = http.post("/api/v1/tasks/loop-1/complete-and-claim",
                "{\"result\":\"green\",\"start\":true}", "X-Lease-Token", lease);
        assertThat(handoff.status()).isEqualTo(200);
        assertThat(handoff.json().get("completed").get("id").asString()).isEqualTo("loop-1");
        assertThat(handoff.json().get("completed").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(handoff.json().get("completed").get("result").asString()).isEqualTo("green");
        JsonNode next = handoff.json().get("next");
        assertThat(next.get("id").asString()).isEqualTo("loop-2");
        assertThat(next.get("status").asString()).isEqualTo("IN_PROGRESS");
        String nextLease = next.get("leaseToken").asString();
        assertThat(nextLease).isNotBlank().isNotEqualTo(lease);

        // The spent lease is refused and changes nothing; the new one completes the last task.
        assertProblem(http.post("/api/v1/tasks/loop-1/complete-and-claim", "{}", "X-Lease-Token", lease), 409,
                "conflict");
        Http.Response last = http.post("/api/v1/tasks/loop-2/complete-and-claim", null, "X-Lease-Token", nextLease);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("next").isNull()).isTrue();
        JsonNode agent = http.get("/api/v1/agents/agent-1").json();
        assertThat(agent.get("status").asString()).isEqualTo("IDLE");
        assertThat(agent.get("statistics").get("completed").asLong()).isEqualTo(2);
        assertProblem(http.post("/api/v1/tasks/loop-2/complete-and-claim", "{\"result\":" + "\"" + "x".repeat(
                dev.orchestra.domain.task.Task.MAX_RESULT + 1) + "\"}", "X-Lease-Token", nextLease), 400,
                "validation");
    }

    @Test
    void givenFinishedWork_analytics_reportTasksAgentsAndRepositories() {
        http.post("/api/v1/repositories", "{\"name\":\"demo\",\"path\":\"/repo/demo\"}");
        registerAgent("agent-1", "/repo/demo");
        enqueue("task-1", "/repo/demo", "NORMAL");
        enqueue("task-2", "/repo/demo", "LOW");
        String lease = http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}").json().get("leaseToken")
                .asString();
        http.post("/api/v1/tasks/task-1/start", null, "X-Lease-Token", lease);
        http.post("/api/v1/tasks/task-1/complete", "{}", "X-Lease-Token", lease);

        JsonNode tasks = http.get("/api/v1/analytics/tasks?period=P1D").json();
        assertThat(tasks.get("total").asLong()).isEqualTo(2);
        assertThat(tasks.get("byStatus").get("COMPLETED").asLong()).isEqualTo(1);
        assertThat(tasks.get("byStatus").get("PENDING").asLong()).isEqualTo(1);
        assertThat(tasks.get("daily").get(0).get("total").asLong()).isEqualTo(2);
        assertThat(tasks.get("averageExecutionTime").asString()).startsWith("PT");
        JsonNode agents = http.get("/api/v1/analytics/agents").json();
        assertThat(agents.get(0).get("agentId").asString()).isEqualTo("agent-1");
        assertThat(agents.get(0).get("completed").asLong()).isEqualTo(1);
        assertThat(agents.get(0).get("successRate").asDouble()).isEqualTo(1.0);
        JsonNode repositories = http.get("/api/v1/analytics/repositories").json();
        assertThat(repositories.get(0).get("tasksByStatus").get("PENDING").asLong()).isEqualTo(1);
        assertThat(repositories.get(0).get("statistics").get("successfulTasks").asLong()).isEqualTo(1);
        assertProblem(http.get("/api/v1/analytics/tasks?period=PT0S"), 400, "validation");
    }

    @Test
    void givenTemplate_crudAndInstantiate_createTheParentAndItsOrderedChildren() {
        Http.Response created = http.post("/api/v1/task-templates", "{\"id\":\"tpl\",\"name\":\"Lint\","
                + "\"templateVersion\":\"1.0.0\",\"steps\":[{\"command\":\"npm ci\"},"
                + "{\"command\":\"npm run lint -- {{path}}\",\"description\":\"lint\"}],"
                + "\"parameters\":{\"path\":{\"type\":\"STRING\",\"required\":true}}}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        Http.Response tasks = http.post("/api/v1/task-templates/tpl/instantiate",
                "{\"arguments\":{\"path\":\"src\"},\"repositoryPath\":\"/repo/demo\",\"priority\":\"HIGH\"}");

        assertThat(tasks.status()).as(tasks.raw().body()).isEqualTo(201);
        JsonNode list = tasks.json();
        assertThat(list.size()).isEqualTo(3);
        String parent = list.get(0).get("id").asString();
        assertThat(list.get(2).get("command").asString()).isEqualTo("npm run lint -- src");
        assertThat(list.get(2).get("parentTaskId").asString()).isEqualTo(parent);
        assertThat(http.get("/api/v1/tasks/" + parent + "/tree").json().size()).isEqualTo(3);
        assertThat(list.get(0).get("container").asBoolean()).isTrue();
        assertThat(list.get(1).get("container").asBoolean()).isFalse();
        registerAgent("agent-1", "/repo/demo");
        registerAgent("agent-2", "/repo/demo");
        JsonNode firstStep = http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}").json();
        assertThat(firstStep.get("id").asString()).isEqualTo(list.get(1).get("id").asString());
        assertThat(http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-2\"}").status())
                .as("the second step waits for the first; the container is never claimed").isEqualTo(204);
        Http.Response missing = http.post("/api/v1/task-templates/tpl/instantiate",
                "{\"repositoryPath\":\"/repo/demo\"}");
        assertProblem(missing, 400, "validation");
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("arguments.path");
        assertProblem(http.put("/api/v1/task-templates/tpl", "{\"name\":\"Lint\",\"steps\":[{\"command\":"
                + "\"x\"}]}", "If-Match", "\"7\""), 409, "conflict");
        assertProblem(http.delete("/api/v1/task-templates/tpl"), 428, "precondition-required");
        assertThat(http.delete("/api/v1/task-templates/tpl", "If-Match", "\"0\"").status()).isEqualTo(204);
        assertThat(http.get("/api/v1/task-templates/tpl").status()).isEqualTo(404);
    }

    @Test
    void givenABreaker_failuresOpenItAtTheThresholdAResetClosesItAndTheHistoryIsNewestFirst() {
        Http.Response created = http.put("/api/v1/circuit-breakers/agent-1",
                "{\"failureThreshold\":2,\"coolDown\":\"PT1H\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/circuit-breakers/agent-1");
        assertThat(created.json().get("state").asString()).isEqualTo("CLOSED");

        http.post("/api/v1/circuit-breakers/agent-1/outcomes", "{\"success\":false}");
        Http.Response opened = http.post("/api/v1/circuit-breakers/agent-1/outcomes", "{\"success\":false}");

        assertThat(opened.status()).isEqualTo(200);
        JsonNode open = opened.json();
        assertThat(open.get("state").asString()).isEqualTo("OPEN");
        assertThat(java.time.Duration.between(java.time.Instant.parse(open.get("openedAt").asString()),
                java.time.Instant.parse(open.get("resetAt").asString()))).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(opened.header("ETag")).isEqualTo("\"" + open.get("version").asLong() + "\"");
        assertThat(http.get("/api/v1/circuit-breakers?state=OPEN").json().get("items").get(0).get("agentKey")
                .asString()).isEqualTo("agent-1");
        assertThat(http.get("/api/v1/circuit-breakers?state=CLOSED").json().get("totalItems").asLong()).isZero();

        assertThat(http.post("/api/v1/circuit-breakers/agent-1/reset", null).json().get("state").asString())
                .isEqualTo("CLOSED");
        JsonNode history = http.get("/api/v1/circuit-breakers/agent-1/transitions").json().get("items");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("to").asString()).isEqualTo("CLOSED");
        assertThat(history.get(1).get("to").asString()).isEqualTo("OPEN");
        assertThat(history.get(1).get("reason").asString()).contains("2 consecutive failures");
        assertProblem(http.put("/api/v1/circuit-breakers/agent-1", "{\"failureThreshold\":3}"), 428,
                "precondition-required");
        assertProblem(http.put("/api/v1/circuit-breakers/agent-1", "{\"failureThreshold\":3}", "If-Match", "\"0\""),
                409, "conflict");
        assertProblem(http.get("/api/v1/circuit-breakers/nobody"), 404, "not-found");
        assertProblem(http.post("/api/v1/circuit-breakers/nobody/reset", null), 404, "not-found");
        assertProblem(http.get("/api/v1/circuit-breakers/nobody/transitions"), 404, "not-found");
        assertProblem(http.post("/api/v1/circuit-breakers/agent-1/outcomes", "{\"success\":\"no\"}"), 400,
                "malformed-body");
        assertProblem(http.post("/api/v1/circuit-breakers/agent-1/outcomes", "{}"), 400, "validation");
    }

    @Test
    void givenAnOpenCircuitPastItsResetTime_recover_makesItHalfOpenAndATrialSuccessClosesIt() {
        http.put("/api/v1/circuit-breakers/agent-2", "{\"failureThreshold\":1}");
        Http.Response set = http.put("/api/v1/circuit-breakers/agent-2", "{\"state\":\"OPEN\","
                + "\"openedAt\":\"2026-01-01T00:00:00Z\",\"resetAt\":\"2026-01-01T00:01:00Z\"}", "If-Match", "\"0\"");
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);

        JsonNode recovered = http.post("/api/v1/circuit-breakers/recover", null).json();

        assertThat(recovered.size()).isEqualTo(1);
        assertThat(recovered.get(0).get("state").asString()).isEqualTo("HALF_OPEN");
        assertThat(http.post("/api/v1/circuit-breakers/recover", null).json().size()).isZero();
        assertThat(http.post("/api/v1/circuit-breakers/agent-2/outcomes", "{\"success\":true}").json()
                .get("state").asString()).isEqualTo("CLOSED");
        JsonNode history = http.get("/api/v1/circuit-breakers/agent-2/transitions").json().get("items");
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(2).get("reason").asString()).startsWith("set by");
        assertThat(http.withHeader("X-Tenant-Id", "other").get("/api/v1/circuit-breakers/agent-2").status())
                .as("another tenant's breaker").isEqualTo(404);
    }

    @Test
    void givenDefaultTenant_theDefaultTemplatesExistFromTheFirstStart() {
        JsonNode templates = new Http("http://127.0.0.1:" + port).get("/api/v1/task-templates?sort=name").json();

        assertThat(templates.get("items").findValuesAsString("name")).contains("Build and Test", "Code Review");
    }

    @Test
    void givenNothingPending_claim_is204() {
        registerAgent("agent-1", "/repo/demo");

        assertThat(http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}").status()).isEqualTo(204);
    }

    @Test
    void givenTasksOfSeveralPriorities_claim_takesHighestPriorityFirstAndOtherPathsOnlyWhenAsked() {
        registerAgent("agent-1", "/repo/demo");
        enqueue("low", "/repo/demo", "LOW");
        enqueue("critical-elsewhere", "/repo/other", "CRITICAL");
        enqueue("high", "/repo/demo", "HIGH");

        assertThat(http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}").json().get("id").asString())
                .isEqualTo("high");
        http.post("/api/v1/agents", "{\"id\":\"agent-2\",\"name\":\"b\",\"type\":\"t\",\"repositoryPath\":\"/x\"}");
        assertThat(http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-2\"}").status()).isEqualTo(204);
        assertThat(http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-2\",\"anyRepository\":true}").json()
                .get("id").asString()).isEqualTo("critical-elsewhere");
    }

    @Test
    void givenMalformedBody_post_is400NamingTheProblem() {
        Http.Response response = http.post("/api/v1/tasks", "{\"command\":\"x\",\"repositoryPath\":");

        assertProblem(response, 400, "malformed-body");
        assertThat(response.json().get("detail").asString()).contains("line 1");
    }

    @Test
    void givenUnknownProperty_post_is400NamingIt() {
        Http.Response response = http.post("/api/v1/tasks",
                "{\"command\":\"x\",\"repositoryPath\":\"/r\",\"priorty\":\"HIGH\"}");

        assertProblem(response, 400, "malformed-body");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("priorty");
        assertThat(http.get("/api/v1/tasks").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void givenUnknownEnumOrANumberForAnEnum_post_is400ListingTheNames() {
        Http.Response unknown = http.post("/api/v1/tasks",
                "{\"command\":\"x\",\"repositoryPath\":\"/r\",\"priority\":\"URGENT\"}");
        Http.Response number = http.post("/api/v1/tasks",
                "{\"command\":\"x\",\"repositoryPath\":\"/r\",\"priority\":2}");

        assertProblem(unknown, 400, "malformed-body");
        assertThat(unknown.json().get("detail").asString()).contains("URGENT").contains("LOW, NORMAL, HIGH, CRITICAL");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("priority");
        assertProblem(number, 400, "malformed-body");
        assertThat(number.json().get("detail").asString()).contains("number");
    }

    @Test
    void givenOverLongCommand_post_is400WithAFieldError() {
        Http.Response response = http.post("/api/v1/tasks",
                "{\"command\":\"" + "x".repeat(2001) + "\",\"repositoryPath\":\"/r\"}");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("command");
    }

    @Test
    void givenStaleIfMatch_put_is409AndKeepsTheNewerData() {
        registerAgent("agent-1", "/repo/demo");
        String body = "{\"name\":\"Renamed\",\"type\":\"claude-code\",\"repositoryPath\":\"/repo/demo\"}";
        Http.Response first = http.put("/api/v1/agents/agent-1", body, "If-Match", "\"0\"");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Http.Response stale = http.put("/api/v1/agents/agent-1",
                body.replace("Renamed", "Lost update"), "If-Match", "\"0\"");

        assertProblem(stale, 409, "conflict");
        assertThat(http.get("/api/v1/agents/agent-1").json().get("name").asString()).isEqualTo("Renamed");
    }

    @Test
    void givenCompletedTask_cancel_is409NamingBothStates() {
        registerAgent("agent-1", "/repo/demo");
        enqueue("task-1", "/repo/demo", "NORMAL");
        String lease = http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}").json().get("leaseToken")
                .asString();
        http.post("/api/v1/tasks/task-1/start", null, "X-Lease-Token", lease);
        http.post("/api/v1/tasks/task-1/complete", "{}", "X-Lease-Token", lease);

        Http.Response response = http.post("/api/v1/tasks/task-1/cancel", null);

        assertProblem(response, 409, "invalid-transition");
        assertThat(response.json().get("from").asString()).isEqualTo("COMPLETED");
        assertThat(response.json().get("to").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void givenClaimedTask_startWithoutOrWithAWrongLease_is409() {
        registerAgent("agent-1", "/repo/demo");
        enqueue("task-1", "/repo/demo", "NORMAL");
        http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}");

        assertProblem(http.post("/api/v1/tasks/task-1/start", null), 409, "conflict");
        assertProblem(http.post("/api/v1/tasks/task-1/start", null, "X-Lease-Token", "forged"), 409, "conflict");
        assertThat(http.get("/api/v1/tasks/task-1").json().get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void givenBatchWithOneBadTask_batch_is400NamingItAndStoresNothing() {
        String good = "{\"command\":\"a\",\"repositoryPath\":\"/r\"}";
        String bad = "{\"command\":\"" + "x".repeat(2001) + "\",\"repositoryPath\":\"/r\"}";

        Http.Response response = http.post("/api/v1/tasks/batch", "{\"tasks\":[" + good + "," + bad + "]}");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("tasks[1].command");
        assertThat(http.get("/api/v1/tasks").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void givenBatch_batch_storesAllInOrderAndPagesThem() {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tasks.add("{\"id\":\"b-" + String.format("%03d", i) + "\",\"command\":\"c\",\"repositoryPath\":\"/r\"}");
        }

        Http.Response response = http.post("/api/v1/tasks/batch", "{\"tasks\":[" + String.join(",", tasks) + "]}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("count").asInt()).isEqualTo(120);
        JsonNode page = http.get("/api/v1/tasks?page=2&size=50&sort=id,desc").json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(120);
        assertThat(page.get("totalPages").asLong()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(20);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo("b-019");
    }

    @Test
    void givenBadPagingOrFilter_list_is400() {
        assertProblem(http.get("/api/v1/tasks?size=501"), 400, "validation");
        assertProblem(http.get("/api/v1/tasks?sort=nonsense,asc"), 400, "validation");
        Http.Response status = http.get("/api/v1/tasks?status=BOGUS");
        assertProblem(status, 400, "validation");
        assertThat(status.json().get("detail").asString()).contains("PENDING");
    }

    @Test
    void givenChanges_theAuditQuery_filtersByEntityActionAndTimeNewestFirstInTheTenantOnly() {
        Instant before = Instant.now().minusSeconds(1);
        registerAgent("agent-1", "/repo/a");
        registerAgent("agent-2", "/repo/b");
        http.delete("/api/v1/agents/agent-2", "If-Match", "\"0\"");

        JsonNode agent1 = http.get("/api/v1/admin/audit?entityType=Agent&entityId=agent-1").json();
        JsonNode deletes = http.get("/api/v1/admin/audit?action=DELETE").json();
        JsonNode all = http.get("/api/v1/admin/audit?from=" + before + "&size=500").json();

        assertThat(agent1.get("totalItems").asLong()).isEqualTo(1);
        assertThat(agent1.get("items").get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(agent1.get("items").get(0).get("newValues").get("name").asString()).isEqualTo("Agent agent-1");
        assertThat(deletes.get("items").findValuesAsString("entityId")).containsExactly("agent-2");
        assertThat(all.get("items").get(0).get("timestamp").asString())
                .isGreaterThanOrEqualTo(all.get("items").get(all.get("items").size() - 1).get("timestamp").asString());
        assertThat(http.get("/api/v1/admin/audit?to=" + before).json().get("totalItems").asLong()).isZero();
        assertThat(http.withHeader("X-Tenant-Id", "elsewhere").get("/api/v1/admin/audit?entityId=agent-1").json()
                .get("totalItems").asLong()).isZero();
        assertProblem(http.get("/api/v1/admin/audit?from=yesterday"), 400, "validation");
        assertProblem(http.get("/api/v1/admin/audit?from=" + Instant.now() + "&to=" + before), 400, "validation");
        assertProblem(http.get("/api/v1/admin/audit?action=ERASE"), 400, "validation");
    }

    @Test
    void givenAStore_aBackupIsTakenVerifiedListedAndVerifiedAgain() {
        registerAgent("agent-1", "/repo/a");

        Http.Response taken = http.post("/api/v1/admin/backups", null);

        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(201);
        JsonNode manifest = taken.json();
        String id = manifest.get("id").asString();
        assertThat(taken.header("Location")).isEqualTo("/api/v1/admin/backups/" + id);
        assertThat(manifest.get("verified").asBoolean()).as(taken.raw().body()).isTrue();
        assertThat(manifest.get("trigger").asString()).isEqualTo("MANUAL");
        assertThat(manifest.get("sha256").asString()).hasSize(64);
        assertThat(manifest.get("sizeBytes").asLong()).isPositive();
        assertThat(manifest.get("rowCounts").size()).isPositive();
        assertThat(http.get("/api/v1/admin/backups").json().findValuesAsString("id")).contains(id);
        assertThat(http.get("/api/v1/admin/backups/" + id).json().get("sha256").asString())
                .isEqualTo(manifest.get("sha256").asString());
        Http.Response again = http.post("/api/v1/admin/backups/" + id + "/verify", null);
        assertThat(again.json().get("verified").asBoolean()).as(again.raw().body()).isTrue();
        assertProblem(http.get("/api/v1/admin/backups/nope"), 404, "not-found");
        assertProblem(http.get("/api/v1/admin/backups/.hidden"), 404, "not-found");
        assertProblem(http.post("/api/v1/admin/backups/nope/verify", null), 404, "not-found");
    }

    @Test
    void givenABackup_restore_bringsItBackAndOtherCallsAnswerRestoringMeanwhile() throws Exception {
        registerAgent("agent-1", "/repo/a");
        String id = http.post("/api/v1/admin/backups", null).json().get("id").asString();
        registerAgent("agent-2", "/repo/b");
        // A write unit that holds the writer keeps the restore waiting, so the window is wide enough to see.
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            threads.submit(() -> store.unitOfWork().write(() -> {
                holding.countDown();
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holding.await();
            java.util.concurrent.Future<Http.Response> restoring = threads.submit(() ->
                    http.post("/api/v1/admin/backups/" + id + "/restore", null));
            Http.Response meanwhile = null;
            long deadline = System.nanoTime() + 1_400_000_000L;
            while (System.nanoTime() < deadline) {
                Http.Response r = http.get("/api/v1/agents");
                if (r.status() == 503) {
                    meanwhile = r;
                    break;
                }
                assertThat(r.status()).isEqualTo(200);
                Thread.sleep(5);
            }
            Http.Response restored = restoring.get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(meanwhile).as("a call while the restore runs").isNotNull();
            assertProblem(meanwhile, 503, "restoring");
            assertThat(meanwhile.header("Retry-After")).isEqualTo("5");
            assertThat(restored.status()).as(restored.raw().body()).isEqualTo(200);
            JsonNode answer = restored.json();
            assertThat(answer.get("verified").asBoolean()).as(restored.raw().body()).isTrue();
            assertThat(answer.get("restoredFrom").asString()).isEqualTo(id);
            assertThat(answer.get("safetyBackup").get("trigger").asString()).isEqualTo("BEFORE_RESTORE");
            assertThat(answer.get("safetyBackup").get("verified").asBoolean()).isTrue();
            assertThat(http.get("/api/v1/agents").json().get("items").findValuesAsString("id"))
                    .containsExactly("agent-1");
            // A restore changes every tenant: its entry is the store's, in the default tenant.
            assertThat(http.withHeader("X-Tenant-Id", "default").get("/api/v1/admin/audit?action=RESTORE").json()
                    .get("items").findValuesAsString("entityId")).contains(id);
            assertProblem(http.post("/api/v1/admin/backups/nope/restore", null), 404, "not-found");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void givenAStore_retentionCleanup_dryRunByDefaultThenRemovesAndReportsBytes() {
        registerAgent("agent-1", "/repo/a");

        Http.Response dry = http.post("/api/v1/admin/retention/cleanup", null);
        Http.Response done = http.post("/api/v1/admin/retention/cleanup?dryRun=false", null);

        assertThat(dry.status()).as(dry.raw().body()).isEqualTo(200);
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().get("kinds").findValuesAsString("kind")).containsExactly(
                "finished-workflow-executions", "routing-decisions", "circuit-history", "orchestration-logs",
                "raw-metrics", "closed-client-sessions");
        assertThat(dry.json().get("kinds").get(0).get("olderThan").asString()).isEqualTo("PT2160H");
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(done.json().get("dryRun").asBoolean()).isFalse();
        assertThat(done.json().get("bytesBefore").asLong()).isPositive();
        assertThat(done.json().get("bytesGivenBack").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(http.get("/api/v1/agents/agent-1").status()).isEqualTo(200);
        assertProblem(http.post("/api/v1/admin/retention/cleanup?dryRun=maybe", null), 400, "validation");
    }

    @Test
    void givenAHugeRefusedValue_theProblemQuotesItCutAndSaysHowLongItWas() {
        Http.Response refused = http.get("/api/v1/tasks?status=" + "x".repeat(5000));
        Http.Response body = http.post("/api/v1/agents", "{\"id\":\"a\",\"name\":\"A\",\"type\":\"t\","
                + "\"repositoryPath\":\"/r\",\"status\":\"" + "y".repeat(5000) + "\"}");

        assertProblem(refused, 400, "validation");
        assertThat(refused.json().get("detail").asString()).contains("x".repeat(100) + "… (5000 characters)")
                .doesNotContain("x".repeat(101)).hasSizeLessThan(400);
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.raw().body()).doesNotContain("y".repeat(101));
    }

    @Test
    void givenAWaitingClaim_anEnqueue_isAnsweredAtOnceAndAnEmptyWaitEndsIn204() throws Exception {
        registerAgent("agent-1", "/repo/a");
        java.util.concurrent.ExecutorService caller = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Http.Response> waiting = caller.submit(() ->
                    http.post("/api/v1/tasks/claim?wait=PT20S", "{\"agentId\":\"agent-1\"}"));
            Thread.sleep(300);
            assertThat(waiting).as("still waiting: nothing is enqueued").isNotDone();
            enqueue("task-1", "/repo/a", "NORMAL");
            long enqueued = System.nanoTime();
            Http.Response claimed = waiting.get(20, java.util.concurrent.TimeUnit.SECONDS);
            long millis = (System.nanoTime() - enqueued) / 1_000_000;

            assertThat(claimed.status()).as(claimed.raw().body()).isEqualTo(200);
            assertThat(claimed.json().get("id").asString()).isEqualTo("task-1");
            assertThat(claimed.json().get("leaseToken").asString()).isNotBlank();
            // Generous for a loaded CI machine; the benchmark measures the real figure.
            assertThat(millis).as("answered after the enqueue, in ms").isLessThan(2_000);
        } finally {
            caller.shutdownNow();
        }
        registerAgent("agent-2", "/repo/b");
        long began = System.nanoTime();
        Http.Response empty = http.post("/api/v1/tasks/claim?wait=PT0.4S", "{\"agentId\":\"agent-2\"}");
        assertThat(empty.status()).isEqualTo(204);
        assertThat((System.nanoTime() - began) / 1_000_000).as("waited its time").isGreaterThanOrEqualTo(350);
        assertProblem(http.post("/api/v1/tasks/claim?wait=PT61S", "{\"agentId\":\"agent-2\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/tasks/claim?wait=-PT1S", "{\"agentId\":\"agent-2\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/tasks/claim?wait=soon", "{\"agentId\":\"agent-2\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/tasks/claim?wait=PT5S", "{\"agentId\":\"agent-1\"}"), 409, "conflict");
        assertProblem(http.post("/api/v1/tasks/claim?wait=PT5S", "{\"agentId\":\"ghost\"}"), 404, "not-found");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.orchestra.application.observability.MetricsSeries metricsSeries;

    @Test
    void givenLogsPosted_theyAreQueriedByLevelCategoryAndTime_andTheServicesOwnWarningsAreThereToo() throws Exception {
        Instant before = Instant.now();
        Http.Response posted = http.post("/api/v1/admin/logs", "{\"level\":\"WARN\",\"category\":\"router\","
                + "\"message\":\"agent-1 answered slowly\",\"properties\":{\"ms\":1200}}");
        http.post("/api/v1/admin/logs", "{\"level\":\"INFO\",\"category\":\"router\",\"message\":\"routed\"}");
        http.post("/api/v1/admin/logs", "{\"level\":\"ERROR\",\"category\":\"ui\",\"message\":\"crashed\"}");

        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
        assertThat(posted.json().get("properties").get("ms").asInt()).isEqualTo(1200);
        assertThat(http.get("/api/v1/admin/logs?level=WARN").json().get("items").findValuesAsString("message"))
                .containsExactly("crashed", "agent-1 answered slowly");
        assertThat(http.get("/api/v1/admin/logs?category=router").json().get("totalItems").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/admin/logs?to=" + before).json().get("totalItems").asLong()).isZero();
        assertProblem(http.get("/api/v1/admin/logs?level=LOUD"), 400, "validation");
        assertProblem(http.post("/api/v1/admin/logs", "{\"level\":\"WARN\",\"category\":\"x\"}"), 400,
                "validation");
        assertProblem(http.post("/api/v1/admin/logs", "{\"level\":\"WARN\",\"category\":\"x\",\"message\":\""
                + "m".repeat(10_001) + "\"}"), 400, "validation");
        assertThat(http.withHeader("X-Tenant-Id", "elsewhere").get("/api/v1/admin/logs").json().get("totalItems")
                .asLong()).isZero();

        String marker = "disk nearly full " + java.util.UUID.randomUUID();
        org.slf4j.LoggerFactory.getLogger("orchestra.test").warn(marker);
        JsonNode found = null;
        for (int i = 0; i < 100 && (found == null || found.get("totalItems").asLong() == 0); i++) {
            Thread.sleep(50);
            found = http.withHeader("X-Tenant-Id", "default").get("/api/v1/admin/logs?category=service.orchestra.test")
                    .json();
        }
        assertThat(found.get("items").findValuesAsString("message")).contains(marker);
    }

    @Test
    void givenSamplesInAClosedHour_rollUp_writesOneHourlyRowWithCountMinMaxAndDeviation() {
        Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusSeconds(3 * 3600);
        for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            Http.Response r = http.post("/api/v1/admin/metrics", "{\"entityType\":\"AGENT\",\"entityId\":\"agent-1\","
                    + "\"name\":\"task.duration\",\"value\":" + v + ",\"unit\":\"s\",\"timestamp\":\""
                    + hour.plusSeconds((long) v * 60) + "\"}");
            assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        }

        metricsSeries.rollUp();
        metricsSeries.rollUp();

        JsonNode raw = http.get("/api/v1/admin/metrics?name=task.duration&entityId=agent-1").json();
        assertThat(raw.get("totalItems").asLong()).isEqualTo(8);
        JsonNode hourly = http.get("/api/v1/admin/metrics?name=task.duration&period=HOURLY").json();
        assertThat(hourly.get("totalItems").asLong()).as("rolled once, however often asked").isEqualTo(1);
        JsonNode row = hourly.get("items").get(0);
        assertThat(row.get("periodStart").asString()).isEqualTo(hour.toString());
        assertThat(row.get("sampleCount").asLong()).isEqualTo(8);
        assertThat(row.get("value").asDouble()).isEqualTo(5.0);
        assertThat(row.get("min").asDouble()).isEqualTo(2.0);
        assertThat(row.get("max").asDouble()).isEqualTo(9.0);
        assertThat(row.get("standardDeviation").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        Http.Response whole = http.post("/api/v1/admin/metrics", "{\"entityType\":\"SYSTEM\",\"name\":\"whole\","
                + "\"value\":3,\"unit\":\"tasks\"}");
        assertThat(whole.status()).as("an integer is a number: " + whole.raw().body()).isEqualTo(201);
        assertThat(whole.json().get("value").asDouble()).isEqualTo(3.0);
        assertProblem(http.post("/api/v1/admin/metrics", "{\"entityType\":\"AGENT\",\"name\":\"x\",\"value\":1e999,"
                + "\"unit\":\"s\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/admin/metrics", "{\"entityType\":\"PLANET\",\"name\":\"x\",\"value\":1,"
                + "\"unit\":\"s\"}"), 400, "malformed-body");
        assertProblem(http.get("/api/v1/admin/metrics?period=MONTHLY"), 400, "validation");
    }

    @Test
    void givenAClient_openHeartbeatAndList_keepItsSessionActive() {
        Http.Response opened = http.post("/api/v1/admin/client-sessions", "{\"clientId\":\"ui-7\","
                + "\"metadata\":{\"tab\":\"tasks\"}}");
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        assertThat(opened.header("Location")).isEqualTo("/api/v1/admin/client-sessions/" + id);

        Http.Response beat = http.post("/api/v1/admin/client-sessions/" + id + "/heartbeat",
                "{\"metadata\":{\"tab\":\"agents\"}}");
        Http.Response bare = http.post("/api/v1/admin/client-sessions/" + id + "/heartbeat", null);

        assertThat(beat.status()).as(beat.raw().body()).isEqualTo(200);
        assertThat(beat.json().get("metadata").get("tab").asString()).isEqualTo("agents");
        assertThat(bare.json().get("metadata").get("tab").asString()).isEqualTo("agents");
        assertThat(bare.json().get("version").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/admin/client-sessions?active=true").json().get("items")
                .findValuesAsString("id")).containsExactly(id);
        assertThat(http.get("/api/v1/admin/client-sessions?active=false").json().get("totalItems").asLong()).isZero();
        assertProblem(http.post("/api/v1/admin/client-sessions/nope/heartbeat", null), 404, "not-found");
        assertProblem(http.get("/api/v1/admin/client-sessions/nope"), 404, "not-found");
        assertProblem(http.post("/api/v1/admin/client-sessions", "{\"clientId\":\"ui\",\"metadata\":[1]}"), 400,
                "validation");
        assertProblem(http.withHeader("X-Tenant-Id", "elsewhere").get("/api/v1/admin/client-sessions/" + id), 404,
                "not-found");
    }

    @Test
    void givenWrites_prometheus_showsTheWritersMetersAndTheClaimsPerPath() {
        registerAgent("agent-1", "/repo/a");
        http.post("/api/v1/tasks", "{\"command\":\"c\",\"repositoryPath\":\"/repo/a\"}");
        http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}");

        Http.Response scraped = http.get("/actuator/prometheus");

        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.raw().body()).contains("http_server_requests_seconds_count")
                .contains("uri=\"/api/v1/tasks/claim\"");
        if (store instanceof dev.orchestra.adapter.sqlite.SqliteStore) {
            assertThat(scraped.raw().body()).contains("orchestra_store_write_queue ")
                    .contains("orchestra_store_write_units_total ").contains("orchestra_store_commits_total ")
                    .contains("orchestra_store_write_wait_seconds_count ");
            assertThat(Double.parseDouble(scraped.raw().body().lines()
                    .filter(l -> l.startsWith("orchestra_store_write_units_total ")).findFirst().orElseThrow()
                    .split(" ")[1])).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void givenTheStore_integrity_answersTheReportOfEveryRuleWithoutAnError() {
        registerAgent("agent-1", "/repo/a");
        Http.Response quick = http.get("/api/v1/admin/integrity");
        Http.Response full = http.get("/api/v1/admin/integrity?full=true");

        assertThat(quick.status()).as(quick.raw().body()).isEqualTo(200);
        assertThat(quick.json().get("errors").asLong()).as(quick.raw().body()).isZero();
        assertThat(quick.json().get("clean").asBoolean()).isTrue();
        assertThat(quick.json().get("full").asBoolean()).isFalse();
        assertThat(quick.json().get("findings").isArray()).isTrue();
        assertThat(full.json().get("full").asBoolean()).isTrue();
        assertProblem(http.get("/api/v1/admin/integrity?full=maybe"), 400, "validation");
        Http.Response dry = http.post("/api/v1/admin/integrity/repair", null);
        assertThat(dry.status()).as(dry.raw().body()).isEqualTo(200);
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().get("backupId").isNull()).isTrue();
        assertThat(dry.json().get("after").get("errors").asLong()).isZero();
        assertProblem(http.post("/api/v1/admin/integrity/repair?dryRun=perhaps", null), 400, "validation");
    }

    @Test
    void givenUnknownIdWrongMediaTypeOrHugeBody_requests_getTheirProblems() throws Exception {
        assertProblem(http.get("/api/v1/tasks/nope"), 404, "not-found");
        assertProblem(http.send("POST", "/api/v1/tasks", "text/plain", "hello"), 415, "http-415");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/tasks/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 40000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).contains("413");
        }
    }

    @Test
    void givenJsonBodiesThatAreNotUtf8_theyAreRefusedNamingTheByteAndNothingIsStored() {
        java.util.function.Function<String, byte[]> body = hex -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes("{\"id\":\"utf\",\"command\":\"a".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(java.util.HexFormat.of().parseHex(hex));
            out.writeBytes("\",\"repositoryPath\":\"/r\"}".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        };
        // C0 AF is an overlong '/': Jackson read it as one, so "a\xC0\xAF" was stored as "a/".
        // Each bad sequence and the byte that breaks it: overlong forms of '/', a surrogate, past U+10FFFF,
        // a byte that starts nothing, a continuation without a start.
        Map<String, String> firstBad = Map.of("c0af", "C0", "e080af", "80", "f08080af", "80", "eda080", "A0",
                "f4908080", "90", "ff", "FF", "80", "80");
        firstBad.forEach((hex, bad) -> {
            Http.Response refused = http.sendBytes("POST", "/api/v1/tasks", "application/json", body.apply(hex));
            assertProblem(refused, 400, "malformed-body");
            assertThat(refused.json().get("detail").asString()).as(hex)
                    .startsWith("the body is not UTF-8: byte 0x" + bad + " at offset 2");
        });
        Http.Response cut = http.sendBytes("POST", "/api/v1/tasks", "application/json",
                "{\"command\":\"a\u00e2\u0082".getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(cut, 400, "malformed-body");
        assertThat(cut.json().get("detail").asString()).startsWith("the body is not UTF-8: it ends inside a character");
        // Naming another charset was a way around the check: Jackson detects the encoding itself.
        Http.Response utf16 = http.sendBytes("POST", "/api/v1/tasks", "application/json; charset=UTF-16",
                body.apply("c0af"));
        assertProblem(utf16, 415, "unsupported-media-type");
        assertThat(utf16.json().get("detail").asString()).contains("a JSON body is UTF-8");
        assertProblem(http.get("/api/v1/tasks/utf"), 404, "not-found");

        Http.Response kept = http.sendBytes("POST", "/api/v1/tasks", "application/json; charset=UTF-8",
                body.apply("c3a9e282acf09f9880"));
        assertThat(kept.status()).isEqualTo(201);
        assertThat(kept.json().get("command").asString()).isEqualTo("aé€😀");
    }

    @Test
    void givenDurationsPastOneHundredYearsOrNotISO_inABody_areRefusedSayingWhatIsWrongWithThem() {
        String agent = "{\"id\":\"long\",\"name\":\"n\",\"type\":\"t\",\"repositoryPath\":\"/r\",\"healthCheckInterval\":";

        // docs/API.md: durations at most 100 years. P99999D (273 years) was stored.
        Http.Response tooLong = http.post("/api/v1/agents", agent + "\"P36526D\"}");
        assertProblem(tooLong, 400, "malformed-body");
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("healthCheckInterval: 'P36526D' is longer"
                + " than 100 years (P36525D), the most a duration may be");
        assertThat(http.post("/api/v1/agents", agent + "\"5m\"}").json().get("detail").asString())
                .isEqualTo("healthCheckInterval: '5m' is not an ISO-8601 duration such as PT5M or P7D");
        assertThat(http.post("/api/v1/agents", agent + "\"P36525D\"}").status()).isEqualTo(201);
    }

    /**
     * A hostile client: more than a thousand malformed requests across every endpoint. None may get a
     * 5xx, every error must be a problem naming no Java, Jackson or SQL type, every wrong-typed value
     * must be refused, and what was stored before must read back the same afterwards.
     */
    @Test
    void givenAHostileClient_overAThousandMalformedRequests_getProblemsAndChangeNothing() {
        // What must be refused goes to one tenant, whose data must read back unchanged; the probes that
        // may be accepted (a missing optional field, unusual but valid text) go to another.
        Http refusedOnly = http;
        Http mayChange = http.withHeader("X-Tenant-Id", tenant + "-b");
        Map<Http, String> leases = Map.of(refusedOnly, seed(refusedOnly), mayChange, seed(mayChange));
        String before = snapshot(refusedOnly, "h-repo");
        List<String> failures = new java.util.ArrayList<>();
        int count = 0;
        for (Http target : List.of(refusedOnly, mayChange)) {
            for (HostileInput.Probe probe : hostileProbes(leases.get(target)).probes()) {
                if (probe.mustRefuse() != (target == refusedOnly)) {
                    continue;
                }
                count++;
                String verdict = attempt(target, probe);
                if (verdict != null) {
                    failures.add(probe + ": " + verdict);
                }
            }
        }
        System.out.printf("hostile client: %d requests, %d unacceptable answers%n", count, failures.size());
        failures.forEach(f -> System.out.println("  " + ascii(f)));
        assertThat(failures).as("unacceptable answers").isEmpty();
        assertThat(count).isGreaterThanOrEqualTo(1000);
        assertThat(snapshot(refusedOnly, "h-repo")).isEqualTo(before);
    }

    /** An agent with a claimed task, a repository, a template and a preference; answers the lease token. */
    static String seed(Http client) {
        client.post("/api/v1/agents", "{\"id\":\"h-agent\",\"name\":\"H\",\"type\":\"claude-code\","
                + "\"repositoryPath\":\"/repo/h\"}");
        client.post("/api/v1/tasks", "{\"id\":\"h-task\",\"command\":\"npm test\",\"repositoryPath\":\"/repo/h\"}");
        client.post("/api/v1/repositories", "{\"id\":\"h-repo\",\"name\":\"h\",\"path\":\"/repo/h\"}");
        client.post("/api/v1/task-templates", "{\"id\":\"h-tpl\",\"name\":\"H\",\"steps\":[{\"command\":\"c\"}],"
                + "\"parameters\":{\"p\":{\"type\":\"STRING\",\"required\":false}}}");
        client.put("/api/v1/preferences/h.key", "{\"value\":\"1\",\"valueType\":\"INTEGER\"}");
        client.put("/api/v1/circuit-breakers/h-breaker", "{\"failureThreshold\":2,\"coolDown\":\"PT1M\"}");
        client.post("/api/v1/circuit-breakers/h-breaker/outcomes", "{\"success\":false}");
        client.post("/api/v1/routing-decisions", HOSTILE_DECISION.replace("h-new-decision", "h-decision"));
        client.post("/api/v1/workflow-definitions", HOSTILE_WORKFLOW.replace("\"h-new-def\"", "\"h-def\""));
        client.post("/api/v1/workflow-executions", "{\"id\":\"h-run\",\"definitionId\":\"h-def\"}");
        client.post("/api/v1/chat/sessions", HOSTILE_SESSION.replace("h-new-session", "h-session"));
        client.post("/api/v1/chat/sessions/h-session/messages", "{\"id\":\"h-message\",\"role\":\"USER\","
                + "\"content\":\"hello\"}");
        client.post("/api/v1/chat/sessions/h-session/tool-executions", "{\"id\":\"h-run-tool\","
                + "\"toolName\":\"t\",\"input\":{},\"requiresApproval\":true}");
        client.upload("/api/v1/chat/messages/h-message/attachments", "file", "h.txt", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8));
        client.post("/api/v1/workflow-executions/h-run/steps", "{\"stepId\":\"a\",\"attempt\":1,"
                + "\"status\":\"COMPLETED\"}");
        return client.post("/api/v1/tasks/claim", "{\"agentId\":\"h-agent\"}").json().get("leaseToken").asString();
    }

    private static String attempt(Http client, HostileInput.Probe probe) {
        List<String> headers = new java.util.ArrayList<>();
        probe.headers().forEach((name, value) -> {
            headers.add(name);
            headers.add(value);
        });
        Http.Response response;
        try {
            response = probe.contentType() == null ? client.send(probe.method(), probe.path(), headers)
                    : client.send(probe.method(), probe.path(), probe.contentType(), probe.body(), headers);
        } catch (AssertionError e) {
            return e.getMessage();
        }
        return HostileInput.judge(probe, response.status(), response.contentType(), response.raw().body());
    }

    private static final String HOSTILE_DECISION = "{\"id\":\"h-new-decision\",\"taskId\":\"h-task\","
            + "\"taskType\":\"build\",\"requiredCapability\":\"java\",\"selectedAgent\":\"h-agent\","
            + "\"priority\":\"HIGH\",\"agentScore\":0.5,\"strategy\":\"s\",\"candidates\":[{\"agentKey\":"
            + "\"h-agent\",\"score\":0.5},{\"agentKey\":\"h-other\",\"score\":0.1,\"excludedReason\":\"busy\"}],"
            + "\"success\":true,\"errorMessage\":\"e\",\"retryAttempts\":1,\"routingDuration\":\"PT0.01S\","
            + "\"workflowExecutionId\":\"wf\",\"workflowStepId\":\"s1\"}";

    private static final String HOSTILE_WORKFLOW = "{\"id\":\"h-new-def\",\"name\":\"h-wf\",\"version\":\"1.0.0\","
            + "\"definition\":{\"steps\":[{\"id\":\"a\",\"type\":\"shell\",\"command\":\"c\"},{\"id\":\"b\","
            + "\"type\":\"agent\",\"dependsOn\":[\"a\"]}]},\"inputSchema\":{\"type\":\"object\"},"
            + "\"category\":\"c\",\"tags\":[\"t\"],\"author\":\"a\",\"public\":false}";

    private static final String HOSTILE_SESSION = "{\"id\":\"h-new-session\",\"title\":\"t\",\"description\":\"d\","
            + "\"userId\":\"alice\",\"agentId\":\"a\",\"model\":\"m\",\"provider\":\"p\",\"estimatedCost\":0.5,"
            + "\"totalDuration\":\"PT1S\",\"metadata\":{\"tags\":[\"x\"],\"summary\":\"s\",\"customData\":{\"k\":1}}}";

    static HostileInput hostileProbes(String lease) {
        Map<String, String> none = Map.of();
        Map<String, String> leased = Map.of("X-Lease-Token", lease);
        Map<String, String> version = Map.of("If-Match", "\"0\"");
        String agent = "{\"id\":\"h-new\",\"name\":\"n\",\"type\":\"t\",\"repositoryPath\":\"/r\","
                + "\"capabilities\":[\"git\"],\"maxConcurrentTasks\":2,\"healthCheckInterval\":\"PT1M\","
                + "\"configuration\":{\"model\":{\"name\":\"x\"}},\"sessionId\":\"s\"}";
        String task = "{\"id\":\"h-new-task\",\"command\":\"c\",\"repositoryPath\":\"/r\",\"priority\":\"HIGH\","
                + "\"correlationId\":\"c\",\"workflowStep\":1}";
        String repositoryBody = "{\"name\":\"n\",\"path\":\"/p\",\"type\":\"GIT\",\"active\":true,"
                + "\"settings\":{\"lfs\":{\"on\":true}},\"allowedOperations\":[\"read\"],\"description\":\"d\"}";
        String template = "{\"id\":\"h-tpl-2\",\"name\":\"n\",\"templateVersion\":\"1.0.0\",\"steps\":[{\"command\":\"c\"}],"
                + "\"tags\":[\"a\"],\"parameters\":{\"p\":{\"type\":\"STRING\",\"required\":false}},\"publicTemplate\":true}";
        return new HostileInput()
                .bodyFields("POST", "/api/v1/agents", agent, none)
                .bodyFields("PUT", "/api/v1/agents/h-agent", agent.replace("\"id\":\"h-new\",", ""), version)
                .bodyFields("POST", "/api/v1/agents/h-agent/heartbeat", "{\"status\":\"BUSY\"}", none)
                .bodyFields("POST", "/api/v1/tasks", task, none)
                .bodyFields("POST", "/api/v1/tasks/batch", "{\"tasks\":[" + task + "]}", none)
                .bodyFields("POST", "/api/v1/tasks/claim", "{\"agentId\":\"h-agent\",\"anyRepository\":false,"
                        + "\"start\":true}", none)
                .bodyFields("POST", "/api/v1/tasks/h-task/complete-and-claim", "{\"result\":\"r\",\"anyRepository\":false,"
                        + "\"start\":true}", leased)
                .bodyFields("POST", "/api/v1/tasks/h-task/progress", "{\"percentage\":5,\"message\":\"m\"}", leased)
                .bodyFields("POST", "/api/v1/tasks/h-task/fail", "{\"errorMessage\":\"e\",\"retry\":false}", leased)
                .bodyFields("POST", "/api/v1/tasks/h-task/complete", "{\"result\":\"r\"}", leased)
                .bodyFields("POST", "/api/v1/repositories", repositoryBody, none)
                .bodyFields("PUT", "/api/v1/repositories/" + "h-repo", repositoryBody, version)
                .bodyFields("PUT", "/api/v1/preferences/h.key", "{\"value\":\"2\",\"valueType\":\"INTEGER\","
                        + "\"category\":\"c\",\"readOnly\":false}", version)
                .bodyFields("POST", "/api/v1/task-templates", template, none)
                .bodyFields("PUT", "/api/v1/task-templates/h-tpl", template.replace("\"id\":\"h-tpl-2\",", ""), version)
                .bodyFields("POST", "/api/v1/task-templates/h-tpl/instantiate",
                        "{\"arguments\":{\"p\":\"v\"},\"repositoryPath\":\"/r\",\"priority\":\"LOW\"}", none)
                .probe("POST", "/api/v1/task-templates", template.replace("{\"type\":\"STRING\",\"required\":false}",
                        "null"), none, true, "a null parameter")
                .probe("POST", "/api/v1/task-templates/h-tpl/instantiate", "{\"arguments\":{\"p\":null},"
                        + "\"repositoryPath\":\"/r\"}", none, true, "a null argument")
                .probe("POST", "/api/v1/tasks", "\uFEFF" + task, none, false, "a byte order mark (RFC 8259 lets a parser ignore it)")
                .bodyFields("PUT", "/api/v1/circuit-breakers/h-breaker", "{\"state\":\"OPEN\",\"failureCount\":2,"
                        + "\"successCount\":0,\"failureThreshold\":3,\"coolDown\":\"PT1M\","
                        + "\"openedAt\":\"2026-01-01T00:00:00Z\",\"resetAt\":\"2026-01-01T00:01:00Z\"}", version)
                .bodyFields("PUT", "/api/v1/circuit-breakers/h-new-breaker", "{\"failureThreshold\":3,"
                        + "\"coolDown\":\"PT30S\"}", none)
                .bodyFields("POST", "/api/v1/circuit-breakers/h-breaker/outcomes", "{\"success\":true}", none)
                .brokenBodies("POST", "/api/v1/circuit-breakers/h-breaker/outcomes", "{\"success\":true}", none)
                .probe("PUT", "/api/v1/circuit-breakers/h-breaker", "{\"coolDown\":\"P31D\"}", version, true,
                        "a cool-down over 30 days")
                .probe("PUT", "/api/v1/circuit-breakers/h-breaker", "{\"state\":\"OPEN\"}", version, true,
                        "OPEN without its times")
                .probe("PUT", "/api/v1/circuit-breakers/h-breaker", "{\"failureThreshold\":0}", version, true,
                        "a threshold of 0")
                .probe("PUT", "/api/v1/circuit-breakers/h-breaker", "{\"failureThreshold\":3}", none, true,
                        "a change without If-Match")
                .badQueries("/api/v1/circuit-breakers", Map.of("state", List.of("BROKEN", "0", "open"),
                        "sort", List.of("failureCount", "agentKey,up"), "page", List.of("-1")))
                .badQueries("/api/v1/circuit-breakers/h-breaker/transitions", Map.of("size", List.of("0", "501")))
                .badIds("GET", "/api/v1/circuit-breakers/{id}", null, none)
                .badIds("PUT", "/api/v1/circuit-breakers/{id}", "{\"failureThreshold\":3}", none)
                .badIds("POST", "/api/v1/circuit-breakers/{id}/reset", null, none)
                .badIds("POST", "/api/v1/circuit-breakers/{id}/outcomes", "{\"success\":true}", none)
                .badIds("GET", "/api/v1/circuit-breakers/{id}/transitions", null, none)
                .bodyFields("POST", "/api/v1/routing-decisions", HOSTILE_DECISION, none)
                .brokenBodies("POST", "/api/v1/routing-decisions", HOSTILE_DECISION, none)
                .bodyFields("POST", "/api/v1/routing-decisions/h-decision/outcome", "{\"success\":false,"
                        + "\"duration\":\"PT1S\",\"error\":\"e\"}", none)
                .brokenBodies("POST", "/api/v1/routing-decisions/h-decision/outcome", "{\"success\":true,"
                        + "\"duration\":\"PT1S\"}", none)
                .probe("POST", "/api/v1/routing-decisions/h-decision/outcome", "{\"success\":true,"
                        + "\"duration\":\"P31D\"}", none, true, "an outcome longer than 30 days")
                .probe("POST", "/api/v1/routing-decisions", HOSTILE_DECISION.replace("\"h-other\"", "\"h-agent\""),
                        none, true, "a candidate listed twice")
                .probe("POST", "/api/v1/routing-decisions", HOSTILE_DECISION.replace("0.5}", "NaN}"), none, true,
                        "a NaN score")
                .badQueries("/api/v1/routing-decisions", Map.of("from", List.of("x", "2026-13-01T00:00:00Z"),
                        "success", List.of("maybe", "2"), "sort", List.of("candidates", "routedAt,up"),
                        "size", List.of("501")))
                .badQueries("/api/v1/routing-statistics", Map.of("sort", List.of("failed", "successRate,up")))
                .badQueries("/api/v1/routing-statistics/top", Map.of("limit", List.of("0", "501", "x", "-1")))
                .badQueries("/api/v1/routing-statistics/underperforming", Map.of("below", List.of("1.5", "-0.1",
                        "NaN", "x"), "minTasks", List.of("0", "x", "99999999999999999999")))
                .badQueries("/api/v1/routing-statistics/drift", Map.of("since", List.of("x", "1700000000")))
                .probe("POST", "/api/v1/routing-statistics/recalculate?since=yesterday", null, none, true,
                        "a recalculation since a date that is not one")
                .badIds("GET", "/api/v1/routing-decisions/{id}", null, none)
                .badIds("POST", "/api/v1/routing-decisions/{id}/outcome", "{\"success\":true,\"duration\":\"PT1S\"}",
                        none)
                .badIds("GET", "/api/v1/routing-statistics/{id}", null, none)
                .bodyFields("POST", "/api/v1/workflow-definitions", HOSTILE_WORKFLOW, none)
                .brokenBodies("POST", "/api/v1/workflow-definitions", HOSTILE_WORKFLOW, none)
                .bodyFields("POST", "/api/v1/workflow-definitions/h-def/versions",
                        HOSTILE_WORKFLOW.replace("1.0.0", "1.1.0"), none)
                .probe("POST", "/api/v1/workflow-definitions", HOSTILE_WORKFLOW.replace("[\"a\"]", "[\"b\"]"), none,
                        true, "a step that depends on itself")
                .probe("POST", "/api/v1/workflow-definitions", HOSTILE_WORKFLOW.replace("\"steps\":[", "\"steps\":["
                        + "{\"id\":\"z\",\"type\":\"t\",\"dependsOn\":[\"b\"]},").replace("\"command\":\"c\"}",
                        "\"command\":\"c\",\"dependsOn\":[\"z\"]}"), none, true, "a cycle through three steps")
                .probe("POST", "/api/v1/workflow-definitions", HOSTILE_WORKFLOW.replace("1.0.0", "99999999999999999999.0.0"),
                        none, true, "a version number past the limit")
                .bodyFields("POST", "/api/v1/workflow-executions", "{\"id\":\"h-new-run\",\"definitionId\":\"h-def\","
                        + "\"input\":{\"k\":\"v\"},\"context\":{},\"initiatedBy\":\"me\",\"tags\":[\"t\"]}", none)
                .brokenBodies("POST", "/api/v1/workflow-executions", "{\"definitionId\":\"h-def\"}", none)
                .bodyFields("PUT", "/api/v1/workflow-executions/h-run", "{\"status\":\"BLOCKED\",\"currentStage\":"
                        + "\"s\",\"context\":{\"a\":1},\"output\":{},\"errorMessage\":\"e\",\"tags\":[\"x\"]}",
                        version)
                .bodyFields("POST", "/api/v1/workflow-executions/h-run/steps", "{\"stepId\":\"b\",\"attempt\":1,"
                        + "\"status\":\"COMPLETED\",\"input\":{},\"output\":{\"o\":1},\"error\":\"none\","
                        + "\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:01Z\","
                        + "\"execution\":{\"status\":\"RUNNING\",\"currentStage\":\"b\"}}", none)
                .brokenBodies("POST", "/api/v1/workflow-executions/h-run/steps", "{\"stepId\":\"b\",\"attempt\":1,"
                        + "\"status\":\"RUNNING\"}", none)
                .probe("POST", "/api/v1/workflow-executions/h-run/steps", "{\"stepId\":\"a\",\"attempt\":1,"
                        + "\"status\":\"COMPLETED\",\"output\":{\"other\":1}}", none, true,
                        "another result for an ended attempt")
                .probe("POST", "/api/v1/workflow-executions/h-run/steps", "{\"stepId\":\"b\",\"attempt\":1,"
                        + "\"status\":\"COMPLETED\",\"startedAt\":\"2026-01-02T00:00:00Z\","
                        + "\"completedAt\":\"2026-01-01T00:00:00Z\"}", none, true, "an attempt that ends before it starts")
                .probe("POST", "/api/v1/workflow-executions/h-run/steps", "{\"stepId\":\"b\",\"attempt\":1,"
                        + "\"status\":\"RUNNING\"}", Map.of("X-Lease-Token", "stale"), true, "a lease token that is not current")
                .bodyFields("POST", "/api/v1/workflow-executions/recovery-claims", "{\"executorId\":\"e\","
                        + "\"limit\":1}", none)
                .bodyFields("POST", "/api/v1/workflow-executions/h-run/fork", "{\"fromStepId\":\"b\","
                        + "\"id\":\"h-fork\"}", none)
                .badQueries("/api/v1/workflow-executions", Map.of("status", List.of("DONE", "1", "RUNNING,", "%00"),
                        "incomplete", List.of("maybe"), "sort", List.of("input", "createdAt,up"), "size",
                        List.of("501")))
                .badQueries("/api/v1/workflow-definitions", Map.of("latest", List.of("yes"), "active", List.of("2"),
                        "sort", List.of("steps")))
                .badIds("GET", "/api/v1/workflow-definitions/{id}", null, none)
                .badIds("POST", "/api/v1/workflow-definitions/{id}/versions", HOSTILE_WORKFLOW, none)
                .badIds("GET", "/api/v1/workflow-executions/{id}", null, none)
                .badIds("PUT", "/api/v1/workflow-executions/{id}", "{\"definitionId\":\"h-def\"}", none)
                .badIds("POST", "/api/v1/workflow-executions/{id}/steps", "{\"stepId\":\"a\",\"attempt\":1,"
                        + "\"status\":\"RUNNING\"}", none)
                .badIds("POST", "/api/v1/workflow-executions/{id}/cancel", null, none)
                .badIds("POST", "/api/v1/workflow-executions/{id}/resume", null, none)
                .badIds("POST", "/api/v1/workflow-executions/{id}/fork", "{\"fromStepId\":\"a\"}", none)
                .bodyFields("POST", "/api/v1/chat/sessions", HOSTILE_SESSION, none)
                .brokenBodies("POST", "/api/v1/chat/sessions", HOSTILE_SESSION, none)
                .bodyFields("PUT", "/api/v1/chat/sessions/h-session", HOSTILE_SESSION.replace("\"id\":\"h-new-session\",",
                        ""), version)
                .bodyFields("POST", "/api/v1/chat/sessions/h-session/messages", "{\"id\":\"h-new-message\","
                        + "\"role\":\"ASSISTANT\",\"content\":\"c\",\"tokenCount\":3,\"parentMessageId\":\"h-message\","
                        + "\"toolCallId\":\"t\",\"status\":\"PENDING\"}", none)
                .brokenBodies("POST", "/api/v1/chat/sessions/h-session/messages", "{\"role\":\"USER\","
                        + "\"content\":\"c\"}", none)
                .bodyFields("PUT", "/api/v1/chat/messages/h-message", "{\"content\":\"c2\",\"status\":\"COMPLETED\","
                        + "\"tokenCount\":4,\"error\":\"e\"}", version)
                .probe("POST", "/api/v1/chat/sessions", HOSTILE_SESSION.replace("0.5", "1e400"), none, true,
                        "a cost of 1e400")
                .probe("POST", "/api/v1/chat/sessions", HOSTILE_SESSION.replace("0.5", "-0.5"), none, true,
                        "a negative cost")
                .probe("POST", "/api/v1/chat/sessions", HOSTILE_SESSION.replace("0.5", "1e-999999"), none, true,
                        "a cost with a million decimal places")
                .badQueries("/api/v1/chat/sessions", Map.of("status", List.of("OPEN", "1"), "sort",
                        List.of("title", "createdAt,up"), "size", List.of("501")))
                .badQueries("/api/v1/chat/sessions/h-session/messages", Map.of("afterSequence", List.of("-1", "x",
                        "99999999999999999999"), "limit", List.of("0", "501", "x")))
                .badIds("GET", "/api/v1/chat/sessions/{id}", null, none)
                .badIds("PUT", "/api/v1/chat/sessions/{id}", "{\"title\":\"t\"}", version)
                .badIds("POST", "/api/v1/chat/sessions/{id}/messages", "{\"role\":\"USER\",\"content\":\"c\"}", none)
                .badIds("GET", "/api/v1/chat/sessions/{id}/messages", null, none)
                .badIds("GET", "/api/v1/chat/messages/{id}", null, none)
                .badIds("DELETE", "/api/v1/chat/sessions/{id}", null, version)
                .bodyFields("POST", "/api/v1/chat/messages/h-message/tool-calls", "{\"id\":\"h-new-call\","
                        + "\"name\":\"read_file\",\"arguments\":{\"p\":1},\"result\":{\"r\":2},\"success\":true,"
                        + "\"error\":\"e\",\"executedAt\":\"2026-01-01T00:00:00Z\",\"duration\":\"PT1S\"}", none)
                .brokenBodies("POST", "/api/v1/chat/messages/h-message/tool-calls", "{\"name\":\"n\","
                        + "\"arguments\":{},\"success\":false}", none)
                .badIds("POST", "/api/v1/chat/messages/{id}/tool-calls", "{\"name\":\"n\",\"arguments\":{},"
                        + "\"success\":true}", none)
                .badIds("GET", "/api/v1/chat/tool-calls/{id}", null, none)
                .badIds("GET", "/api/v1/chat/sessions/{id}/statistics", null, none)
                .probe("GET", "/api/v1/chat/users/" + "u".repeat(129) + "/statistics", null, none, true,
                        "a user id longer than any session's")
                .probe("GET", "/api/v1/chat/users/%09tab/statistics", null, none, true, "a user id with a tab")
                .badQueries("/api/v1/chat/search?userId=alice", Map.of("q", List.of("%20", "x".repeat(1001)), "limit",
                        List.of("0", "501", "x")))
                .probe("DELETE", "/api/v1/chat/sessions/h-session?withMessages=perhaps", null, version, true,
                        "withMessages that is not a boolean")
                .probe("DELETE", "/api/v1/chat/sessions/h-session", null, Map.of("If-Match", "\"1\""), true,
                        "a session with messages deleted without withMessages")
                .badIds("PUT", "/api/v1/chat/messages/{id}", "{\"content\":\"c\"}", version)
                .bodyFields("POST", "/api/v1/chat/sessions/h-session/tool-executions", "{\"id\":\"h-new-run\","
                        + "\"toolCallId\":null,\"toolName\":\"t\",\"input\":{\"a\":[1]},\"agentId\":\"a\","
                        + "\"requiresApproval\":true,\"approvalExpiresAt\":\"2999-01-01T00:00:00Z\"}", none)
                .brokenBodies("POST", "/api/v1/chat/sessions/h-session/tool-executions", "{\"toolName\":\"t\","
                        + "\"input\":{}}", none)
                .badIds("POST", "/api/v1/chat/sessions/{id}/tool-executions", "{\"toolName\":\"t\",\"input\":{}}",
                        none)
                .badIds("GET", "/api/v1/chat/sessions/{id}/tool-executions", null, none)
                .badQueries("/api/v1/chat/sessions/h-session/tool-executions", Map.of("status", List.of("DONE", "1"),
                        "size", List.of("0", "501", "x")))
                .badIds("GET", "/api/v1/chat/tool-executions/{id}", null, none)
                .bodyFields("PUT", "/api/v1/chat/tool-executions/h-run-tool", "{\"status\":\"RUNNING\","
                        + "\"output\":{\"o\":1},\"error\":\"e\",\"agentId\":\"a\"}", version)
                .badIds("PUT", "/api/v1/chat/tool-executions/{id}", "{\"status\":\"RUNNING\"}", version)
                .bodyFields("POST", "/api/v1/chat/tool-executions/h-run-tool/approve", "{\"by\":\"b\","
                        + "\"reason\":\"r\",\"argumentsSha256\":\"" + "a".repeat(64) + "\"}", none)
                .brokenBodies("POST", "/api/v1/chat/tool-executions/h-run-tool/reject", "{\"by\":\"b\"}", none)
                .badIds("POST", "/api/v1/chat/tool-executions/{id}/approve", "{\"by\":\"b\"}", none)
                .badIds("POST", "/api/v1/chat/tool-executions/{id}/reject", "{\"by\":\"b\"}", none)
                .probe("POST", "/api/v1/chat/tool-executions/h-run-tool/approve", "{\"by\":\"" + "b".repeat(201)
                        + "\"}", none, true, "an approver name longer than kept")
                .probe("POST", "/api/v1/chat/tool-executions/h-run-tool/reject", "{\"by\":\"b\",\"reason\":\""
                        + "r".repeat(2001) + "\"}", none, true, "a reason longer than kept")
                .badIds("GET", "/api/v1/chat/attachments/{id}", null, none)
                .badIds("GET", "/api/v1/chat/attachments/{id}/metadata", null, none)
                .probe("POST", "/api/v1/chat/messages/h-message/attachments", "{}", none, true,
                        "an attachment that is not multipart")
                .badQueries("/api/v1/admin/integrity", Map.of("full", List.of("maybe", "2", "%00")))
                .badIds("GET", "/api/v1/admin/backups/{id}", null, none)
                .badIds("POST", "/api/v1/admin/backups/{id}/verify", null, none)
                .badIds("POST", "/api/v1/admin/backups/{id}/restore", null, none)
                .probe("POST", "/api/v1/admin/retention/cleanup?dryRun=2", null, none, true,
                        "a retention dryRun that is not a boolean")
                .brokenBodies("POST", "/api/v1/admin/logs", "{\"level\":\"WARN\",\"category\":\"c\",\"message\":\"m\"}",
                        none)
                .brokenBodies("POST", "/api/v1/admin/metrics", "{\"entityType\":\"AGENT\",\"name\":\"n\",\"value\":1,"
                        + "\"unit\":\"s\"}", none)
                .brokenBodies("POST", "/api/v1/admin/client-sessions", "{\"clientId\":\"ui\"}", none)
                .badQueries("/api/v1/admin/logs", Map.of("level", List.of("LOUD", "1"), "from", List.of("yesterday"),
                        "size", List.of("0", "501")))
                .badQueries("/api/v1/admin/metrics", Map.of("period", List.of("MONTHLY"), "entityType",
                        List.of("PLANET"), "to", List.of("soon")))
                .badQueries("/api/v1/admin/client-sessions", Map.of("active", List.of("maybe")))
                .probe("POST", "/api/v1/tasks/claim?wait=P1D", "{\"agentId\":\"h-agent\"}", none, true,
                        "a claim waiting longer than a minute")
                .badIds("POST", "/api/v1/admin/client-sessions/{id}/heartbeat", null, none)
                .badIds("GET", "/api/v1/admin/client-sessions/{id}", null, none)
                .badQueries("/api/v1/admin/audit", Map.of("from", List.of("yesterday", "1", "2026-13-01T00:00:00Z"),
                        "action", List.of("ERASE", "0"), "size", List.of("0", "501"), "sort", List.of("bogus,asc")))
                .brokenBodies("POST", "/api/v1/agents", agent, none)
                .brokenBodies("POST", "/api/v1/tasks", task, none)
                .brokenBodies("PUT", "/api/v1/preferences/h.key", "{\"value\":\"2\",\"valueType\":\"INTEGER\"}", version)
                .brokenBodies("POST", "/api/v1/tasks/claim", "{\"agentId\":\"h-agent\"}", none)
                .brokenBodies("POST", "/api/v1/tasks/batch", "{\"tasks\":[" + task + "]}", none)
                .brokenBodies("POST", "/api/v1/repositories", repositoryBody, none)
                .brokenBodies("POST", "/api/v1/task-templates", template, none)
                .brokenBodies("POST", "/api/v1/tasks/h-task/progress", "{\"percentage\":5}", leased)
                .badHeaders("PUT", "/api/v1/agents/h-agent", agent.replace("\"id\":\"h-new\",", ""), version)
                .badHeaders("POST", "/api/v1/tasks", task, none)
                .badHeaders("DELETE", "/api/v1/task-templates/h-tpl", null, version)
                .badHeaders("PUT", "/api/v1/repositories/" + "h-repo", repositoryBody, version)
                .badIds("GET", "/api/v1/repositories/{id}/statistics", null, none)
                .badIds("GET", "/api/v1/preferences/{id}/effective", null, none)
                .badIds("POST", "/api/v1/task-templates/{id}/instantiate", "{\"repositoryPath\":\"/r\"}", none)
                .badQueries("/api/v1/agents", Map.of("page", List.of("-1", "abc", "1.5", "99999999999"),
                        "size", List.of("0", "501", "100000", "x"), "sort", List.of("bogus", "id,sideways", ",,"),
                        "status", List.of("BOGUS", "1", "idle")))
                .badQueries("/api/v1/tasks", Map.of("createdFrom", List.of("garbage", "%2B999999999-01-01T00:00:00Z",
                        "2026-13-01T00:00:00Z", "1700000000"), "priority", List.of("2", "URGENT"),
                        "status", List.of("DONE", "PENDING,", ",PENDING", "%00", "%20"), "page", List.of("-5")))
                .probe("GET", "/api/v1/tasks?status=&status=PENDING", null, none, true, "an empty status among two")
                .badQueries("/api/v1/agents/stale", Map.of("olderThan", List.of("P999999999999D", "-PT1M", "PT0S",
                        "5m", "P99999999999999999999D", "%00")))
                .badQueries("/api/v1/agents/h-agent/statistics", Map.of("period", List.of("P0D", "P100000D", "x")))
                .badQueries("/api/v1/tasks/long-running", Map.of("threshold", List.of("-PT1H", "P9999999999999D")))
                .badQueries("/api/v1/analytics/tasks", Map.of("period", List.of("P999999999999D", "PT0S", "oops")))
                .badQueries("/api/v1/analytics/agents", Map.of("period", List.of("-P1D", "P1Y")))
                .badIds("GET", "/api/v1/agents/{id}", null, none)
                .badIds("GET", "/api/v1/tasks/{id}/tree", null, none)
                .badIds("PUT", "/api/v1/agents/{id}", agent.replace("\"id\":\"h-new\",", ""), version)
                .badIds("POST", "/api/v1/tasks/{id}/start", null, leased)
                .badIds("DELETE", "/api/v1/repositories/{id}", null, version)
                .badIds("POST", "/api/v1/tasks/{id}/cancel", null, none)
                .badIds("POST", "/api/v1/tasks/{id}/retry", null, none)
                .badIds("POST", "/api/v1/tasks/{id}/unassign", null, none)
                .badIds("POST", "/api/v1/agents/{id}/restore", null, none)
                .badQueries("/api/v1/repositories", Map.of("active", List.of("yes", "1"), "size", List.of("-1"),
                        "sort", List.of("secret")))
                .badQueries("/api/v1/task-templates", Map.of("page", List.of("x"), "sort", List.of("name,up")))
                .badQueries("/api/v1/agents?size=abc", Map.of("size", List.of("2")))
                .badQueries("/api/v1/repositories", Map.of("page", List.of("0x10", "1e3", "99999999999"),
                        "size", List.of("0x10")))
                .badQueries("/api/v1/tasks?status=PENDING", Map.of("page", List.of("1&page=x")))
                .probe("GET", "/api/v1/agents/available?repositoryPath=%00x", null, none, false,
                        "a NUL in a filter (nothing matches it)")
                .probe("GET", "/api/v1/preferences?userId=%07bell", null, none, false,
                        "a bell in a filter (nothing matches it)")
                .badQueries("/api/v1/admin/imports", Map.of("page", List.of("%ff")))
                .probe("DELETE", "/api/v1/preferences/h.key", null, Map.of("If-Match", "\"7\""), true,
                        "a stale If-Match on a preference")
                .probe("POST", "/api/v1/admin/imports/legacy?maxFindings=-1", "{}", none, true,
                        "a legacy import that is not multipart")
                .probe("POST", "/api/v1/admin/imports/legacy?dryRun=maybe", "{}", none, true,
                        "a legacy import with a dryRun that is not a boolean");
    }

    private static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.length() > 400 ? out.substring(0, 400) + "…" : out.toString();
    }

    /** What the hostile test must leave as it was: the seeded agent, task, repository, template, preference. */
    private static String snapshot(Http client, String repository) {
        return String.join("\n", client.get("/api/v1/agents?size=500").raw().body(),
                client.get("/api/v1/tasks?size=500").raw().body(),
                client.get("/api/v1/repositories/" + repository).raw().body(),
                client.get("/api/v1/task-templates?size=500").raw().body(),
                client.get("/api/v1/preferences").raw().body(),
                client.get("/api/v1/circuit-breakers?size=500").raw().body(),
                client.get("/api/v1/circuit-breakers/h-breaker/transitions?size=500").raw().body(),
                client.get("/api/v1/routing-decisions?size=500").raw().body(),
                client.get("/api/v1/routing-statistics?size=500").raw().body(),
                client.get("/api/v1/workflow-definitions?size=500").raw().body(),
                client.get("/api/v1/workflow-executions/h-run").raw().body(),
                client.get("/api/v1/workflow-executions?size=500").raw().body(),
                client.get("/api/v1/chat/sessions?size=500").raw().body(),
                client.get("/api/v1/chat/sessions/h-session/messages?limit=500").raw().body(),
                client.get("/api/v1/chat/sessions/h-session/tool-executions?size=500").raw().body());
    }

    /** What Tomcat refuses before any servlet runs, and bodies too large only by what was read, as problems. */
    @Test
    void givenRequestsTheContainerRefuses_answersAreProblemsToo() throws Exception {
        List<String> failures = new java.util.ArrayList<>();
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        raw.put("bad escape in query", "GET /api/v1/agents?type=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("undecodable query", "GET /api/v1/agents?type=%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("NUL in path", "GET /api/v1/agents/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("encoded slash", "GET /api/v1/agents/a%2Fb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("bad escape in path", "GET /api/v1/agents/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("over-long URL", "GET /api/v1/agents/" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("over-long header", "GET /api/v1/agents HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        raw.put("TRACE", "TRACE /api/v1/agents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("unknown method", "BREW /api/v1/agents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw.put("broken chunking", "POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        raw.put("malformed multipart", "POST /api/v1/admin/imports/legacy HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 20\r\nConnection: close\r\n\r\n"
                + "--b\r\nnot a part\r\n--");
        raw.put("NUL in file name", "POST /api/v1/admin/imports/legacy HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 105\r\nConnection: close\r\n\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.json\"\r\n\r\n{\"Agents\":{}}\r\n--b--\r\n");
        String nulName = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.txt\"\r\n\r\nhi\r\n"
                + "--b--\r\n";
        raw.put("NUL in an attachment's file name", "POST /api/v1/chat/messages/any/attachments HTTP/1.1\r\n"
                + "Host: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + nulName.length()
                + "\r\nConnection: close\r\n\r\n" + nulName);
        String noFile = "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhi\r\n--b--\r\n";
        raw.put("an attachment without its file part", "POST /api/v1/chat/messages/any/attachments HTTP/1.1\r\n"
                + "Host: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + noFile.length()
                + "\r\nConnection: close\r\n\r\n" + noFile);
        raw.put("a malformed attachment upload", "POST /api/v1/chat/messages/any/attachments HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 20\r\nConnection: close\r\n\r\n"
                + "--b\r\nnot a part\r\n--");
        for (Map.Entry<String, String> request : raw.entrySet()) {
            RawHttp.Answer answer = RawHttp.send(port, request.getValue());
            String verdict = HostileInput.judge(new HostileInput.Probe("RAW", request.getKey(), null, null, Map.of(),
                    true, request.getKey()), answer.status(), answer.contentType(), answer.body());
            if (verdict != null) {
                failures.add(request.getKey() + ": " + verdict + " — " + answer.head().split("\r\n")[0]);
            }
        }
        // A chunked body declares no length: the limit must hold on the bytes read.
        RawHttp.Answer chunked = RawHttp.sendChunked(port, "/api/v1/tasks/batch", "{\"tasks\":[{\"command\":\"",
                40L * 1024 * 1024);
        String verdict = HostileInput.judge(new HostileInput.Probe("POST", "chunked 40 MiB", null, null, Map.of(), true,
                "chunked"), chunked.status(), chunked.contentType(), chunked.body());
        if (verdict != null || chunked.status() != 413) {
            failures.add("chunked 40 MiB body: " + chunked.status() + " " + verdict);
        }
        assertThat(failures).isEmpty();
        assertThat(http.get("/api/v1/tasks?size=1").json().get("totalItems").asLong()).isZero();
    }

    /**
     * docs/openapi.json is the served document, kept in the repository for readers and for the client
     * generated at build time; a change of the REST surface must update it
     * ({@code mvn -pl bootstrap verify -Dorchestra.openapi.update=true} writes it).
     */
    @Test
    void givenTheServedOpenApiDocument_itIsTheOneKeptInDocs() throws Exception {
        java.nio.file.Path kept = java.nio.file.Path.of("..", "docs", "openapi.json");
        String served = http.get("/v3/api-docs").raw().body();
        String pretty = Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Http.JSON.readTree(served)) + "\n";
        if (Boolean.getBoolean("orchestra.openapi.update")) {
            java.nio.file.Files.writeString(kept, pretty);
        }

        assertThat(java.nio.file.Files.exists(kept)).as("docs/openapi.json exists").isTrue();
        assertThat(Http.JSON.readTree(java.nio.file.Files.readString(kept)))
                .as("docs/openapi.json is the served document; rerun with -Dorchestra.openapi.update=true")
                .isEqualTo(Http.JSON.readTree(served));
    }

    @Test
    void givenTwoTenants_oneNeverSeesTheOthersData() {
        registerAgent("agent-1", "/repo/demo");
        Http other = http.withHeader("X-Tenant-Id", tenant + "-other");

        assertThat(other.get("/api/v1/agents/agent-1").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/agents").json().get("totalItems").asLong()).isZero();
        assertThat(http.get("/api/v1/agents").json().get("totalItems").asLong()).isEqualTo(1);
        assertProblem(http.withHeader("X-Tenant-Id", "no spaces allowed").get("/api/v1/agents"), 400,
                "validation");
    }

    @Test
    void givenRepository_crudAndStatisticsFollowCompletedTasks() {
        Http.Response created = http.post("/api/v1/repositories",
                "{\"name\":\"demo\",\"path\":\"/repo/demo\",\"type\":\"GIT\",\"settings\":{\"lfs\":true}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("settings").get("lfs").asBoolean()).isTrue();
        registerAgent("agent-1", "/repo/demo");
        enqueue("task-1", "/repo/demo", "NORMAL");
        String lease = http.post("/api/v1/tasks/claim", "{\"agentId\":\"agent-1\"}").json().get("leaseToken")
                .asString();
        http.post("/api/v1/tasks/task-1/start", null, "X-Lease-Token", lease);
        http.post("/api/v1/tasks/task-1/fail", "{\"errorMessage\":\"boom\",\"retry\":true}", "X-Lease-Token", lease);

        JsonNode statistics = http.get("/api/v1/repositories/" + id + "/statistics").json();
        assertThat(statistics.get("totalTasks").asLong()).isEqualTo(1);
        assertThat(statistics.get("failedTasks").asLong()).isEqualTo(1);
        JsonNode retried = http.get("/api/v1/tasks/task-1").json();
        assertThat(retried.get("status").asString()).isEqualTo("PENDING");
        assertThat(retried.get("retryCount").asInt()).isEqualTo(1);
        assertProblem(http.post("/api/v1/repositories", "{\"name\":\"again\",\"path\":\"/repo/demo\"}"), 409,
                "conflict");
        assertProblem(http.delete("/api/v1/repositories/" + id, "If-Match", "\"0\""), 409, "conflict");
    }

    @Test
    void givenAgent_changesNeedItsVersion_heartbeatsKeepIt_andADeletedIdIsRestoredNotReRegistered() {
        registerAgent("agent-1", "/repo/demo");
        String update = "{\"name\":\"Renamed\",\"type\":\"claude-code\",\"repositoryPath\":\"/repo/demo\"}";

        assertProblem(http.put("/api/v1/agents/agent-1", update), 428, "precondition-required");
        assertProblem(http.put("/api/v1/agents/agent-1", update, "If-Match", " "), 400, "validation");
        assertProblem(http.put("/api/v1/agents/agent-1", update, "If-Match", "*"), 400, "validation");
        assertProblem(http.put("/api/v1/agents/agent-1", update, "If-Match", "\"x1\""), 400, "validation");
        assertProblem(http.delete("/api/v1/agents/agent-1"), 428, "precondition-required");
        assertProblem(http.put("/api/v1/agents/ghost", update, "If-Match", "\"0\""), 404, "not-found");
        assertThat(http.get("/api/v1/agents/agent-1").json().get("name").asString()).isEqualTo("Agent agent-1");

        Http.Response beat = http.post("/api/v1/agents/agent-1/heartbeat", "{\"status\":\"ERROR\"}");
        assertThat(beat.json().get("status").asString()).isEqualTo("ERROR");
        assertThat(beat.header("ETag")).isEqualTo("\"0\"");
        Http.Response renamed = http.put("/api/v1/agents/agent-1", update, "If-Match", "\"0\"");
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        assertThat(renamed.json().get("status").asString()).isEqualTo("ERROR");

        assertThat(http.delete("/api/v1/agents/agent-1", "If-Match", "\"1\"").status()).isEqualTo(204);
        Http.Response again = registerAgent("agent-1", "/repo/other");
        assertProblem(again, 409, "conflict");
        assertThat(again.json().get("detail").asString()).contains("deleted").contains("restore");
        Http.Response restored = http.post("/api/v1/agents/agent-1/restore", null);
        assertThat(restored.status()).as(restored.raw().body()).isEqualTo(200);
        assertThat(restored.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(http.get("/api/v1/agents/agent-1").status()).isEqualTo(200);
        assertProblem(http.post("/api/v1/agents/agent-1/restore", null), 409, "conflict");
    }

    @Test
    void givenPreferences_upsertEffectiveAndSensitiveValues() {
        assertProblem(http.put("/api/v1/preferences/ui.pageSize", "{\"userId\":\"alice\",\"agentId\":\"agent-1\","
                + "\"value\":\"10\",\"valueType\":\"INTEGER\"}"), 400, "validation");
        assertProblem(http.put("/api/v1/preferences/ui.pageSize", "{\"userId\":\"alice\",\"repositoryId\":\"nope\","
                + "\"value\":\"10\",\"valueType\":\"INTEGER\"}"), 400, "validation");
        registerAgent("agent-1", "/repo/a");
        assertThat(http.put("/api/v1/preferences/ui.pageSize", "{\"userId\":\"alice\",\"value\":\"100\","
                + "\"valueType\":\"INTEGER\"}").status()).isEqualTo(200);
        http.put("/api/v1/preferences/ui.pageSize", "{\"userId\":\"alice\",\"agentId\":\"agent-1\","
                + "\"value\":\"10\",\"valueType\":\"INTEGER\"}");
        http.put("/api/v1/preferences/api.key", "{\"userId\":\"alice\",\"value\":\"s3cret\","
                + "\"valueType\":\"STRING\",\"sensitive\":true}");

        assertThat(http.get("/api/v1/preferences/ui.pageSize/effective?userId=alice&agentId=agent-1").json()
                .get("value").asString()).isEqualTo("10");
        assertThat(http.get("/api/v1/preferences/ui.pageSize/effective?userId=alice&agentId=agent-2").json()
                .get("value").asString()).isEqualTo("100");
        assertThat(http.get("/api/v1/preferences?userId=alice").raw().body()).doesNotContain("s3cret");
        assertProblem(http.put("/api/v1/preferences/ui.pageSize", "{\"userId\":\"alice\",\"value\":\"many\","
                + "\"valueType\":\"INTEGER\"}"), 428, "precondition-required");
        assertProblem(http.put("/api/v1/preferences/ui.pageSize", "{\"userId\":\"alice\",\"value\":\"many\","
                + "\"valueType\":\"INTEGER\"}", "If-Match", "\"0\""), 400, "validation");
    }

    @Test
    void givenDefaultTenant_defaultPreferencesExistFromTheFirstStart() {
        Http defaults = new Http("http://127.0.0.1:" + port);

        JsonNode theme = defaults.get("/api/v1/preferences/ui.theme/effective").json();

        assertThat(theme.get("value").asString()).isEqualTo("dark");
        assertThat(defaults.get("/api/v1/preferences/notifications.enabled/effective").json().get("value")
                .asString()).isEqualTo("true");
    }

    @Test
    void givenLegacyFileUpload_importDryRunReimportAndInvalidFile_behaveAsTheMigrationDoes() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("legacy", ".json");
        dev.orchestra.adapter.json.testing.LegacyFileWriter.legacyFile().agents(4).repositories(2).tasks(9)
                .writeTo(file);
        byte[] content = java.nio.file.Files.readAllBytes(file);

        Http.Response dryRun = http.upload("/api/v1/admin/imports/legacy?dryRun=true", "file",
                "orchestrator-state.json", content);
        assertThat(dryRun.status()).as(dryRun.raw().body()).isEqualTo(200);
        assertThat(dryRun.json().get("outcome").asString()).isEqualTo("VALID_DRY_RUN");
        assertThat(http.get("/api/v1/agents").json().get("totalItems").asLong()).isZero();

        Http.Response imported = http.upload("/api/v1/admin/imports/legacy", "file", "orchestrator-state.json",
                content);
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        assertThat(imported.json().get("tasks").asLong()).isEqualTo(9);
        assertThat(http.get("/api/v1/agents").json().get("totalItems").asLong()).isEqualTo(4);
        JsonNode imports = http.get("/api/v1/admin/imports").json();
        assertThat(imports.size()).isEqualTo(1);
        assertThat(imports.get(0).get("sourceName").asString()).isEqualTo("orchestrator-state.json");

        Http.Response again = http.upload("/api/v1/admin/imports/legacy", "file", "copy.json", content);
        assertThat(again.json().get("outcome").asString()).isEqualTo("ALREADY_IMPORTED");

        byte[] broken = new String(content, java.nio.charset.StandardCharsets.UTF_8)
                .replace("npm test -- --shard 3", "x".repeat(2001)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Response invalid = http.upload("/api/v1/admin/imports/legacy", "file", "broken.json", broken);
        assertProblem(invalid, 400, "invalid-legacy-file");
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("$.TaskQueue[3].Command");
        assertThat(http.get("/api/v1/tasks").json().get("totalItems").asLong()).isEqualTo(9);
    }

    @Test
    void givenRunningService_healthAndTheApiDocumentAreServed() {
        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        Http.Response document = http.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/v1/tasks/claim")).isTrue();
        assertThat(document.json().get("paths").has("/api/v1/agents/{id}/heartbeat")).isTrue();
    }
}
