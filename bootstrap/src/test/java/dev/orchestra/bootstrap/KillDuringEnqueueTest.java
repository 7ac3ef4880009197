package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
        int port = freePort();
        Process service = start(store, file, port, "first");
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
            waitUntil(() -> acks.size() >= 300, Duration.ofSeconds(60));

            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            producers.shutdown();
            producers.awaitTermination(30, TimeUnit.SECONDS);
            acknowledged.addAll(acks);
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Process restarted = start(store, file, port, "second");
        try {
            Set<String> stored = allTaskIds(new Http("http://127.0.0.1:" + port));
            System.out.printf("%s: %d tasks acknowledged before SIGKILL, %d stored after restart, %d missing%n",
                    store, acknowledged.size(), stored.size(),
                    acknowledged.stream().filter(id -> !stored.contains(id)).count());

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(stored).containsAll(acknowledged);
        } finally {
            restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(String store, Path file, int port, String name) throws Exception {
        Path log = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), OrchestraApplication.class.getName(),
                "--server.port=" + port, "--orchestra.storage.type=" + store,
                "--orchestra.storage.path=" + file)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Http http = new Http("http://127.0.0.1:" + port);
        waitUntil(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped; see " + log);
            }
            try {
                return http.get("/actuator/health").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }, Duration.ofSeconds(90));
        return process;
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

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
