package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety: the service runs in its own JVM, 16 producers enqueue as fast as they can, the JVM is
 * killed with SIGKILL mid-run and started again on the same file. Every task that was acknowledged
 * (201) before the kill must be there after the restart.
 */
class KillDuringEnqueueTest {
    private static final int PRODUCERS = 16;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "store {0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenProducersEnqueueing_sigkillThenRestart_losesNoAcknowledgedTask(String store) throws Exception {
        Path file = directory.resolve(store.equals("json") ? "orchestrator-state.json" : "orchestra.db");
        int port = ServiceProcess.freePort();
        ServiceProcess service = ServiceProcess.start(store, file, port, directory, "first");
        Set<String> acknowledged = new HashSet<>();
        try {
            Http http = new Http("http://127.0.0.1:" + port);
            ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                producers.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        String id = "p" + producer + "-" + n;
                        try {
                            Http.Response response = http.post("/api/v1/tasks", "{\"id\":\"" + id
                                    + "\",\"command\":\"echo " + id + "\",\"repositoryPath\":\"/repo\"}");
                            if (response.status() == 201) {
                                acks.add(id);
                            }
                        } catch (RuntimeException e) {
                            // The server died under us: this task was never acknowledged.
                            return;
                        }
                    }
                });
            }
            ServiceProcess.waitUntil(() -> acks.size() >= 300, Duration.ofSeconds(60));

            service.kill();
            running.set(false);
            producers.shutdown();
            producers.awaitTermination(30, TimeUnit.SECONDS);
            acknowledged.addAll(acks);
        } finally {
            service.kill();
        }

        try (ServiceProcess restarted = ServiceProcess.start(store, file, port, directory, "second")) {
            Set<String> stored = allTaskIds(restarted.http);
            System.out.printf("%s: %d tasks acknowledged before SIGKILL, %d stored after restart, %d missing%n",
                    store, acknowledged.size(), stored.size(),
                    acknowledged.stream().filter(id -> !stored.contains(id)).count());

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(stored).containsAll(acknowledged);
        }
    }

    private static Set<String> allTaskIds(Http http) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = http.get("/api/v1/tasks?size=500&page=" + page).json().get("items");
            items.forEach(item -> ids.add(item.get("id").asString()));
            if (items.size() < 500) {
                return ids;
            }
        }
    }
}
