package dev.orchestra.benchmarks;

import static dev.orchestra.benchmarks.Harness.log;

import dev.orchestra.domain.task.Lease;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST service under load: 16 clients, each enqueue → claim → start → complete, timed per request. */
final class RestLoad {
    private final Results results;
    /** The Authorization header of every request, or null for a service without keys (loopback only). */
    private final String authorization;

    RestLoad(Results results, String authorization) {
        this.results = results;
        this.authorization = authorization;
    }

    /** 16 clients, each enqueue → claim → start → complete until the time is up, into {@code latencies}. */
    AtomicLong run(HttpClient client, String base, int seconds, String what,
                                Map<String, ConcurrentLinkedQueue<Long>> latencies) throws Exception {
        log("REST %s: %d s", what, seconds);
        for (String op : List.of("enqueue", "claim", "start", "complete")) {
            latencies.put(op, new ConcurrentLinkedQueue<>());
        }
        AtomicLong requests = new AtomicLong();
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        Pattern token = Pattern.compile("\"leaseToken\":\"([^\"]+)\"");
        for (int c = 0; c < 16; c++) {
            int client16 = c;
            futures.add(clients.submit(() -> {
                int n = 0;
                while (Instant.now().isBefore(end)) {
                    // An id of the run's label (ids may not hold spaces): unique over every run of the benchmark.
                    String id = "rest-" + what.replaceAll("[^A-Za-z0-9-]", "-") + "-" + client16 + "-" + n++;
                    timed(latencies.get("enqueue"), requests, () -> send(client, "POST", base + "/tasks",
                            "{\"id\":\"" + id + "\",\"command\":\"c\",\"repositoryPath\":\"/rest/" + client16
                                    + "\"}", null));
                    String body = timed(latencies.get("claim"), requests, () -> send(client, "POST",
                            base + "/tasks/claim", "{\"agentId\":\"rest-" + client16 + "\"}", null));
                    Matcher m = token.matcher(body);
                    if (!m.find()) {
                        results.otherErrors.incrementAndGet();
                        continue;
                    }
                    String lease = m.group(1);
                    String claimed = body.substring(body.indexOf("\"id\":\"") + 6);
                    String taskId = claimed.substring(0, claimed.indexOf('"'));
                    timed(latencies.get("start"), requests, () -> send(client, "POST",
                            base + "/tasks/" + taskId + "/start", null, lease));
                    timed(latencies.get("complete"), requests, () -> send(client, "POST",
                            base + "/tasks/" + taskId + "/complete", "{\"result\":\"ok\"}", lease));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        clients.shutdown();
        return requests;
    }

    <T> T timed(ConcurrentLinkedQueue<Long> into, AtomicLong requests, java.util.concurrent.Callable<T> call)
            throws Exception {
        long begin = System.nanoTime();
        T result = call.call();
        into.add(System.nanoTime() - begin);
        requests.incrementAndGet();
        return result;
    }

    String send(HttpClient client, String method, String url, String json, String lease) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (lease != null) {
            request.header("X-Lease-Token", lease);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            if (response.body().contains("locked")) {
                results.lockedErrors.incrementAndGet();
            } else {
                results.otherErrors.incrementAndGet();
            }
        }
        return response.body();
    }
}
