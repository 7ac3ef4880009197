package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Durable workflow state: 16 clients each run one execution step by step against the service in its own
 * JVM, which is killed with SIGKILL mid-run and started again. Every acknowledged step must be there with
 * its output, no step twice, and each execution's status and stage must match the steps it has (the step
 * and the execution's new state are one transaction). The clients then retry their last step, as a real
 * executor would after a restart, and get the stored attempt back instead of a second one.
 */
class StepsSurviveKillTest {
    private static final int CLIENTS = 16;
    private static final int STEPS = 40;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "store {0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSixteenClientsRecordingSteps_sigkillThenRestart_keepsEveryAcknowledgedStepOnce(String store)
            throws Exception {
        Path file = directory.resolve(store.equals("json") ? "orchestrator-state.json" : "orchestra.db");
        int port = ServiceProcess.freePort();
        Map<String, List<Integer>> acknowledged = new ConcurrentHashMap<>();
        ServiceProcess service = ServiceProcess.start(store, file, port, directory, "first");
        try {
            Http http = service.http;
            StringBuilder steps = new StringBuilder();
            for (int s = 1; s <= STEPS; s++) {
                steps.append(s == 1 ? "" : ",").append("{\"id\":\"s").append(s).append("\",\"type\":\"shell\"")
                        .append(s == 1 ? "" : ",\"dependsOn\":[\"s" + (s - 1) + "\"]").append('}');
            }
            assertThat(http.post("/api/v1/workflow-definitions", "{\"id\":\"wf\",\"name\":\"long\",\"version\":"
                    + "\"1.0.0\",\"definition\":{\"steps\":[" + steps + "]}}").status()).isEqualTo(201);
            for (int c = 0; c < CLIENTS; c++) {
                assertThat(http.post("/api/v1/workflow-executions", "{\"id\":\"run-" + c
                        + "\",\"definitionId\":\"wf\"}").status()).isEqualTo(201);
                acknowledged.put("run-" + c, new ArrayList<>());
            }
            // Each client runs its own execution, step after step; a client that has recorded all is done.
            service.killUnderLoad(CLIENTS, CLIENTS * STEPS / 3, (client, n) -> {
                String run = "run-" + client;
                if (n >= STEPS || record(http, run, n + 1).status() != 200) {
                    return false;
                }
                acknowledged.get(run).add(n + 1);
                return true;
            });
        } finally {
            service.kill();
        }

        try (ServiceProcess restarted = ServiceProcess.start(store, file, port, directory, "second")) {
            int total = 0;
            int inFlight = 0;
            for (int c = 0; c < CLIENTS; c++) {
                String run = "run-" + c;
                List<Integer> acked = acknowledged.get(run);
                JsonNode execution = restarted.http.get("/api/v1/workflow-executions/" + run).json();
                List<String> stepIds = execution.get("steps").findValuesAsString("stepId");
                Set<String> distinct = new HashSet<>(stepIds);

                assertThat(distinct).as("%s: no step twice", run).hasSameSizeAs(stepIds);
                for (int s : acked) {
                    assertThat(stepIds).as("%s: acknowledged step s%d", run, s).contains("s" + s);
                }
                // Steps go one by one: at most the one that was in flight when the service died is extra.
                assertThat(stepIds.size()).as(run).isBetween(acked.size(), acked.size() + 1);
                for (int i = 0; i < stepIds.size(); i++) {
                    JsonNode step = execution.get("steps").get(i);
                    assertThat(step.get("position").asLong()).isEqualTo(i + 1);
                    assertThat(step.get("output").get("n").asInt()).as("%s s%d output", run, i + 1).isEqualTo(i + 1);
                }
                String expectedStatus = stepIds.isEmpty() ? "PENDING" : stepIds.size() == STEPS ? "COMPLETED" : "RUNNING";
                assertThat(execution.get("status").asString()).as("%s status with %d steps", run, stepIds.size())
                        .isEqualTo(expectedStatus);
                if (!stepIds.isEmpty()) {
                    assertThat(execution.get("currentStage").asString()).as(run)
                            .isEqualTo(stepIds.get(stepIds.size() - 1));
                    // The executor retries its last step after the restart: the stored attempt comes back.
                    Http.Response retried = record(restarted.http, run, stepIds.size());
                    assertThat(retried.json().get("replayed").asBoolean()).isTrue();
                    assertThat(restarted.http.get("/api/v1/workflow-executions/" + run).json().get("steps").size())
                            .isEqualTo(stepIds.size());
                }
                total += acked.size();
                inFlight += stepIds.size() - acked.size();
            }
            System.out.printf("%s: %d steps acknowledged before SIGKILL, all present after restart; %d more were "
                    + "in flight and committed%n", store, total, inFlight);
            assertThat(total).isGreaterThanOrEqualTo(CLIENTS * STEPS / 3);
        }
    }

    private static Http.Response record(Http http, String run, int step) {
        String status = step == STEPS ? ",\"execution\":{\"status\":\"COMPLETED\"}" : "";
        return http.post("/api/v1/workflow-executions/" + run + "/steps", "{\"stepId\":\"s" + step
                + "\",\"attempt\":1,\"status\":\"COMPLETED\",\"output\":{\"n\":" + step + "}" + status + "}");
    }
}
