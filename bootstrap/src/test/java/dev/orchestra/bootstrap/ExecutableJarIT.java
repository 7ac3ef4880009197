package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The executable jar as a user runs it ({@code java -jar orchestra-exec.jar}), not the test class path:
 * a dependency that only the tests bring, or one a test scope took away, shows here.
 */
class ExecutableJarIT {
    private static final Path JAR = Path.of("target", "orchestra-exec.jar");
    @TempDir
    Path directory;

    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void givenTheJar_helpServe_printsUsageAndStartsNothing() throws Exception {
        Path log = directory.resolve("help.log");

        Process help = start(log, "help", "serve");

        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).startsWith("Usage: orchestra serve")
                .doesNotContain("Tomcat");
    }

    @Test
    void givenTheJar_serve_answersHealthTheKeptDocumentAndATaskLife() throws Exception {
        int port = freePort();
        Path log = directory.resolve("serve.log");
        Process service = start(log, "serve", "--server.port=" + port,
                "--orchestra.storage.path=" + directory.resolve("orchestra.db"));
        try {
            Http http = new Http("http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!healthy(http) && System.nanoTime() < deadline && service.isAlive()) {
                Thread.sleep(250);
            }
            assertThat(healthy(http)).as(Files.readString(log)).isTrue();

            JsonNode served = http.get("/v3/api-docs").json();
            assertThat(served).isEqualTo(Http.JSON.readTree(Files.readString(Path.of("..", "docs", "openapi.json"))));
            assertThat(http.post("/api/v1/agents", "{\"id\":\"a1\",\"name\":\"A\",\"type\":\"t\",\"repositoryPath\":\"/r\"}")
                    .status()).isEqualTo(201);
            assertThat(http.post("/api/v1/tasks", "{\"id\":\"t1\",\"command\":\"c\",\"repositoryPath\":\"/r\"}").status())
                    .isEqualTo(201);
            String lease = http.post("/api/v1/tasks/claim", "{\"agentId\":\"a1\"}").json().get("leaseToken").asString();
            assertThat(http.post("/api/v1/tasks/t1/start", null, "X-Lease-Token", lease).status()).isEqualTo(200);
            assertThat(http.post("/api/v1/tasks/t1/complete", "{}", "X-Lease-Token", lease).json().get("status")
                    .asString()).isEqualTo("COMPLETED");
            assertThat(http.post("/api/v1/tasks", "{\"command\":12,\"repositoryPath\":\"/r\"}").contentType())
                    .startsWith("application/problem+json");
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(log)).doesNotContain("ERROR");
    }

    private static boolean healthy(Http http) {
        try {
            return http.get("/actuator/health").status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
