package dev.orchestra.bootstrap;

import static dev.orchestra.bootstrap.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Routing section of REST-API.md; part of {@link RestApiContract}, so it runs on both stores. */
interface RoutingApiContract {
    /** A client in the test's own tenant. */
    Http http();

    private String decision(String id, String agent, String excluded) {
        return "{\"id\":\"" + id + "\",\"taskId\":\"task-" + id + "\",\"taskType\":\"build\","
                + "\"requiredCapability\":\"java\",\"selectedAgent\":\"" + agent + "\",\"priority\":\"HIGH\","
                + "\"agentScore\":0.9,\"strategy\":\"capability-match\",\"candidates\":[{\"agentKey\":\"" + agent
                + "\",\"score\":0.9},{\"agentKey\":\"" + excluded + "\",\"score\":0.2,"
                + "\"excludedReason\":\"circuit OPEN\"}],\"success\":true,\"routingDuration\":\"PT0.004S\","
                + "\"workflowExecutionId\":\"wf-1\",\"workflowStepId\":\"build\"}";
    }

    @Test
    default void givenADecision_outcomeIsRecordedOnceAndCountedInTheAgentsStatistics() {
        Http http = http();
        Http.Response created = http.post("/api/v1/routing-decisions", decision("d1", "agent-1", "agent-2"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/routing-decisions/d1");
        JsonNode d = created.json();
        assertThat(d.get("candidates").get(1).get("excludedReason").asString()).isEqualTo("circuit OPEN");
        assertThat(d.get("routedAt").asString()).isNotBlank();
        assertThat(d.get("outcome").isNull()).isTrue();
        assertThat(d.get("retryAttempts").asInt()).isZero();

        Http.Response counted = http.post("/api/v1/routing-decisions/d1/outcome",
                "{\"success\":false,\"duration\":\"PT2S\",\"error\":\"tests failed\"}");

        assertThat(counted.status()).as(counted.raw().body()).isEqualTo(200);
        assertThat(counted.json().get("decision").get("outcome").get("error").asString()).isEqualTo("tests failed");
        JsonNode stats = counted.json().get("statistics");
        assertThat(stats.get("agentKey").asString()).isEqualTo("agent-1");
        assertThat(stats.get("total").asLong()).isEqualTo(1);
        assertThat(stats.get("failed").asLong()).isEqualTo(1);
        assertThat(stats.get("successRate").asDouble()).isZero();
        assertThat(stats.get("averageDuration").asString()).isEqualTo("PT2S");
        assertProblem(http.post("/api/v1/routing-decisions/d1/outcome", "{\"success\":true,\"duration\":\"PT1S\"}"),
                409, "conflict");
        assertThat(http.get("/api/v1/routing-statistics/agent-1").json().get("total").asLong())
                .as("the refused second outcome counted nothing").isEqualTo(1);
        assertThat(http.get("/api/v1/routing-statistics/agent-1").header("ETag")).isNotBlank();
        assertProblem(http.post("/api/v1/routing-decisions", decision("d1", "agent-1", "agent-2")), 409, "conflict");
        assertProblem(http.post("/api/v1/routing-decisions/nope/outcome", "{\"success\":true,\"duration\":\"PT1S\"}"),
                404, "not-found");
        assertProblem(http.get("/api/v1/routing-decisions/nope"), 404, "not-found");
        assertProblem(http.get("/api/v1/routing-statistics/nobody"), 404, "not-found");
    }

    @Test
    default void givenDecisions_list_filtersNewestFirst() {
        Http http = http();
        http.post("/api/v1/routing-decisions", decision("d1", "agent-1", "agent-2"));
        http.post("/api/v1/routing-decisions", decision("d2", "agent-2", "agent-1"));
        http.post("/api/v1/routing-decisions", decision("d3", "agent-1", "agent-2"));

        JsonNode byAgent = http.get("/api/v1/routing-decisions?selectedAgent=agent-1").json();
        assertThat(byAgent.get("totalItems").asLong()).isEqualTo(2);
        assertThat(byAgent.get("items").get(0).get("id").asString()).isEqualTo("d3");
        assertThat(http.get("/api/v1/routing-decisions?taskId=task-d2").json().get("items").get(0).get("id")
                .asString()).isEqualTo("d2");
        assertThat(http.get("/api/v1/routing-decisions?workflowExecutionId=wf-1&success=true").json()
                .get("totalItems").asLong()).isEqualTo(3);
        assertThat(http.get("/api/v1/routing-decisions?success=false").json().get("totalItems").asLong()).isZero();
        assertThat(http.get("/api/v1/routing-decisions?from=2999-01-01T00:00:00Z").json().get("totalItems")
                .asLong()).isZero();
        assertProblem(http.get("/api/v1/routing-decisions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"),
                400, "validation");
        assertProblem(http.get("/api/v1/routing-decisions?from=yesterday"), 400, "validation");
    }

    @Test
    default void givenBadDecisions_post_is400NamingTheFieldAndStoresNothing() {
        Http http = http();
        assertThat(http.post("/api/v1/routing-decisions", decision("d1", "agent-2", "agent-1")
                .replace("\"selectedAgent\":\"agent-2\"", "\"selectedAgent\":\"agent-1\"")).raw().body())
                .contains("selectedAgent").contains("circuit OPEN");
        assertProblem(http.post("/api/v1/routing-decisions", decision("d2", "agent-1", "agent-1")), 400, "validation");
        assertProblem(http.post("/api/v1/routing-decisions", decision("d3", "agent-1", "agent-2")
                .replace("\"agentScore\":0.9", "\"agentScore\":1e400")), 400, "validation");
        assertProblem(http.post("/api/v1/routing-decisions", decision("d4", "agent-1", "agent-2")
                .replace("\"routingDuration\":\"PT0.004S\"", "\"routingDuration\":\"P3D\"")), 400, "validation");
        assertProblem(http.post("/api/v1/routing-decisions", "{\"taskId\":\"t\"}"), 400, "validation");
        assertThat(http.get("/api/v1/routing-decisions").json().get("totalItems").asLong()).isZero();
        http.post("/api/v1/routing-decisions", decision("ok", "agent-1", "agent-2"));
        assertProblem(http.post("/api/v1/routing-decisions/ok/outcome", "{\"success\":true,\"duration\":\"-PT1S\"}"),
                400, "validation");
        assertProblem(http.post("/api/v1/routing-decisions/ok/outcome", "{\"success\":true}"), 400, "validation");
        assertThat(http.get("/api/v1/routing-decisions/ok").json().get("outcome").isNull()).isTrue();
    }

    @Test
    default void givenOutcomesOfSeveralAgents_topUnderperformingRecalculateAndDrift() {
        Http http = http();
        int n = 0;
        // agent-a 3 of 3, agent-b 1 of 3, agent-c 0 of 1.
        for (String[] run : new String[][] {{"agent-a", "true"}, {"agent-a", "true"}, {"agent-a", "true"},
                {"agent-b", "true"}, {"agent-b", "false"}, {"agent-b", "false"}, {"agent-c", "false"}}) {
            String id = "d" + n++;
            http.post("/api/v1/routing-decisions", decision(id, run[0], "agent-z"));
            http.post("/api/v1/routing-decisions/" + id + "/outcome", "{\"success\":" + run[1]
                    + ",\"duration\":\"PT1S\"}");
        }

        JsonNode top = http.get("/api/v1/routing-statistics/top?limit=2").json();
        assertThat(top.findValuesAsString("agentKey")).containsExactly("agent-a", "agent-b");
        JsonNode under = http.get("/api/v1/routing-statistics/underperforming?below=0.5&minTasks=2").json();
        assertThat(under.get("items").findValuesAsString("agentKey")).containsExactly("agent-b");
        assertThat(http.get("/api/v1/routing-statistics?sort=successRate,asc").json().get("items")
                .findValuesAsString("agentKey")).containsExactly("agent-c", "agent-b", "agent-a");
        JsonNode drift = http.get("/api/v1/routing-statistics/drift").json();
        assertThat(drift.get("agentsChecked").asInt()).isEqualTo(3);
        assertThat(drift.get("drifted").size()).isZero();
        JsonNode recalculated = http.post("/api/v1/routing-statistics/recalculate", null).json();
        assertThat(recalculated.get("changed").asInt()).isZero();
        assertThat(recalculated.get("statistics").size()).isEqualTo(3);
        assertProblem(http.get("/api/v1/routing-statistics/top?limit=0"), 400, "validation");
        assertProblem(http.get("/api/v1/routing-statistics/underperforming?below=2"), 400, "validation");
        assertProblem(http.get("/api/v1/routing-statistics/underperforming?minTasks=-1"), 400, "validation");
        assertProblem(http.get("/api/v1/routing-statistics/drift?since=soon"), 400, "validation");
    }
}
