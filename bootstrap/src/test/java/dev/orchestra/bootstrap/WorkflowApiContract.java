package dev.orchestra.bootstrap;

import static dev.orchestra.bootstrap.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Workflows section of REST-API.md; part of {@link RestApiContract}, so it runs on both stores. */
interface WorkflowApiContract {
    /** A client in the test's own tenant. */
    Http http();

    String CI = "{\"name\":\"ci\",\"version\":\"1.0.0\",\"definition\":{\"steps\":["
            + "{\"id\":\"build\",\"type\":\"shell\",\"command\":\"mvn package\"},"
            + "{\"id\":\"test\",\"type\":\"shell\",\"command\":\"mvn test\",\"dependsOn\":[\"build\"]},"
            + "{\"id\":\"deploy\",\"type\":\"agent\",\"dependsOn\":[\"test\"]}]},"
            + "\"inputSchema\":{\"type\":\"object\"},\"category\":\"ci\",\"tags\":[\"java\"],\"author\":\"alice\","
            + "\"public\":true}";

    private String defineCi() {
        Http.Response created = http().post("/api/v1/workflow-definitions", CI);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String start(String definitionId, String id) {
        Http.Response created = http().post("/api/v1/workflow-executions", "{\"id\":\"" + id + "\",\"definitionId\":\""
                + definitionId + "\",\"input\":{\"branch\":\"main\"},\"tags\":[\"nightly\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return id;
    }

    private Http.Response step(String execution, String step, int attempt, String status, String extra,
                               String... headers) {
        return http().post("/api/v1/workflow-executions/" + execution + "/steps", "{\"stepId\":\"" + step
                + "\",\"attempt\":" + attempt + ",\"status\":\"" + status + "\"" + extra + "}", headers);
    }

    @Test
    default void givenDefinitions_versionsIncreaseLinkAndAreListedLatestFirst() {
        Http http = http();
        Http.Response created = http.post("/api/v1/workflow-definitions", CI);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode v1 = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/workflow-definitions/" + v1.get("id").asString());
        assertThat(v1.get("contentHash").asString()).hasSize(64);
        assertThat(v1.get("public").asBoolean()).isTrue();
        assertThat(v1.get("latest").asBoolean()).isTrue();
        assertThat(v1.get("inputSchema").get("type").asString()).isEqualTo("object");
        assertThat(v1.get("definition").get("steps").get(1).get("dependsOn").get(0).asString()).isEqualTo("build");

        assertProblem(http.post("/api/v1/workflow-definitions", CI), 409, "conflict");
        Http.Response v2 = http.post("/api/v1/workflow-definitions/" + v1.get("id").asString() + "/versions",
                CI.replace("\"name\":\"ci\",", "").replace("1.0.0", "1.1.0"));
        assertThat(v2.status()).as(v2.raw().body()).isEqualTo(201);
        assertThat(v2.json().get("previousVersionId").asString()).isEqualTo(v1.get("id").asString());
        assertThat(v2.json().get("contentHash").asString()).as("the same steps")
                .isEqualTo(v1.get("contentHash").asString());
        assertProblem(http.post("/api/v1/workflow-definitions/" + v1.get("id").asString() + "/versions",
                CI.replace("1.0.0", "1.0.5")), 409, "conflict");
        assertProblem(http.post("/api/v1/workflow-definitions/" + v1.get("id").asString() + "/versions",
                CI.replace("\"name\":\"ci\"", "\"name\":\"other\"").replace("1.0.0", "2.0.0")), 400, "validation");

        JsonNode latest = http.get("/api/v1/workflow-definitions?latest=true").json();
        assertThat(latest.get("totalItems").asLong()).isEqualTo(1);
        assertThat(latest.get("items").get(0).get("version").asString()).isEqualTo("1.1.0");
        assertThat(http.get("/api/v1/workflow-definitions?name=ci").json().get("totalItems").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/workflow-definitions/" + v1.get("id").asString()).json().get("latest")
                .asBoolean()).isFalse();
        assertProblem(http.get("/api/v1/workflow-definitions/nope"), 404, "not-found");
    }

    @Test
    default void givenBadStepGraphs_create_is400NamingTheStep() {
        Http http = http();
        String duplicate = CI.replace("{\"id\":\"test\"", "{\"id\":\"build\"");
        assertThat(http.post("/api/v1/workflow-definitions", duplicate).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("definition.steps[1].id");
        Http.Response unknown = http.post("/api/v1/workflow-definitions", CI.replace("[\"test\"]", "[\"tset\"]"));
        assertProblem(unknown, 400, "validation");
        assertThat(unknown.raw().body()).contains("deploy").contains("tset");
        Http.Response cycle = http.post("/api/v1/workflow-definitions", CI.replace(
                "\"command\":\"mvn package\"}", "\"command\":\"mvn package\",\"dependsOn\":[\"deploy\"]}"));
        assertProblem(cycle, 400, "validation");
        assertThat(cycle.raw().body()).contains("cycle").contains("build -> deploy -> test -> build");
        assertProblem(http.post("/api/v1/workflow-definitions", CI.replace("1.0.0", "1.0")), 400, "validation");
        assertProblem(http.post("/api/v1/workflow-definitions", CI.replace("\"type\":\"agent\",", "")), 400,
                "validation");
        assertThat(http.get("/api/v1/workflow-definitions").json().get("totalItems").asLong()).isZero();
    }

    @Test
    default void givenAnExecution_stepsAreRecordedWithItsStateAndAnEndedAttemptIsReplayedNotRewritten() {
        Http http = http();
        String definition = defineCi();
        Http.Response started = http.post("/api/v1/workflow-executions", "{\"definitionId\":\"" + definition
                + "\",\"input\":{\"branch\":\"main\"}}");
        assertThat(started.status()).isEqualTo(201);
        JsonNode e = started.json();
        String id = e.get("id").asString();
        assertThat(e.get("status").asString()).isEqualTo("PENDING");
        assertThat(e.get("workflowVersion").asString()).isEqualTo("1.0.0");
        assertThat(e.get("contentHash").asString()).hasSize(64);
        assertThat(started.header("ETag")).isEqualTo("\"0\"");

        Http.Response running = step(id, "build", 1, "RUNNING", "");
        assertThat(running.status()).as(running.raw().body()).isEqualTo(200);
        assertThat(running.json().get("execution").get("status").asString()).isEqualTo("RUNNING");
        assertThat(running.json().get("execution").get("currentStage").asString()).isEqualTo("build");
        Http.Response built = step(id, "build", 1, "COMPLETED", ",\"output\":{\"jar\":\"app.jar\"}");
        assertThat(built.json().get("step").get("duration").asString()).startsWith("PT");
        Http.Response again = step(id, "build", 1, "COMPLETED", ",\"output\":{\"jar\":\"app.jar\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().get("step").get("recordedAt").asString())
                .isEqualTo(built.json().get("step").get("recordedAt").asString());
        assertProblem(step(id, "build", 1, "COMPLETED", ",\"output\":{\"jar\":\"other.jar\"}"), 409, "conflict");
        assertProblem(step(id, "build", 2, "RUNNING", ""), 409, "conflict");
        assertProblem(step(id, "test", 3, "RUNNING", ""), 400, "validation");
        assertProblem(step(id, "ghost", 1, "RUNNING", ""), 400, "validation");
        assertProblem(step(id, "test", 1, "RUNNING", ",\"startedAt\":123"), 400, "malformed-body");
        step(id, "test", 1, "FAILED", ",\"error\":\"1 test failed\"");
        step(id, "test", 2, "COMPLETED", "");
        Http.Response done = step(id, "deploy", 1, "COMPLETED", ",\"execution\":{\"status\":\"COMPLETED\","
                + "\"output\":{\"url\":\"https://x\"}}");
        assertThat(done.json().get("execution").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.json().get("execution").get("completedAt").isNull()).isFalse();

        JsonNode whole = http.get("/api/v1/workflow-executions/" + id).json();
        assertThat(whole.get("steps").findValuesAsString("stepId")).containsExactly("build", "test", "test", "deploy");
        assertThat(whole.get("steps").get(1).get("status").asString()).isEqualTo("FAILED");
        assertThat(whole.get("output").get("url").asString()).isEqualTo("https://x");
        assertProblem(step(id, "deploy", 2, "RUNNING", ""), 409, "invalid-transition");
        JsonNode definitionAfter = http.get("/api/v1/workflow-definitions/" + definition).json();
        assertThat(definitionAfter.get("usage").get("started").asLong()).isEqualTo(1);
        assertThat(definitionAfter.get("usage").get("completed").asLong()).isEqualTo(1);
        assertProblem(http.post("/api/v1/workflow-executions/nope/steps", "{\"stepId\":\"build\",\"attempt\":1,"
                + "\"status\":\"RUNNING\"}"), 404, "not-found");
    }

    @Test
    default void givenExecutions_putNeedsIfMatchAndTheIncompleteListIsOldestFirst() {
        Http http = http();
        String definition = defineCi();
        Http.Response put = http.put("/api/v1/workflow-executions/run-a", "{\"definitionId\":\"" + definition
                + "\",\"context\":{\"n\":1}}");
        assertThat(put.status()).as(put.raw().body()).isEqualTo(201);
        assertThat(put.header("Location")).isEqualTo("/api/v1/workflow-executions/run-a");
        start(definition, "run-b");
        start(definition, "run-c");
        http.post("/api/v1/workflow-executions/run-c/cancel", null);

        assertProblem(http.put("/api/v1/workflow-executions/run-a", "{\"status\":\"BLOCKED\"}"), 428,
                "precondition-required");
        Http.Response blocked = http.put("/api/v1/workflow-executions/run-a", "{\"status\":\"BLOCKED\","
                + "\"currentStage\":\"waiting for approval\"}", "If-Match", "\"0\"");
        assertThat(blocked.status()).as(blocked.raw().body()).isEqualTo(200);
        assertThat(blocked.header("ETag")).isEqualTo("\"1\"");
        assertProblem(http.put("/api/v1/workflow-executions/run-a", "{\"status\":\"RUNNING\"}", "If-Match", "\"0\""),
                409, "conflict");
        assertProblem(http.put("/api/v1/workflow-executions/run-a", "{\"input\":{\"other\":1}}", "If-Match", "\"1\""),
                409, "conflict");

        JsonNode incomplete = http.get("/api/v1/workflow-executions?incomplete=true").json();
        assertThat(incomplete.get("items").findValuesAsString("id")).containsExactly("run-a", "run-b");
        assertThat(http.get("/api/v1/workflow-executions?status=CANCELLED").json().get("items")
                .findValuesAsString("id")).containsExactly("run-c");
        assertThat(http.get("/api/v1/workflow-executions?name=ci").json().get("totalItems").asLong()).isEqualTo(3);
        assertProblem(http.post("/api/v1/workflow-executions/run-c/cancel", null), 409, "invalid-transition");
        Http.Response resumed = http.post("/api/v1/workflow-executions/run-c/resume", null);
        assertThat(resumed.json().get("status").asString()).isEqualTo("PENDING");
        assertProblem(http.post("/api/v1/workflow-executions/run-c/resume", null), 409, "invalid-transition");
        assertProblem(http.post("/api/v1/workflow-executions", "{\"definitionId\":\"nope\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/workflow-executions", "{\"definitionId\":\"" + definition
                + "\",\"parentExecutionId\":\"ghost\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/workflow-executions", "{\"id\":\"run-a\",\"definitionId\":\"" + definition
                + "\"}"), 409, "conflict");
    }

    @Test
    default void givenARecoveryClaim_onlyTheCurrentTokenMayRecordAndPastTheMaximumTheExecutionFails() {
        Http http = http();
        String definition = defineCi();
        start(definition, "run-1");
        start(definition, "run-2");

        JsonNode claimed = http.post("/api/v1/workflow-executions/recovery-claims",
                "{\"executorId\":\"executor-a\",\"limit\":1}").json();
        assertThat(claimed.size()).isEqualTo(1);
        assertThat(claimed.get(0).get("id").asString()).isEqualTo("run-1");
        assertThat(claimed.get(0).get("recoveryAttempts").asInt()).isEqualTo(1);
        String token = claimed.get(0).get("leaseToken").asString();
        assertThat(claimed.get(0).get("leaseExpiresAt").asString()).isNotBlank();
        JsonNode other = http.post("/api/v1/workflow-executions/recovery-claims",
                "{\"executorId\":\"executor-b\"}").json();
        assertThat(other.findValuesAsString("id")).as("a leased execution is not claimed again")
                .containsExactly("run-2");

        assertProblem(step("run-1", "build", 1, "RUNNING", ""), 409, "conflict");
        assertProblem(step("run-1", "build", 1, "RUNNING", "", "X-Lease-Token", "not-the-token"), 409, "conflict");
        assertThat(step("run-1", "build", 1, "RUNNING", "", "X-Lease-Token", token).status()).isEqualTo(200);
        assertProblem(http.post("/api/v1/workflow-executions/recovery-claims", "{\"executorId\":\"\"}"), 400,
                "validation");
        assertProblem(http.post("/api/v1/workflow-executions/recovery-claims", "{\"executorId\":\"x\",\"limit\":0}"),
                400, "validation");
    }

    @Test
    default void givenAnExecution_forkFromAStepCopiesTheStepsBeforeIt() {
        Http http = http();
        String definition = defineCi();
        start(definition, "run-1");
        step("run-1", "build", 1, "COMPLETED", ",\"output\":{\"jar\":\"a.jar\"}");
        step("run-1", "test", 1, "FAILED", ",\"error\":\"red\",\"execution\":{\"status\":\"FAILED\"}");

        Http.Response forked = http.post("/api/v1/workflow-executions/run-1/fork", "{\"fromStepId\":\"test\","
                + "\"id\":\"run-1b\"}");

        assertThat(forked.status()).as(forked.raw().body()).isEqualTo(201);
        JsonNode fork = forked.json();
        assertThat(fork.get("forkedFrom").asString()).isEqualTo("run-1");
        assertThat(fork.get("forkedFromStepId").asString()).isEqualTo("test");
        assertThat(fork.get("status").asString()).isEqualTo("PENDING");
        assertThat(fork.get("input").get("branch").asString()).isEqualTo("main");
        assertThat(fork.get("steps").findValuesAsString("stepId")).containsExactly("build");
        assertThat(fork.get("steps").get(0).get("output").get("jar").asString()).isEqualTo("a.jar");
        assertThat(step("run-1b", "test", 1, "COMPLETED", "").status()).isEqualTo(200);
        assertProblem(http.post("/api/v1/workflow-executions/run-1/fork", "{\"fromStepId\":\"ghost\"}"), 400,
                "validation");
        assertProblem(http.post("/api/v1/workflow-executions/nope/fork", "{\"fromStepId\":\"test\"}"), 404,
                "not-found");
        assertThat(http.withHeader("X-Tenant-Id", "elsewhere").get("/api/v1/workflow-executions/run-1").status())
                .isEqualTo(404);
    }
}
