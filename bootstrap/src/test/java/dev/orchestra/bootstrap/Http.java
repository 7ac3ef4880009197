package dev.orchestra.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for tests that talk to the real HTTP server. */
final class Http {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    Http(String base) {
        this.base = base;
    }

    Http withHeader(String name, String value) {
        Http copy = new Http(base);
        copy.defaultHeaders.putAll(defaultHeaders);
        copy.defaultHeaders.put(name, value);
        return copy;
    }

    record Response(int status, HttpResponse<String> raw) {
        JsonNode json() {
            return raw.body() == null || raw.body().isEmpty() ? JSON.nullNode() : JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response post(String path, String json, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path, String... headers) {
        return send(builder(path, headers).DELETE());
    }

    /** A multipart/form-data upload of one file part. */
    Response upload(String path, String part, String fileName, byte[] content) {
        return upload(path, part, fileName, "application/json", content);
    }

    /** A multipart/form-data upload of one file part of the given content type (none when null). */
    Response upload(String path, String part, String fileName, String contentType, byte[] content) {
        String boundary = "----orchestra" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET whose answer is bytes (a download), not text. */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response send(String method, String path, String contentType, String body, String... headers) {
        return send(builder(path, headers).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body of exactly these bytes: what no client's text encoder would send. */
    Response sendBytes(String method, String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response send(String method, String path, java.util.List<String> headers) {
        return send(builder(path, headers.toArray(String[]::new)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Response send(String method, String path, String contentType, String body, java.util.List<String> headers) {
        return send(method, path, contentType, body, headers.toArray(String[]::new));
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        defaultHeaders.forEach(builder::header);
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            OpenApiCheck.verify(base, request, response);
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
