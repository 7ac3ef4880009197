package dev.orchestra.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The service in its own JVM, on a store file, so a test can kill it with SIGKILL and start it again. */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    final Http http;

    private ServiceProcess(Process process, Http http) {
        this.process = process;
        this.http = http;
    }

    /** Starts the service and waits until it is healthy; its output goes to {@code <name>.log}. */
    static ServiceProcess start(String store, Path file, int port, Path directory, String name, String... extra)
            throws Exception {
        Path log = directory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OrchestraApplication.class.getName(), "--server.port=" + port, "--orchestra.storage.type=" + store,
                "--orchestra.storage.path=" + file));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
        return new ServiceProcess(process, http);
    }

    /** SIGKILL: no shutdown hook, no close, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitUntil(Condition condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
