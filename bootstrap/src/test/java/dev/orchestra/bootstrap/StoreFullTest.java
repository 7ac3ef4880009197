package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a full store (a database capped at its size when opened, which SQLite refuses to grow
 * exactly as a full disk does, and a free-space threshold no disk meets): writes answer 507 with a problem that
 * says so and how much room is left, no SQLite text; what was acknowledged stays readable; health is DOWN with
 * the diskSpace component saying why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreFullTest {
    @TempDir
    static Path directory;
    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("orchestra.storage.path", () -> directory.resolve("orchestra.db").toString());
        registry.add("orchestra.storage.sqlite.max-size", () -> "1KB");
        registry.add("orchestra.storage.min-free-space", () -> "100000TB");
    }

    @Test
    void givenAFullStore_writesAnswer507KeepWhatWasAcknowledgedAndHealthSaysWhy() {
        Http http = new Http("http://127.0.0.1:" + port);
        Http.Response refused = null;
        int acknowledged = 0;
        for (int i = 0; i < 5_000 && refused == null; i++) {
            Http.Response r = http.post("/api/v1/agents", "{\"id\":\"agent-" + i + "\",\"name\":\"" + "n".repeat(200)
                    + "\",\"type\":\"claude-code\",\"repositoryPath\":\"/repo/" + i + "\"}");
            if (r.status() == 201) {
                acknowledged++;
            } else {
                refused = r;
            }
        }

        assertThat(refused).as("the store filled up").isNotNull();
        Problems.assertProblem(refused, 507, "store-full");
        assertThat(refused.json().get("detail").asString()).contains("the disk holding the store is full")
                .contains("bytes free in").doesNotContain("SQLITE").doesNotContain("Exception");
        for (int i = 0; i < acknowledged; i++) {
            assertThat(http.get("/api/v1/agents/agent-" + i).status()).isEqualTo(200);
        }
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("components").get("diskSpace").get("status").asString()).isEqualTo("DOWN");
    }
}
