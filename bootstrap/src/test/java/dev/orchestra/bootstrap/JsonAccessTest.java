package dev.orchestra.bootstrap;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class JsonAccessTest extends AccessContract {
    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("orchestra.storage.type", () -> "json");
        registry.add("orchestra.storage.path", () -> directory.resolve("access.json").toString());
    }
}
