package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A circuit opened before a SIGKILL is still OPEN after the restart, with the same {@code resetAt} (no
 * library that keeps breakers in memory can say this), and the recovery job makes it HALF_OPEN once that
 * time has passed.
 */
class CircuitSurvivesKillTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "store {0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAnOpenCircuit_sigkillThenRestart_keepsItOpenUntilItsResetTime(String store) throws Exception {
        Path file = directory.resolve(store.equals("json") ? "orchestrator-state.json" : "orchestra.db");
        int port = ServiceProcess.freePort();
        JsonNode opened;
        try (ServiceProcess service = ServiceProcess.start(store, file, port, directory, "first",
                "--orchestra.resilience.recovery-period=1s")) {
            service.http.put("/api/v1/circuit-breakers/agent-1", "{\"failureThreshold\":1,\"coolDown\":\"PT25S\"}");
            opened = service.http.post("/api/v1/circuit-breakers/agent-1/outcomes", "{\"success\":false}").json();
            assertThat(opened.get("state").asString()).isEqualTo("OPEN");
            service.kill();
        }
        Instant resetAt = Instant.parse(opened.get("resetAt").asString());

        try (ServiceProcess restarted = ServiceProcess.start(store, file, port, directory, "second",
                "--orchestra.resilience.recovery-period=1s")) {
            JsonNode after = restarted.http.get("/api/v1/circuit-breakers/agent-1").json();
            assertThat(Instant.now()).as("the restart took less than the cool-down").isBefore(resetAt);
            assertThat(after.get("state").asString()).isEqualTo("OPEN");
            assertThat(after.get("resetAt").asString()).isEqualTo(opened.get("resetAt").asString());
            assertThat(after.get("openedAt").asString()).isEqualTo(opened.get("openedAt").asString());

            ServiceProcess.waitUntil(() -> restarted.http.get("/api/v1/circuit-breakers/agent-1").json()
                    .get("state").asString().equals("HALF_OPEN"), Duration.ofSeconds(60));
            assertThat(Instant.now()).as("not before its reset time").isAfterOrEqualTo(resetAt);
            JsonNode history = restarted.http.get("/api/v1/circuit-breakers/agent-1/transitions").json().get("items");
            assertThat(history.get(0).get("to").asString()).isEqualTo("HALF_OPEN");
            assertThat(history.get(0).get("by").asString()).isEqualTo("system");
        }
    }
}
