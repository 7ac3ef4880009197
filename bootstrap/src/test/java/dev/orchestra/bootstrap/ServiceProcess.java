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

    /** One client's n-th call: true when the service acknowledged it, false to stop this client. */
    interface Call {
        boolean acknowledged(int client, int n);
    }

    /**
     * {@code clients} threads call the service in a loop until at least {@code atLeast} calls were
     * acknowledged, then the service is killed with SIGKILL under them; a call the dying service did not
     * answer ends its client (it was never acknowledged).
     */
    void killUnderLoad(int clients, int atLeast, Call call) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger acks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        if (!call.acknowledged(client, n)) {
                            return;
                        }
                        acks.incrementAndGet();
                    } catch (RuntimeException e) {
                        return;
                    }
                }
            });
        }
        waitUntil(() -> acks.get() >= atLeast, Duration.ofSeconds(120));
        kill();
        running.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients still running a minute after the kill");
        }
    }
}
