package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.chatMessage;
import static dev.orchestra.domain.testing.TestData.chatSession;
import static dev.orchestra.domain.testing.TestData.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatStatistics;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SearchWords;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.testing.Records;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code ChatSessions} must have. */
public abstract class ChatSessionsContractTest extends StoreContract {

    @Test
    void givenASession_add_thenItReadsBackEqualAfterReopenWithAnExactCostInItsTenantOnly() {
        ChatSession session = chatSession("s1", "alice");

        write(() -> store.chatSessions().addSession(session));
        reopen();

        ChatSession read = read(() -> store.chatSessions().findSession(TENANT, "s1")).orElseThrow();
        assertThat(read).isEqualTo(session);
        assertThat(read.estimatedCost()).isEqualTo(new BigDecimal("0.01250000"));
        assertThat(read(() -> store.chatSessions().findSession(OTHER_TENANT, "s1"))).isEmpty();
        assertThatThrownBy(() -> write(() -> store.chatSessions().addSession(session))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenASession_update_checksTheVersion() {
        ChatSession stored = write(() -> store.chatSessions().addSession(chatSession("s1", "alice")));
        ChatSession archived = stored.with(new ChatSession.Details(null, null, null, null, SessionStatus.ARCHIVED,
                null, null, null, null, null), T0.plusSeconds(5));

        ChatSession updated = write(() -> store.chatSessions().updateSession(archived));
        reopen();

        assertThat(read(() -> store.chatSessions().findSession(TENANT, "s1"))).contains(updated);
        assertThat(updated.version()).isEqualTo(1);
        assertThatThrownBy(() -> write(() -> store.chatSessions().updateSession(archived)))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.chatSessions().updateSession(chatSession("nope", "bob"))))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void givenMessages_theyAreReadInOrderPageByPageAndANumberIsNeverTakenTwice() {
        write(() -> store.chatSessions().addSession(chatSession("s1", "alice")));
        writeVoid(() -> {
            for (int n = 1; n <= 7; n++) {
                store.chatSessions().addMessage(chatMessage("m" + n, "s1", n, "message " + n));
            }
        });
        reopen();

        assertThat(read(() -> store.chatSessions().messages(TENANT, "s1", 0, 3)))
                .extracting(ChatMessage::sequenceNumber).containsExactly(1L, 2L, 3L);
        assertThat(read(() -> store.chatSessions().messages(TENANT, "s1", 5, 10)))
                .extracting(ChatMessage::id).containsExactly("m6", "m7");
        assertThat(read(() -> store.chatSessions().messages(TENANT, "s1", 7, 10))).isEmpty();
        assertThat(read(() -> store.chatSessions().messages(OTHER_TENANT, "s1", 0, 10))).isEmpty();
        assertThatThrownBy(() -> write(() -> store.chatSessions().addMessage(chatMessage("other", "s1", 3, "x"))))
                .as("a number the session has").isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.chatSessions().addMessage(chatMessage("m1", "s1", 8, "x"))))
                .as("an id that exists").isInstanceOf(Conflict.class);
        assertThat(read(() -> store.chatSessions().findMessages(TENANT,
                ChatFields.Message.SESSION_ID.eq("s1"), PageRequest.first(10, List.of()))).totalItems()).isEqualTo(7);
    }

    @Test
    void givenASessionWithMessages_removing_takesTheMessagesAndTheSessionAndNothingElse() {
        writeVoid(() -> {
            store.chatSessions().addSession(chatSession("s1", "alice"));
            store.chatSessions().addSession(chatSession("s2", "alice"));
            store.chatSessions().addMessage(chatMessage("m1", "s1", 1, "a"));
            store.chatSessions().addMessage(chatMessage("m2", "s1", 2, "b"));
            store.chatSessions().addMessage(chatMessage("k1", "s2", 1, "c"));
        });

        int removed = write(() -> store.chatSessions().removeMessages(TENANT, "s1"));
        writeVoid(() -> store.chatSessions().removeSession(TENANT, "s1"));
        reopen();

        assertThat(removed).isEqualTo(2);
        assertThat(read(() -> store.chatSessions().findSession(TENANT, "s1"))).isEmpty();
        assertThat(read(() -> store.chatSessions().findMessage(TENANT, "m1"))).isEmpty();
        assertThat(read(() -> store.chatSessions().messages(TENANT, "s2", 0, 10))).extracting(ChatMessage::id)
                .containsExactly("k1");
        assertThatThrownBy(() -> writeVoid(() -> store.chatSessions().removeSession(TENANT, "s1")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void givenTenThousandSeededMessages_search_findsExactlyTheMessagesHoldingTheWordsRankedAndScopedToTheUser() {
        long seed = Long.getLong("chat.seed", 20261130L);
        java.util.Random random = new java.util.Random(seed);
        List<String> vocabulary = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            vocabulary.add("w" + Integer.toString(i * 7919 % 1000, 36) + (i % 2 == 0 ? "é" : ""));
        }
        java.util.Map<String, String> contents = new java.util.HashMap<>();
        writeVoid(() -> {
            for (int s = 0; s < 10; s++) {
                store.chatSessions().addSession(Records.with(chatSession("s" + s, s < 8 ? "alice" : "bob"),
                        "title", "Session about " + vocabulary.get(s)));
            }
            for (int n = 0; n < 10_000; n++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0, words = 3 + random.nextInt(12); w < words; w++) {
                    text.append(w == 0 ? "" : random.nextBoolean() ? " " : ", ")
                            .append(vocabulary.get(random.nextInt(vocabulary.size())));
                }
                String session = "s" + (n % 10);
                contents.put("m" + n, session + "|" + text);
                store.chatSessions().addMessage(chatMessage("m" + n, session, n / 10 + 1, text.toString()));
            }
        });

        for (int q = 0; q < 5; q++) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            String query = q % 2 == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word.replace("é", "e");
            List<String> words = SearchWords.of(query);
            java.util.Set<String> expected = new java.util.TreeSet<>();
            contents.forEach((id, value) -> {
                String[] parts = value.split("\\|", 2);
                int session = Integer.parseInt(parts[0].substring(1));
                if (session < 8 && SearchWords.split(parts[1]).contains(words.get(0))) {
                    expected.add(id);
                }
            });
            List<ChatHit> hits = read(() -> store.chatSessions().search(TENANT, "alice", null, words, 20_000));
            java.util.Set<String> found = new java.util.TreeSet<>();
            hits.stream().filter(h -> h.messageId() != null).forEach(h -> found.add(h.messageId()));
            assertThat(found).as("hits for '%s', seed %d", query, seed).isEqualTo(expected);
            assertThat(hits).as("ranked, seed %d", seed).extracting(ChatHit::rank).isSorted();
            assertThat(hits.get(0).snippet()).as("the match is marked").contains("[");
        }
        assertThat(read(() -> store.chatSessions().search(TENANT, "alice", "s1", SearchWords.of(vocabulary.get(1)),
                100))).extracting(ChatHit::sessionId).containsOnly("s1").isNotEmpty();
        assertThat(read(() -> store.chatSessions().search(TENANT, "alice", null, SearchWords.of("Session "
                + vocabulary.get(9)), 100))).as("bob's session is not alice's").isEmpty();
        for (String odd : List.of("\"", "*", "NEAR(", "a OR", "-x", "w1* AND \"", "'); DROP TABLE chat_messages;--")) {
            assertThat(read(() -> store.chatSessions().search(TENANT, "alice", null, SearchWords.of(odd), 10)))
                    .as("query %s", odd).isNotNull();
        }
    }

    @Test
    void givenAConversation_statistics_countRolesTokensCostAndTheAverageResponseTime() {
        MessageRole[] roles = {MessageRole.USER, MessageRole.ASSISTANT, MessageRole.USER, MessageRole.TOOL,
                MessageRole.ASSISTANT, MessageRole.USER, MessageRole.ASSISTANT};
        // Answers 1.5 s and 0.5 s after their questions (the nine fractional digits count): 1 s on average.
        java.time.Instant[] at = {T0, T0.plusMillis(1500), T0.plusSeconds(10), T0.plusSeconds(11),
                T0.plusSeconds(12), T0.plusSeconds(20), T0.plusSeconds(20).plusMillis(500)};
        writeVoid(() -> {
            store.chatSessions().addSession(chatSession("s1", "alice"));
            store.chatSessions().addSession(Records.with(Records.with(chatSession("s2", "alice"), "model", "haiku"),
                    "createdAt", T0.plusSeconds(60)));
            store.chatSessions().addSession(chatSession("s3", "bob"));
            for (int i = 0; i < roles.length; i++) {
                store.chatSessions().addMessage(Records.with(Records.with(chatMessage("m" + i, "s1", i + 1, "x"),
                        "role", roles[i]), "timestamp", at[i]));
            }
            store.chatSessions().addToolCall(toolCall("c1", "m3", "s1", "read_file"));
            store.chatSessions().addToolCall(toolCall("c2", "m3", "s1", "read_file"));
            store.chatSessions().addToolCall(toolCall("c3", "m3", "s1", "grep"));
            store.chatSessions().addToolCall(toolCall("c4", "x", "s3", "shell"));
        });

        ChatStatistics.OfSession session = read(() -> store.chatSessions().sessionStatistics(TENANT, "s1"));
        ChatStatistics.OfUser user = read(() -> store.chatSessions().userStatistics(TENANT, "alice"));

        assertThat(session.messages()).isEqualTo(7);
        assertThat(session.messagesByRole()).containsEntry(MessageRole.USER, 3L).containsEntry(MessageRole.ASSISTANT,
                3L).containsEntry(MessageRole.TOOL, 1L).doesNotContainKey(MessageRole.SYSTEM);
        assertThat(session.tokens()).isEqualTo(7 * 12);
        assertThat(session.responses()).isEqualTo(2);
        assertThat(session.averageResponseTime()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(session.estimatedCost()).isEqualTo(new BigDecimal("0.01250000"));
        assertThat(user.sessions()).isEqualTo(2);
        assertThat(user.estimatedCost()).isEqualTo(new BigDecimal("0.02500000"));
        assertThat(user.firstSessionAt()).isEqualTo(T0);
        assertThat(user.lastSessionAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(user.sessionsByModel()).containsEntry("claude-opus", 1L).containsEntry("haiku", 1L);
        assertThat(session.toolUsage()).isEqualTo(java.util.Map.of("read_file", 2L, "grep", 1L));
        assertThat(user.topTools()).as("bob's calls are not alice's").isEqualTo(java.util.Map.of("read_file", 2L,
                "grep", 1L));
        assertThat(read(() -> store.chatSessions().userStatistics(TENANT, "nobody")).sessions()).isZero();
        assertThatThrownBy(() -> read(() -> store.chatSessions().sessionStatistics(TENANT, "nope")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void givenAToolCall_add_thenItReadsBackEqualAfterReopenInItsTenantOnlyAndOnce() {
        ToolCall call = toolCall("tc-1", "m1", "s1", "read_file");

        write(() -> store.chatSessions().addToolCall(call));
        reopen();

        assertThat(read(() -> store.chatSessions().findToolCall(TENANT, "tc-1"))).contains(call);
        assertThat(read(() -> store.chatSessions().findToolCall(OTHER_TENANT, "tc-1"))).isEmpty();
        assertThatThrownBy(() -> write(() -> store.chatSessions().addToolCall(call))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenAStreamedAnswer_update_changesItsContentAndStatusAndChecksTheVersion() {
        write(() -> store.chatSessions().addSession(chatSession("s1", "alice")));
        ChatMessage pending = write(() -> store.chatSessions().addMessage(
                chatMessage("m1", "s1", 1, "").updated(null, MessageStatus.PENDING, 0, null)));
        ChatMessage done = pending.updated("the whole answer", MessageStatus.COMPLETED, 310, null);

        ChatMessage updated = write(() -> store.chatSessions().updateMessage(done));
        reopen();

        assertThat(read(() -> store.chatSessions().findMessage(TENANT, "m1"))).contains(updated);
        assertThat(updated.sequenceNumber()).isEqualTo(1);
        assertThatThrownBy(() -> write(() -> store.chatSessions().updateMessage(done))).isInstanceOf(Conflict.class);
    }
}
