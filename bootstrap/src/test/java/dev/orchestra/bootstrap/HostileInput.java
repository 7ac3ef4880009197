package dev.orchestra.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hostile client's requests, enumerated (no randomness, so a failure names its request): every field
 * of every request body given values of the wrong JSON type, texts no store may keep, broken bodies,
 * odd media types and headers, bad query values and path ids. Each answer is judged by {@link #judge}:
 * never a 5xx, every error a problem without a Java, Jackson or SQL name, and a wrong-typed value refused.
 */
final class HostileInput {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What may never appear in an answer: the service's insides. */
    private static final List<String> LEAKS = List.of("java.", "jakarta.", "tools.jackson", "com.fasterxml",
            "jackson", "exception", "sqlite", "sql ", "check constraint", "dev.orchestra", "org.springframework",
            "org.apache", "jsontoken", "stacktrace", "<html", "`int`", "`long`", "constraints.get", "readconstraints");

    /** One request and whether it must be refused (4xx). */
    record Probe(String method, String path, String contentType, String body, Map<String, String> headers,
                 boolean mustRefuse, String why) {
        @Override
        public String toString() {
            return method + " " + path + " [" + why + "]" + (body == null ? "" : " " + abbreviate(body));
        }
    }

    private final List<Probe> probes = new ArrayList<>();
    /** The valid body of each method and path given to {@link #bodyFields}: what the access walk sends. */
    private final Map<String, String> validBodies = new LinkedHashMap<>();

    List<Probe> probes() {
        return probes;
    }

    /** The valid body given for this method and path, if any. */
    java.util.Optional<String> validBody(String method, String path) {
        return java.util.Optional.ofNullable(validBodies.get(method + " " + path));
    }

    /** Every field of {@code valid}, one at a time, given each value its type forbids and each text no store keeps. */
    HostileInput bodyFields(String method, String path, String valid, Map<String, String> headers) {
        validBodies.putIfAbsent(method + " " + path, valid);
        ObjectNode template = (ObjectNode) Http.JSON.readTree(valid);
        int before = probes.size();
        for (String field : template.propertyNames()) {
            JsonNode good = template.get(field);
            for (JsonNode bad : wrongTypes(good)) {
                probes.add(new Probe(method, path, "application/json", with(template, field, bad), headers, true,
                        field + " given " + bad.getNodeType().name().toLowerCase(Locale.ROOT) + " " + bad));
            }
            if (good.isString()) {
                for (String text : unstorable()) {
                    probes.add(new Probe(method, path, "application/json", with(template, field, NODES.stringNode(text)),
                            headers, true, field + " with " + describe(text)));
                }
                probes.add(new Probe(method, path, "application/json",
                        with(template, field, NODES.stringNode("x".repeat(1_100_000))), headers, true,
                        field + " of 1.1 million characters"));
                probes.add(new Probe(method, path, "application/json", with(template, field,
                        NODES.stringNode("ü€😀 \u0007")), headers, false, field + " with unicode and a bell"));
                if (good.asString().startsWith("PT")) {
                    // A duration: one longer than a 64-bit count of nanoseconds, what SQLite keeps.
                    probes.add(new Probe(method, path, "application/json", with(template, field,
                            NODES.stringNode("P9999999999D")), headers, true, field + " of P9999999999D"));
                }
            }
            if (good.isArray() && !good.isEmpty()) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 20_000; i++) {
                    many.add(good.get(0).isString() ? NODES.stringNode("v" + i) : good.get(0));
                }
                probes.add(new Probe(method, path, "application/json", with(template, field, many), headers, true,
                        field + " with 20,000 items"));
            }
            if (good.isObject()) {
                probes.add(new Probe(method, path, "application/json", with(template, field, deep(100)), headers, true,
                        field + " nested 100 deep"));
                ObjectNode wide = NODES.objectNode();
                // About 1.3 MB: more than any JSON object the store keeps (64 KiB for settings, 1 MiB for a
                // workflow's input, context or a step's output).
                for (int i = 0; i < 10_000; i++) {
                    wide.put("k" + i, "x".repeat(120));
                }
                probes.add(new Probe(method, path, "application/json", with(template, field, wide), headers, true,
                        field + " of 10,000 members"));
            }
            probes.add(new Probe(method, path, "application/json", without(template, field), headers, false,
                    "without " + field));
        }
        probes.add(new Probe(method, path, "application/json", valid.replaceFirst("\\{", "{\"unknownField\":1,"),
                headers, true, "an unknown property"));
        if (method.equals("POST") && template.path("id").isString()) {
            freshIds(before, template.get("id").asString());
        }
        return this;
    }

    /**
     * Each probe since {@code from} that keeps the body's id gets an id of its own: once one probe had
     * created the entity, every later one was refused as a duplicate before its bad value reached the store.
     */
    private void freshIds(int from, String id) {
        String quoted = "\"id\":\"" + id + "\"";
        for (int i = from; i < probes.size(); i++) {
            Probe p = probes.get(i);
            if (p.body() != null && p.body().contains(quoted)) {
                probes.set(i, new Probe(p.method(), p.path(), p.contentType(),
                        p.body().replace(quoted, "\"id\":\"" + id + "-" + (i - from) + "\""), p.headers(),
                        p.mustRefuse(), p.why()));
            }
        }
    }

    /** Bodies that are not the JSON object asked for, and media types that are not JSON. */
    HostileInput brokenBodies(String method, String path, String valid, Map<String, String> headers) {
        String duplicate = valid.replaceFirst("\\{\"([^\"]+)\":", "{\"$1\":\"a\",\"$1\":");
        for (String body : List.of("", "{", "}", "[]", "null", "1", "\"text\"", "{}{}", valid + " trailing",
                duplicate, "[".repeat(5000), "{\"a\":" + "[".repeat(2000), "{'single':1}",
                "{\"a\":NaN}", "{\"a\":01}", "{\"x\":\"\\ud800\"," + valid.substring(1))) {
            probes.add(new Probe(method, path, "application/json", body, headers, true,
                    "body " + abbreviate(body)));
        }
        for (String type : List.of("*/*", "application/*", "text/plain", "application/xml", "garbage",
                "application/json; charset=ISO-8859-1; x=\"", "multipart/form-data",
                "application/x-www-form-urlencoded")) {
            probes.add(new Probe(method, path, type, valid, headers, true, "Content-Type " + type));
        }
        return this;
    }

    /** One request of the caller's own making. */
    HostileInput probe(String method, String path, String body, Map<String, String> headers, boolean mustRefuse,
                       String why) {
        probes.add(new Probe(method, path, body == null ? null : "application/json", body, headers, mustRefuse, why));
        return this;
    }

    /** Header values that are not what they should be. */
    HostileInput badHeaders(String method, String path, String valid, Map<String, String> headers) {
        for (String tenant : List.of("../x", "a b", "x".repeat(65), "t\u00e9", "%00")) {
            Map<String, String> bad = new LinkedHashMap<>(headers);
            bad.put("X-Tenant-Id", tenant);
            probes.add(new Probe(method, path, "application/json", valid, bad, true, "X-Tenant-Id " + tenant));
        }
        if (headers.containsKey("If-Match")) {
            for (String version : List.of(" ", "*", "abc", "\"-1\"", "\"99999999999999999999\"", "\"\"", "W/")) {
                Map<String, String> bad = new LinkedHashMap<>(headers);
                bad.put("If-Match", version);
                probes.add(new Probe(method, path, "application/json", valid, bad, true, "If-Match " + version));
            }
            Map<String, String> none = new LinkedHashMap<>(headers);
            none.remove("If-Match");
            probes.add(new Probe(method, path, "application/json", valid, none, true, "no If-Match"));
        }
        Map<String, String> user = new LinkedHashMap<>(headers);
        user.put("X-User-Id", "u".repeat(200));
        probes.add(new Probe(method, path, "application/json", valid, user, !method.equals("GET"),
                "X-User-Id of 200 characters"));
        return this;
    }

    /** A GET with each query value in {@code values}, all expected to be refused. */
    HostileInput badQueries(String path, Map<String, List<String>> values) {
        values.forEach((name, list) -> list.forEach(value -> probes.add(new Probe("GET",
                path + (path.contains("?") ? "&" : "?") + name + "=" + value, null, null, Map.of(), true,
                name + "=" + value))));
        return this;
    }

    /** Ids that are not ids, in place of {@code {id}}. */
    HostileInput badIds(String method, String pathWithId, String body, Map<String, String> headers) {
        for (String id : List.of("x".repeat(5000), "a%20b", "%C3%BC", "%E2%80%8B", "..", "%2e%2e", "a;b",
                "a%3Bb", "%F0%9F%98%80")) {
            probes.add(new Probe(method, pathWithId.replace("{id}", id), body == null ? null : "application/json",
                    body, headers, true, "id " + abbreviate(id)));
        }
        return this;
    }

    /** Null when the answer is acceptable for the probe, else why not. */
    static String judge(Probe probe, int status, String contentType, String body) {
        if (status >= 500 || status < 100) {
            return "answered " + status;
        }
        if (probe.mustRefuse() && (status < 400 || status >= 500)) {
            return "accepted with " + status + " what must be refused";
        }
        if (status >= 400) {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return "error " + status + " is not a problem (Content-Type " + contentType + ")";
            }
            JsonNode problem;
            try {
                problem = Http.JSON.readTree(body);
            } catch (RuntimeException e) {
                return "error body is not JSON";
            }
            for (String member : List.of("type", "title", "status", "detail", "instance")) {
                if (problem.get(member) == null || problem.get(member).isNull()) {
                    return "problem without " + member;
                }
            }
            if (problem.get("status").asInt() != status) {
                return "problem status " + problem.get("status") + " differs from " + status;
            }
        }
        String leak = leakIn(body);
        return leak == null ? null : "the answer names '" + leak + "': " + abbreviate(body);
    }

    /** The first of the service's insides (a Java, Jackson or SQL word) an answer names, or null. */
    static String leakIn(String body) {
        String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
        return LEAKS.stream().filter(lower::contains).findFirst().orElse(null);
    }

    private static List<JsonNode> wrongTypes(JsonNode good) {
        List<JsonNode> bad = new ArrayList<>();
        if (!good.isString()) {
            bad.add(NODES.stringNode("12"));
            bad.add(NODES.stringNode(""));
        }
        if (!good.isNumber()) {
            bad.add(NODES.numberNode(123));
        }
        if (good.isIntegralNumber()) {
            bad.add(NODES.numberNode(1.5));
            bad.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
        }
        if (!good.isBoolean()) {
            bad.add(NODES.booleanNode(true));
        }
        if (good.isBoolean()) {
            bad.add(NODES.numberNode(1));
        }
        if (!good.isArray()) {
            bad.add(NODES.arrayNode().add("x"));
        } else {
            bad.add(NODES.arrayNode().addNull());
        }
        if (!good.isObject()) {
            bad.add(NODES.objectNode().put("a", 1));
        }
        return bad;
    }

    private static List<String> unstorable() {
        return List.of("\u0000", "\u0000leading", "trailing\u0000", "a\ud800b", "\udc00", "\ud83d");
    }

    private static JsonNode deep(int depth) {
        ObjectNode root = NODES.objectNode();
        ObjectNode at = root;
        for (int i = 0; i < depth; i++) {
            at = at.putObject("d");
        }
        return root;
    }

    private static String with(ObjectNode template, String field, JsonNode value) {
        ObjectNode copy = template.deepCopy();
        copy.set(field, value);
        return escapeSurrogates(copy.toString());
    }

    /** A lone surrogate must travel as a JSON escape: a client's UTF-8 encoder would turn it into '?'. */
    private static String escapeSurrogates(String json) {
        StringBuilder out = new StringBuilder(json.length());
        json.chars().forEach(c -> out.append(Character.isSurrogate((char) c) ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }

    private static String without(ObjectNode template, String field) {
        ObjectNode copy = template.deepCopy();
        copy.remove(field);
        return copy.toString();
    }

    private static String describe(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return "'" + out + "'";
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "…(" + text.length() + ")";
    }
}
