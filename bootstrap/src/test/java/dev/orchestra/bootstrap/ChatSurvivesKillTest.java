package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * 16 clients append to one conversation against the service in its own JVM, which is killed with SIGKILL
 * mid-run and started again: every acknowledged message is there with the number it was given, and the
 * numbers still run 1, 2, 3… without a gap.
 */
class ChatSurvivesKillTest {
    private static final int CLIENTS = 16;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "store {0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSixteenWritersOnOneSession_sigkillThenRestart_losesNoAcknowledgedMessageAndLeavesNoGap(String store)
            throws Exception {
        Path file = directory.resolve(store.equals("json") ? "orchestrator-state.json" : "orchestra.db");
        int port = ServiceProcess.freePort();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        ServiceProcess service = ServiceProcess.start(store, file, port, directory, "first");
        try {
            Http http = service.http;
            assertThat(http.post("/api/v1/chat/sessions", "{\"id\":\"s1\",\"title\":\"t\",\"userId\":\"alice\"}")
                    .status()).isEqualTo(201);
            service.killUnderLoad(CLIENTS, 400, (client, n) -> {
                String id = "c" + client + "-" + n;
                Http.Response r = http.post("/api/v1/chat/sessions/s1/messages", "{\"id\":\"" + id
                        + "\",\"role\":\"USER\",\"content\":\"message " + id + "\",\"tokenCount\":1}");
                if (r.status() != 201) {
                    return false;
                }
                acknowledged.put(id, r.json().get("sequenceNumber").asLong());
                return true;
            });
        } finally {
            service.kill();
        }

        try (ServiceProcess restarted = ServiceProcess.start(store, file, port, directory, "second")) {
            List<JsonNode> stored = new ArrayList<>();
            for (long after = 0; ; ) {
                JsonNode page = restarted.http.get("/api/v1/chat/sessions/s1/messages?limit=500&afterSequence="
                        + after).json();
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(stored::add);
                after = page.get(page.size() - 1).get("sequenceNumber").asLong();
            }
            Map<String, Long> numbers = new ConcurrentHashMap<>();
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i).get("sequenceNumber").asLong()).as("no gap").isEqualTo(i + 1);
                numbers.put(stored.get(i).get("id").asString(), stored.get(i).get("sequenceNumber").asLong());
            }
            assertThat(numbers).as("every acknowledged message, at the number it was given")
                    .containsAllEntriesOf(acknowledged);
            assertThat(restarted.http.get("/api/v1/chat/sessions/s1").json().get("messageCount").asLong())
                    .isEqualTo(stored.size());
            System.out.printf("%s: %d messages acknowledged before SIGKILL, %d stored after restart, numbered 1..%d%n",
                    store, acknowledged.size(), stored.size(), stored.size());
        }
    }
}
