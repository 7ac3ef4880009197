package dev.orchestra.bootstrap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a response against the OpenAPI document the same service serves, so the document and the
 * service cannot drift apart without a test failing. Paths and methods the document does not have
 * (a hostile client's inventions) are not judged here; their answers are checked as problems elsewhere.
 */
final class OpenApiCheck {
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private OpenApiCheck() {
    }

    static void verify(String base, HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getRawPath();
        if (!path.startsWith("/api/v1")) {
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(base, OpenApiCheck::load);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        String decoded = URI.create(request.uri().toString()).getPath();
        ValidationReport report = validator.validateResponse(decoded, Request.Method.valueOf(request.method()),
                answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("the answer to " + request.method() + " " + path + " (" + response.statusCode()
                    + ") breaks the served OpenAPI document:\n" + report.getMessages() + "\nbody: "
                    + abbreviate(response.body()));
        }
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            String document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 2000 ? body : body.substring(0, 2000) + "…";
    }
}
