package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Message numbers are the store's: 16 threads appending 500 messages each to one session get 1..8,000
 * with no gap and no duplicate (the peers' MAX()+1 under a process lock hands two writers one number).
 */
class ChatSequenceTest {
    private static final Caller ALICE = new Caller(TenantId.DEFAULT, "alice");

    @TempDir
    Path directory;
    private Store store;
    private ChatHistory chat;

    private void open(String type) {
        store = TestStores.open(type, directory, Clock.systemUTC());
        chat = ChatConfiguration.chatHistory(Wiring.of(store, TestStores.VALIDATOR, Clock.systemUTC(),
                Duration.ofMinutes(5)));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private ChatSession openSession(String id) {
        return chat.openSession(ALICE, id, new ChatSession.Details("A conversation", null, "alice", null, null,
                "model", "provider", null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSixteenWritersOnOneSession_theNumbers_areOneToEightThousandWithoutGapOrDuplicate(String type)
            throws Exception {
        open(type);
        openSession("s1");
        int writers = 16;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Long>>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                go.await();
                List<Long> numbers = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    numbers.add(chat.append(ALICE, "s1", new ChatMessage.NewMessage("w" + writer + "-" + i,
                            MessageRole.USER, "message " + i + " of writer " + writer, 2, null, null, null))
                            .sequenceNumber());
                }
                return numbers;
            }));
        }
        go.countDown();
        Set<Long> answered = new HashSet<>();
        for (Future<List<Long>> f : done) {
            answered.addAll(f.get());
        }
        pool.shutdown();

        assertThat(answered).as("numbers answered to the writers").hasSize(writers * each);
        assertThat(answered).allMatch(n -> n >= 1 && n <= writers * each);
        List<Long> stored = new ArrayList<>();
        for (long after = 0; ; ) {
            List<ChatMessage> page = chat.messages(ALICE, "s1", after, 500);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(m -> stored.add(m.sequenceNumber()));
            after = page.get(page.size() - 1).sequenceNumber();
        }
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= writers * each; n++) {
            expected.add(n);
        }
        assertThat(stored).as("stored numbers, in order").isEqualTo(expected);
        ChatSession session = chat.session(ALICE, "s1");
        assertThat(session.messageCount()).isEqualTo(writers * each);
        assertThat(session.totalTokensUsed()).isEqualTo(2L * writers * each);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenASession_branchesStayInItAndAStreamedAnswerUpdatesTheTokenTotal(String type) {
        open(type);
        openSession("s1");
        openSession("s2");
        ChatMessage question = chat.append(ALICE, "s1", new ChatMessage.NewMessage("q", MessageRole.USER, "why?", 3,
                null, null, null));
        ChatMessage answer = chat.append(ALICE, "s1", new ChatMessage.NewMessage("a", MessageRole.ASSISTANT, "", 0,
                "q", null, MessageStatus.PENDING));

        ChatMessage finished = chat.updateMessage(ALICE, "a", answer.version(), new ChatHistory.MessageUpdate(
                "because", MessageStatus.COMPLETED, 40, null));

        assertThat(question.sequenceNumber()).isEqualTo(1);
        assertThat(finished.sequenceNumber()).isEqualTo(2);
        assertThat(finished.status()).isEqualTo(MessageStatus.COMPLETED);
        assertThat(chat.session(ALICE, "s1").totalTokensUsed()).isEqualTo(43);
        assertThatThrownBy(() -> chat.append(ALICE, "s2", new ChatMessage.NewMessage(null, MessageRole.USER, "x", 0,
                "q", null, null))).as("a parent in another session").isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("parentMessageId");
        ChatSession archived = chat.updateSession(ALICE, "s2", 0L, new ChatSession.Details(null, null, null, null,
                SessionStatus.ARCHIVED, null, null, null, null, null));
        assertThat(archived.status()).isEqualTo(SessionStatus.ARCHIVED);
        assertThatThrownBy(() -> chat.append(ALICE, "s2", new ChatMessage.NewMessage(null, MessageRole.USER, "x", 0,
                null, null, null))).isInstanceOf(InvalidTransition.class);
        assertThat(chat.sessions(ALICE, "alice", null, dev.orchestra.domain.shared.PageRequest.first(10,
                List.of())).items()).extracting(ChatSession::id).as("most recently modified first")
                .containsExactly("s2", "s1");
    }
}
