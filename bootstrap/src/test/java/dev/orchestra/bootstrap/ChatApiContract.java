package dev.orchestra.bootstrap;

import static dev.orchestra.bootstrap.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sessions and messages of the Chat section of REST-API.md; part of {@link RestApiContract}. */
interface ChatApiContract {
    /** A client in the test's own tenant. */
    Http http();

    /** How many rows the test's tenant has in an area of the store, read behind the API. */
    long rows(String area);

    String SESSION = "{\"id\":\"s1\",\"title\":\"Refactor the parser\",\"userId\":\"alice\",\"agentId\":\"agent-1\","
            + "\"model\":\"opus\",\"provider\":\"anthropic\",\"estimatedCost\":0.0125,\"totalDuration\":\"PT42S\","
            + "\"metadata\":{\"tags\":[\"parser\"],\"summary\":\"s\",\"customData\":{\"priority\":1}}}";

    @Test
    default void givenASession_messagesAreNumberedReadInOrderAndAStreamedAnswerIsUpdated() {
        Http http = http();
        Http.Response opened = http.post("/api/v1/chat/sessions", SESSION);
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
        assertThat(opened.header("Location")).isEqualTo("/api/v1/chat/sessions/s1");
        assertThat(opened.json().get("estimatedCost").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(opened.json().get("metadata").get("customData").get("priority").asInt()).isEqualTo(1);

        Http.Response first = http.post("/api/v1/chat/sessions/s1/messages", "{\"role\":\"USER\",\"content\":"
                + "\"Why is it slow?\",\"tokenCount\":5}");
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.json().get("sequenceNumber").asLong()).isEqualTo(1);
        String firstId = first.json().get("id").asString();
        Http.Response answer = http.post("/api/v1/chat/sessions/s1/messages", "{\"id\":\"a1\",\"role\":\"ASSISTANT\","
                + "\"content\":\"\",\"parentMessageId\":\"" + firstId + "\",\"status\":\"PENDING\"}");
        assertThat(answer.json().get("sequenceNumber").asLong()).isEqualTo(2);
        assertThat(answer.header("Location")).isEqualTo("/api/v1/chat/messages/a1");

        assertProblem(http.put("/api/v1/chat/messages/a1", "{\"content\":\"Because\",\"status\":\"COMPLETED\"}"),
                428, "precondition-required");
        Http.Response done = http.put("/api/v1/chat/messages/a1", "{\"content\":\"Because of the regex\","
                + "\"status\":\"COMPLETED\",\"tokenCount\":30}", "If-Match", "\"0\"");
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(done.json().get("sequenceNumber").asLong()).isEqualTo(2);
        JsonNode page = http.get("/api/v1/chat/sessions/s1/messages?afterSequence=1&limit=10").json();
        assertThat(page.size()).isEqualTo(1);
        assertThat(page.get(0).get("content").asString()).isEqualTo("Because of the regex");
        Http.Response call = http.post("/api/v1/chat/messages/a1/tool-calls", "{\"id\":\"tc1\",\"name\":\"read_file\","
                + "\"arguments\":{\"path\":\"src/Parser.java\"},\"result\":{\"lines\":120},\"success\":true,"
                + "\"duration\":\"PT0.035S\"}");
        assertThat(call.status()).as(call.raw().body()).isEqualTo(201);
        assertThat(call.header("Location")).isEqualTo("/api/v1/chat/tool-calls/tc1");
        assertThat(http.get("/api/v1/chat/tool-calls/tc1").json().get("sessionId").asString()).isEqualTo("s1");
        assertThat(http.get("/api/v1/chat/tool-calls/tc1").json().get("arguments").get("path").asString())
                .isEqualTo("src/Parser.java");
        assertProblem(http.post("/api/v1/chat/messages/a1/tool-calls", "{\"name\":\"x\",\"arguments\":{\"big\":\""
                + "x".repeat(8000) + "\"},\"success\":true}"), 400, "validation");
        assertProblem(http.post("/api/v1/chat/messages/nope/tool-calls", "{\"name\":\"x\",\"arguments\":{},"
                + "\"success\":true}"), 404, "not-found");
        JsonNode statistics = http.get("/api/v1/chat/sessions/s1/statistics").json();
        assertThat(statistics.get("messagesByRole").get("ASSISTANT").asLong()).isEqualTo(1);
        assertThat(statistics.get("tokens").asLong()).isEqualTo(35);
        assertThat(statistics.get("responses").asLong()).isEqualTo(1);
        assertThat(statistics.get("toolUsage").get("read_file").asLong()).isEqualTo(1);
        assertThat(statistics.get("averageResponseTime").asString()).startsWith("PT");
        JsonNode user = http.get("/api/v1/chat/users/alice/statistics").json();
        assertThat(user.get("sessions").asLong()).isEqualTo(1);
        assertThat(user.get("estimatedCost").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(user.get("sessionsByModel").get("opus").asLong()).isEqualTo(1);
        assertProblem(http.get("/api/v1/chat/sessions/nope/statistics"), 404, "not-found");
        JsonNode session = http.get("/api/v1/chat/sessions/s1").json();
        assertThat(session.get("messageCount").asLong()).isEqualTo(2);
        assertThat(session.get("totalTokensUsed").asLong()).isEqualTo(35);
        assertThat(http.get("/api/v1/chat/messages/a1").header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    default void givenConversations_searchFindsMarkedWordsOfOneUserAndOddQueriesAreText() {
        Http http = http();
        http.post("/api/v1/chat/sessions", SESSION);
        http.post("/api/v1/chat/sessions", SESSION.replace("\"s1\"", "\"s2\"").replace("alice", "bob"));
        http.post("/api/v1/chat/sessions/s1/messages", "{\"role\":\"USER\",\"content\":\"The tokenizer is slow "
                + "on Crème brûlée recipes\"}");
        http.post("/api/v1/chat/sessions/s2/messages", "{\"role\":\"USER\",\"content\":\"bob's tokenizer\"}");

        JsonNode hits = http.get("/api/v1/chat/search?userId=alice&q=TOKENIZER%20creme").json();
        assertThat(hits.size()).isEqualTo(1);
        assertThat(hits.get(0).get("sessionId").asString()).isEqualTo("s1");
        assertThat(hits.get(0).get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(hits.get(0).get("snippet").asString()).contains("[tokenizer]").contains("[Crème]");
        assertThat(http.get("/api/v1/chat/search?userId=alice&q=parser").json().get(0).get("messageId").isNull())
                .as("the session's title matched").isTrue();
        for (String odd : new String[] {"%22", "*", "NEAR(", "a%20OR", "-x", "%22%20OR%20%221%22%3D%221"}) {
            assertThat(http.get("/api/v1/chat/search?userId=alice&q=" + odd).status()).as(odd).isEqualTo(200);
        }
        assertProblem(http.get("/api/v1/chat/search?q=tokenizer"), 400, "validation");
        assertProblem(http.get("/api/v1/chat/search?userId=alice&q=%20"), 400, "validation");
        assertProblem(http.get("/api/v1/chat/search?userId=alice&q=x&limit=0"), 400, "validation");
    }

    @Test
    default void givenSessions_listByUserAndStatus_andBadInputNamesTheField() {
        Http http = http();
        http.post("/api/v1/chat/sessions", SESSION);
        http.post("/api/v1/chat/sessions", SESSION.replace("\"s1\"", "\"s2\"").replace("alice", "bob"));
        Http.Response archived = http.put("/api/v1/chat/sessions/s1", "{\"status\":\"ARCHIVED\"}", "If-Match", "\"0\"");
        assertThat(archived.status()).as(archived.raw().body()).isEqualTo(200);

        assertThat(http.get("/api/v1/chat/sessions?userId=alice").json().get("items").findValuesAsString("id"))
                .containsExactly("s1");
        assertThat(http.get("/api/v1/chat/sessions?status=ACTIVE").json().get("items").findValuesAsString("id"))
                .containsExactly("s2");
        assertProblem(http.post("/api/v1/chat/sessions/s1/messages", "{\"role\":\"USER\",\"content\":\"x\"}"), 409,
                "invalid-transition");
        assertProblem(http.post("/api/v1/chat/sessions", SESSION), 409, "conflict");
        assertProblem(http.post("/api/v1/chat/sessions", SESSION.replace("0.0125", "0.000000001")), 400, "validation");
        assertProblem(http.post("/api/v1/chat/sessions", SESSION.replace("0.0125", "\"0.01\"")), 400, "malformed-body");
        assertProblem(http.post("/api/v1/chat/sessions", "{\"title\":\"t\"}"), 400, "validation");
        assertProblem(http.put("/api/v1/chat/sessions/s2", "{\"userId\":\"mallory\"}", "If-Match", "\"0\""), 400,
                "validation");
        assertProblem(http.post("/api/v1/chat/sessions/s2/messages", "{\"role\":\"USER\",\"content\":\"x\","
                + "\"parentMessageId\":\"ghost\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/chat/sessions/nope/messages", "{\"role\":\"USER\",\"content\":\"x\"}"), 404,
                "not-found");
        assertProblem(http.get("/api/v1/chat/sessions/s2/messages?limit=0"), 400, "validation");
        assertProblem(http.get("/api/v1/chat/sessions/s2/messages?afterSequence=-1"), 400, "validation");
        assertProblem(http.get("/api/v1/chat/sessions/nope/messages"), 404, "not-found");
        assertThat(http.withHeader("X-Tenant-Id", "elsewhere").get("/api/v1/chat/sessions/s2").status())
                .isEqualTo(404);
        http.post("/api/v1/chat/sessions/s2/messages", "{\"role\":\"USER\",\"content\":\"keep me\"}");
        assertProblem(http.delete("/api/v1/chat/sessions/s2"), 428, "precondition-required");
        assertProblem(http.delete("/api/v1/chat/sessions/s2", "If-Match", "\"1\""), 409, "conflict");
        assertThat(http.get("/api/v1/chat/sessions/s2/messages").json().size()).as("nothing removed").isEqualTo(1);
        assertThat(http.delete("/api/v1/chat/sessions/s2?withMessages=true", "If-Match", "\"1\"").status())
                .isEqualTo(204);
        assertProblem(http.get("/api/v1/chat/sessions/s2"), 404, "not-found");
        assertProblem(http.get("/api/v1/chat/sessions/s2/messages"), 404, "not-found");
    }

    @Test
    default void givenAToolNeedingApproval_itIsDecidedOnceWithWhoAndWhenAndRunsToItsEnd() {
        Http http = http();
        http.post("/api/v1/chat/sessions", SESSION);
        Http.Response requested = http.post("/api/v1/chat/sessions/s1/tool-executions", "{\"id\":\"run-1\","
                + "\"toolName\":\"run_shell\",\"input\":{\"command\":\"rm -rf build\"},\"agentId\":\"agent-1\","
                + "\"requiresApproval\":true,\"approvalExpiresAt\":\"2999-01-01T00:00:00Z\"}");
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
        assertThat(requested.header("Location")).isEqualTo("/api/v1/chat/tool-executions/run-1");
        assertThat(requested.json().get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        JsonNode approval = requested.json().get("approval");
        assertThat(approval.get("required").asBoolean()).isTrue();
        // The digest is of the input's JSON text as stored and answered.
        assertThat(approval.get("argumentsSha256").asString()).isEqualTo(dev.orchestra.domain.shared.Digests
                .sha256(requested.json().get("input").toString()));
        assertProblem(http.put("/api/v1/chat/tool-executions/run-1", "{\"status\":\"RUNNING\"}", "If-Match",
                "\"0\""), 409, "invalid-transition");
        assertProblem(http.post("/api/v1/chat/tool-executions/run-1/approve", "{\"by\":\"alice\","
                + "\"argumentsSha256\":\"" + "0".repeat(64) + "\"}"), 409, "conflict");
        assertProblem(http.post("/api/v1/chat/tool-executions/run-1/approve", "{}"), 400, "validation");

        Http.Response approved = http.post("/api/v1/chat/tool-executions/run-1/approve", "{\"by\":\"alice\","
                + "\"reason\":\"a build folder\",\"argumentsSha256\":\"" + approval.get("argumentsSha256").asString()
                + "\"}");
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(approved.json().get("approval").get("decision").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approval").get("by").asString()).isEqualTo("alice");
        Http.Response again = http.post("/api/v1/chat/tool-executions/run-1/approve", "{\"by\":\"bob\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("approval").toString()).isEqualTo(approved.json().get("approval").toString());
        assertProblem(http.post("/api/v1/chat/tool-executions/run-1/reject", "{\"by\":\"bob\"}"), 409,
                "conflict");

        Http.Response running = http.put("/api/v1/chat/tool-executions/run-1", "{\"status\":\"RUNNING\"}",
                "If-Match", "\"1\"");
        assertThat(running.status()).as(running.raw().body()).isEqualTo(200);
        Http.Response done = http.put("/api/v1/chat/tool-executions/run-1", "{\"status\":\"COMPLETED\","
                + "\"output\":{\"removed\":12}}", "If-Match", "\"2\"");
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(done.json().get("output").get("removed").asInt()).isEqualTo(12);
        assertThat(done.json().get("duration").asString()).startsWith("PT");
        assertProblem(http.put("/api/v1/chat/tool-executions/run-1", "{\"status\":\"FAILED\"}", "If-Match",
                "\"3\""), 409, "invalid-transition");

        http.post("/api/v1/chat/sessions/s1/tool-executions", "{\"id\":\"run-2\",\"toolName\":\"read_file\","
                + "\"input\":{}}");
        Http.Response rejectedRun = http.post("/api/v1/chat/sessions/s1/tool-executions", "{\"id\":\"run-3\","
                + "\"toolName\":\"deploy\",\"input\":{},\"requiresApproval\":true}");
        assertThat(rejectedRun.status()).isEqualTo(201);
        Http.Response rejected = http.post("/api/v1/chat/tool-executions/run-3/reject", "{\"by\":\"carol\"}");
        assertThat(rejected.json().get("status").asString()).isEqualTo("CANCELLED");
        assertProblem(http.post("/api/v1/chat/tool-executions/run-3/approve", "{\"by\":\"carol\"}"), 409,
                "conflict");
        assertProblem(http.post("/api/v1/chat/tool-executions/run-2/approve", "{\"by\":\"carol\"}"), 409,
                "conflict");
        assertThat(http.get("/api/v1/chat/tool-executions/run-2").json().get("approval").get("required")
                .asBoolean()).isFalse();
        assertThat(http.get("/api/v1/chat/sessions/s1/tool-executions").json().get("items")
                .findValuesAsString("id")).containsExactly("run-1", "run-2", "run-3");
        assertThat(http.get("/api/v1/chat/sessions/s1/tool-executions?status=CANCELLED").json().get("items")
                .findValuesAsString("id")).containsExactly("run-3");
        assertProblem(http.get("/api/v1/chat/sessions/s1/tool-executions?status=DONE"), 400, "validation");
        assertProblem(http.get("/api/v1/chat/sessions/nope/tool-executions"), 404, "not-found");
        assertProblem(http.post("/api/v1/chat/sessions/s1/tool-executions", "{\"toolName\":\"x\",\"input\":{},"
                + "\"approvalExpiresAt\":\"2999-01-01T00:00:00Z\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/chat/sessions/s1/tool-executions", "{\"toolName\":\"x\",\"input\":{},"
                + "\"toolCallId\":\"ghost\"}"), 400, "validation");
        assertProblem(http.post("/api/v1/chat/sessions/s1/tool-executions", "{\"toolName\":\"x\"}"), 400,
                "validation");
        assertThat(http.withHeader("X-Tenant-Id", "elsewhere").get("/api/v1/chat/tool-executions/run-1").status())
                .isEqualTo(404);
    }

    @Test
    default void givenTheLongestFileNameInAnyScript_itIsAttachedAndOneCharacterMoreIsRefusedNamingIt() {
        Http http = http();
        http.post("/api/v1/chat/sessions", SESSION);
        http.post("/api/v1/chat/sessions/s1/messages", "{\"id\":\"m1\",\"role\":\"USER\",\"content\":\"see file\"}");
        // 255 characters of 3 UTF-8 bytes each: the part's headers were over Tomcat's 512-byte default, so a
        // name the store keeps came back as "413 the upload is larger than accepted" for a 3-byte file.
        String longest = "報".repeat(251) + ".txt";

        Http.Response attached = http.upload("/api/v1/chat/messages/m1/attachments", "file", longest, "text/plain",
                new byte[3]);
        assertThat(attached.status()).as(attached.raw().body()).isEqualTo(201);
        assertThat(attached.json().get("fileName").asString()).isEqualTo(longest);
        Http.Response over = http.upload("/api/v1/chat/messages/m1/attachments", "file", "報" + longest,
                "text/plain", new byte[3]);
        assertProblem(over, 400, "validation");
        assertThat(over.raw().body()).contains("the file name must be at most 255 characters");
        assertProblem(http.upload("/api/v1/chat/messages/m1/attachments", "file", "x".repeat(5000), "text/plain",
                new byte[3]), 413, "payload-too-large");
        assertThat(rows("attachments")).isEqualTo(1);
    }

    @Test
    default void givenAFile_itIsAttachedOnceByDigestDownloadedWithItsTypeAndTooLargeIsA413() {
        Http http = http();
        http.post("/api/v1/chat/sessions", SESSION);
        http.post("/api/v1/chat/sessions/s1/messages", "{\"id\":\"m1\",\"role\":\"USER\",\"content\":\"see file\"}");
        byte[] png = new byte[300_000];
        new java.util.Random(5).nextBytes(png);

        Http.Response attached = http.upload("/api/v1/chat/messages/m1/attachments", "file", "C:\\shots\\plot.png",
                "image/png", png);
        assertThat(attached.status()).as(attached.raw().body()).isEqualTo(201);
        JsonNode meta = attached.json();
        assertThat(meta.get("fileName").asString()).isEqualTo("plot.png");
        assertThat(meta.get("contentType").asString()).isEqualTo("image/png");
        assertThat(meta.get("size").asLong()).isEqualTo(png.length);
        assertThat(meta.get("sha256").asString()).isEqualTo(dev.orchestra.domain.shared.Digests.sha256(png));
        assertThat(meta.get("sessionId").asString()).isEqualTo("s1");
        String id = meta.get("id").asString();
        assertThat(attached.header("Location")).isEqualTo("/api/v1/chat/attachments/" + id);

        java.net.http.HttpResponse<byte[]> download = http.getBytes("/api/v1/chat/attachments/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("plot.png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(http.get("/api/v1/chat/attachments/" + id + "/metadata").json().get("sha256").asString())
                .isEqualTo(meta.get("sha256").asString());
        Http.Response second = http.upload("/api/v1/chat/messages/m1/attachments", "file", "copy.bin", null, png);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("contentType").asString()).isEqualTo("application/octet-stream");
        assertThat(second.json().get("sha256").asString()).isEqualTo(meta.get("sha256").asString());

        byte[] exactly = new byte[10 * 1024 * 1024];
        assertThat(http.upload("/api/v1/chat/messages/m1/attachments", "file", "max.bin", null, exactly).status())
                .isEqualTo(201);
        assertThat(rows("attachments")).isEqualTo(3);
        assertProblem(http.upload("/api/v1/chat/messages/m1/attachments", "file", "big.bin", null,
                new byte[11 * 1024 * 1024]), 413, "payload-too-large");
        assertProblem(http.upload("/api/v1/chat/messages/m1/attachments", "file", "one-over.bin", null,
                new byte[10 * 1024 * 1024 + 1]), 413, "payload-too-large");
        assertThat(rows("attachments")).as("nothing stored by a refused upload").isEqualTo(3);
        assertProblem(http.upload("/api/v1/chat/messages/ghost/attachments", "file", "a.txt", "text/plain",
                new byte[3]), 404, "not-found");
        assertProblem(http.upload("/api/v1/chat/messages/m1/attachments", "file", "a.txt", "text/*", new byte[3]),
                400, "validation");
        assertProblem(http.get("/api/v1/chat/attachments/nope"), 404, "not-found");
        assertThat(http.withHeader("X-Tenant-Id", "elsewhere").get("/api/v1/chat/attachments/" + id + "/metadata")
                .status()).isEqualTo(404);
        assertThat(http.get("/api/v1/chat/sessions/s1/statistics").status()).isEqualTo(200);

        assertThat(http.delete("/api/v1/chat/sessions/s1?withMessages=true", "If-Match", "\"1\"").status())
                .isEqualTo(204);
        assertProblem(http.get("/api/v1/chat/attachments/" + id), 404, "not-found");
        assertThat(rows("attachments")).isZero();
        assertThat(rows("chatMessages")).isZero();
    }
}
