package dev.orchestra.benchmarks;

import static dev.orchestra.benchmarks.Harness.log;

import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.bootstrap.ChatConfiguration;
import dev.orchestra.bootstrap.Wiring;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.shared.Times;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chat history measured against raw JDBC on a copy of the same database: appending a message (one writer;
 * 16 writers on 16 sessions; 16 writers on one session), reading a page of 100 messages from a
 * 100,000-message conversation, and searching a user's conversations among {@code --messages} messages.
 * The text is words of a synthetic vocabulary drawn with Zipf-like frequencies (a few words everywhere,
 * most rare), as in real conversations; a query is two words of the middle band.
 */
final class ChatBenchmark {
    private static final Caller CALLER = new Caller(dev.orchestra.domain.shared.TenantId.DEFAULT, "bench");
    static final String APPEND = "chat append, one writer";
    static final String APPEND16 = "chat append, 16 writers on 16 sessions";
    static final String APPEND_ONE = "chat append, 16 writers on one session";
    static final String PAGE = "chat page of 100 from a 100,000-message session";
    static final String SEARCH = "chat search, two words of one of the user's messages";
    static final String SEARCH_FREQUENT = "chat search, a word in one message of five";
    private static final int USERS = 100;
    private static final int PER_SESSION = 100;
    private static final int BIG = 100_000;
    private static final int VOCABULARY = 30_000;

    private final Path directory;
    private final Harness harness;
    private final Results results;
    private final int messages;
    private final String[] words = vocabulary();
    /** Per query: a user, and two words of one of that user's stored messages (drawn while filling). */
    private final String[][] queries = new String[300][];

    ChatBenchmark(Path directory, Harness harness, Results results, int messages) {
        this.directory = directory;
        this.harness = harness;
        this.results = results;
        this.messages = Math.max(messages, BIG + PER_SESSION);
    }

