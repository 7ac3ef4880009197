package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
abstract class RestApiContract {
    @Value("${local.server.port}")
    int port;
    Http http;
    /** Each test works in its own tenant, so tests sharing one server never see each other's data. */
    String tenant;

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
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).endsWith("/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).startsWith("/");
        assertThat(response.raw().body()).doesNotContain("at dev.orchestra").doesNotContain("Exception");
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