    void run() throws Exception {
        Path projectFile = directory.resolve("chat.db");
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(projectFile))) {
            log("chat: %s", store.description());
        }
        long started = System.nanoTime();
        fill(projectFile);
        log("chat: %,d messages stored in %d s", messages, (System.nanoTime() - started) / 1_000_000_000);
        Path rawFile = Files.copy(projectFile, directory.resolve("chat-raw.db"));
        List<RawChat> rawWriters = new ArrayList<>();
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(projectFile));
             RawChat raw = new RawChat(rawFile, false)) {
            for (int t = 0; t < 16; t++) {
                rawWriters.add(new RawChat(rawFile, false));
            }
            ChatHistory chat = ChatConfiguration.chatHistory(Wiring.of(store,
                    Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC(), Duration.ofMinutes(5)));
            Random text = new Random(7);
            String content = sentence(text, 24);

            compare(APPEND, 300, i -> chat.append(CALLER, "writer-00", message(content)),
                    i -> raw.append("writer-00", content, 12));
            Stats[] sixteen = harness.alternated(
                    () -> harness.concurrent(APPEND16, 16, 100, (t, i) ->
                            chat.append(CALLER, String.format("writer-%02d", t), message(content))),
                    () -> harness.concurrent(APPEND16, 16, 100, (t, i) ->
                            rawWriters.get(t).append(String.format("writer-%02d", t), content, 12)));
            results.figures.put("chat.append16.project", sixteen[0].rate());
            results.row(APPEND16, sixteen[0], sixteen[1]);
            Stats[] oneSession = harness.alternated(
                    () -> harness.concurrent(APPEND_ONE, 16, 100, (t, i) ->
                            chat.append(CALLER, "shared", message(content))),
                    () -> harness.concurrent(APPEND_ONE, 16, 100, (t, i) ->
                            rawWriters.get(t).append("shared", content, 12)));
            results.row(APPEND_ONE, oneSession[0], oneSession[1]);
            verifyGapless(projectFile, rawFile);

            Random pages = new Random(11);
            long[] after = new long[300];
            for (int i = 0; i < after.length; i++) {
                after[i] = pages.nextInt(BIG - 100);
            }
            compare(PAGE, 300, i -> {
                if (chat.messages(CALLER, "big", after[i], 100).size() != 100) {
                    throw new IllegalStateException("a page held fewer than 100 messages");
                }
            }, i -> {
                if (raw.page("big", after[i], 100) != 100) {
                    throw new IllegalStateException("a raw page held fewer than 100 messages");
                }
            });

            // Two words of a stored message of the user (so every query finds something), and a word about one
            // message in five holds (a user typing "the"): the index's worst case.
            AtomicInteger hits = new AtomicInteger();
            String search = SEARCH + " (" + String.format("%,d", messages) + " messages)";
            Stats[] searched = searchRow(chat, raw, search, queries, hits);
            results.figures.put("chat.search.p99", searched[0].p99Millis());
            String[][] frequent = new String[300][];
            Random pick = new Random(17);
            for (int i = 0; i < frequent.length; i++) {
                frequent[i] = new String[] {user(pick.nextInt(USERS)), words[5 + pick.nextInt(10)]};
            }
            AtomicInteger frequentHits = new AtomicInteger();
            Stats[] common = searchRow(chat, raw, SEARCH_FREQUENT, frequent, frequentHits);
            results.figures.put("chat.search.frequent.p99", common[0].p99Millis());
            results.notes.add(String.format("Chat: %,d messages of %d users (%,d sessions of %d and one of %,d),"
                    + " 8 to 40 words each from a %,d-word vocabulary with Zipf-like frequencies; a search is two"
                    + " words of one of the user's messages, at most 50 hits (%.1f hits a query on average); the"
                    + " frequent-word search asks for a word of ranks 6 to 15 (%.1f hits a query). Appends carry 24"
                    + " words; 16 writers append 100 messages each per run; every"
                    + " session's numbers were checked to run 1..n without a gap afterwards, in both databases.",
                    messages, USERS, (messages - BIG) / PER_SESSION, PER_SESSION, BIG, VOCABULARY,
                    hits.get() / (double) (queries.length * (harness.repeats() + 1)),
                    frequentHits.get() / (double) (frequent.length * (harness.repeats() + 1))));
        } finally {
            for (RawChat writer : rawWriters) {
                writer.close();
            }
        }
    }

    private Stats[] searchRow(ChatHistory chat, RawChat raw, String name, String[][] asked, AtomicInteger hits)
            throws Exception {
        Stats[] medians = harness.alternated(
                () -> harness.sequential(name, asked.length, 1, i ->
                        hits.addAndGet(chat.search(CALLER, asked[i][0], asked[i][1], null, 50).size())),
                () -> harness.sequential(name, asked.length, 1, i ->
                        raw.search(asked[i][0], List.of(asked[i][1].split(" ")), 50)));
        results.row(name, medians[0], medians[1]);
        return medians;
    }

    private static ChatMessage.NewMessage message(String content) {
        return new ChatMessage.NewMessage(null, MessageRole.USER, content, 12, null, null, null);
    }

    /** Every session in both databases numbers its messages 1..n: the count, the largest and n agree. */
    private static void verifyGapless(Path projectFile, Path rawFile) throws Exception {
        for (Path file : List.of(projectFile, rawFile)) {
            try (Connection c = RawJdbc.connect(file, true); Statement s = c.createStatement();
                 var rows = s.executeQuery("SELECT count(*) FROM (SELECT s.id FROM chat_sessions s"
                         + " LEFT JOIN chat_messages m ON m.tenant_id = s.tenant_id AND m.session_id = s.id"
                         + " GROUP BY s.id HAVING count(m.id) != s.message_count"
                         + " OR coalesce(max(m.sequence_number), 0) != s.message_count)")) {
                rows.next();
                if (rows.getLong(1) != 0) {
                    throw new IllegalStateException(rows.getLong(1) + " sessions with a gap in " + file);
                }
            }
        }
    }

    private void compare(String name, int operations, Harness.Op project, Harness.Op raw) throws Exception {
        Stats[] medians = harness.alternated(() -> harness.sequential(name, operations, 1, project),
                () -> harness.sequential(name, operations, 1, raw));
        results.figures.put(name + ".project", medians[0].rate());
        results.figures.put(name + ".raw", medians[1].rate());
        results.row(name, medians[0], medians[1]);
    }

    private static String user(int n) {
        return String.format("user-%03d", n);
    }

    /** Pronounceable words, distinct, in a fixed order (index = frequency rank). */
    private static String[] vocabulary() {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "pa", "qui", "dre", "fon", "gil",
                "hav", "jus", "bre", "cor", "dul", "ex"};
        java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
        Random random = new Random(42);
        while (distinct.size() < VOCABULARY) {
            int parts = 2 + random.nextInt(3);
            StringBuilder word = new StringBuilder();
            for (int p = 0; p < parts; p++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            distinct.add(word.toString());
        }
        return distinct.toArray(String[]::new);
    }

    /** Rank k drawn with probability about 1/k (log-uniform over the vocabulary). */
    private String sentence(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int rank = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, random.nextDouble())) - 1);
            text.append(i == 0 ? "" : " ").append(words[rank]);
        }
        return text.toString();
    }

    /** Sessions and messages in one transaction by plain JDBC; the store's triggers index them as they go. */
    private void fill(Path file) throws Exception {
        Random random = new Random(3);
        Instant start = Instant.now().minus(Duration.ofDays(60));
        int sessions = (messages - BIG) / PER_SESSION;
        try (Connection c = RawJdbc.connect(file, false)) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            try (PreparedStatement session = c.prepareStatement("INSERT INTO chat_sessions (tenant_id, id, title,"
                    + " user_id, status, model, provider, created_at, last_modified_at, total_tokens_used,"
                    + " estimated_cost_units, total_duration_nanos, message_count, version)"
                    + " VALUES ('default', ?, ?, ?, 'ACTIVE', 'opus', 'anthropic', ?, ?, ?, 0, 0, ?, 0)")) {
                addSession(session, "big", user(0), BIG, start);
                for (int n = 0; n < sessions; n++) {
                    addSession(session, String.format("s-%06d", n), user(n % USERS), PER_SESSION, start);
                }
                for (int t = 0; t < 16; t++) {
                    addSession(session, String.format("writer-%02d", t), user(t), 0, start);
                }
                addSession(session, "shared", user(0), 0, start);
                session.executeBatch();
            }
            try (PreparedStatement message = c.prepareStatement("INSERT INTO chat_messages (tenant_id, id,"
                    + " session_id, role, content, timestamp, token_count, sequence_number, status, version)"
                    + " VALUES ('default', ?, ?, ?, ?, ?, 12, ?, 'COMPLETED', 0)")) {
                int written = 0;
                for (int n = 1; n <= BIG; n++) {
                    addMessage(message, "big", n, random, start.plusMillis(n));
                    written = flushEvery(message, ++written);
                }
                for (int s = 0; s < sessions; s++) {
                    String id = String.format("s-%06d", s);
                    for (int n = 1; n <= PER_SESSION; n++) {
                        String text = addMessage(message, id, n, random, start.plusMillis((long) s * PER_SESSION + n));
                        int q = (int) ((long) s * queries.length / sessions);
                        if (n == 50 && queries[q] == null) {
                            String[] of = text.split(" ");
                            queries[q] = new String[] {user(s % USERS), of[1] + " " + of[of.length - 2]};
                        }
                        written = flushEvery(message, ++written);
                    }
                }
                message.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    private static int flushEvery(PreparedStatement statement, int written) throws Exception {
        if (written % 10_000 == 0) {
            statement.executeBatch();
            if (written % 200_000 == 0) {
                log("chat: %,d messages", written);
            }
        }
        return written;
    }

    private static void addSession(PreparedStatement s, String id, String user, int count, Instant at)
            throws Exception {
        s.setString(1, id);
        s.setString(2, "conversation " + id);
        s.setString(3, user);
        s.setString(4, Times.format(at));
        s.setString(5, Times.format(at));
        s.setLong(6, 12L * count);
        s.setLong(7, count);
        s.addBatch();
    }

    private String addMessage(PreparedStatement m, String session, int n, Random random, Instant at)
            throws Exception {
        String text = sentence(random, 8 + random.nextInt(33));
        m.setString(1, session + "-" + n);
        m.setString(2, session);
        m.setString(3, n % 2 == 1 ? "USER" : "ASSISTANT");
        m.setString(4, text);
        m.setString(5, Times.format(at));
        m.setLong(6, n);
        m.addBatch();
        return text;
    }
}
