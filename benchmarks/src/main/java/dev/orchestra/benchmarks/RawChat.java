package dev.orchestra.benchmarks;

import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.Times;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The baseline of the chat measurements: the statements the store issues to append a message (read the
 * session, bump its counters under its version, insert the numbered message; the FTS triggers fire as for
 * the store), read a page of a conversation, and search, by hand on plain JDBC with the settings of
 * {@link RawJdbc}, on a copy of the same database. One connection each: give each thread its own.
 */
final class RawChat implements AutoCloseable {
    private final Connection c;

    RawChat(Path file, boolean readOnly) throws SQLException {
        this.c = RawJdbc.connect(file, readOnly);
    }

    /** Appends a message to a session with the next number; answers the number. */
    long append(String session, String content, int tokens) throws SQLException {
        String now = Times.format(Instant.now());
        RawJdbc.begin(c);
        try {
            long count;
            long version;
            long total;
            try (PreparedStatement read = c.prepareStatement("SELECT * FROM chat_sessions"
                    + " WHERE tenant_id = 'default' AND id = ?")) {
                read.setString(1, session);
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    count = rows.getLong("message_count");
                    version = rows.getLong("version");
                    total = rows.getLong("total_tokens_used");
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE chat_sessions SET last_modified_at = ?,"
                    + " total_tokens_used = ?, message_count = ?, version = version + 1"
                    + " WHERE tenant_id = 'default' AND id = ? AND version = ?")) {
                update.setString(1, now);
                update.setLong(2, total + tokens);
                update.setLong(3, count + 1);
                update.setString(4, session);
                update.setLong(5, version);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the session changed under a raw append");
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO chat_messages (content, token_count,"
                    + " status, error, version, tenant_id, id, session_id, role, timestamp, sequence_number,"
                    + " parent_message_id, tool_call_id) VALUES (?, ?, 'COMPLETED', NULL, 0, 'default', ?, ?, 'USER',"
                    + " ?, ?, NULL, NULL)")) {
                insert.setString(1, content);
                insert.setInt(2, tokens);
                insert.setString(3, Ids.newId());
                insert.setString(4, session);
                insert.setString(5, now);
                insert.setLong(6, count + 1);
                insert.executeUpdate();
            }
            RawJdbc.commit(c);
            return count + 1;
        } catch (SQLException | RuntimeException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            }
            throw e;
        }
    }

    /** Up to {@code limit} messages after a number, in order; answers how many. */
    int page(String session, long after, int limit) throws SQLException {
        // The store checks the session first, to tell an unknown one (404) from an empty page.
        try (PreparedStatement known = c.prepareStatement("SELECT * FROM chat_sessions WHERE tenant_id = 'default'"
                + " AND id = ?")) {
            known.setString(1, session);
            try (ResultSet rows = known.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no session " + session);
                }
            }
        }
        try (PreparedStatement read = c.prepareStatement("SELECT * FROM chat_messages WHERE tenant_id = 'default'"
                + " AND session_id = ? AND sequence_number > ? ORDER BY sequence_number LIMIT ?")) {
            read.setString(1, session);
            read.setLong(2, after);
            read.setInt(3, limit);
            int n = 0;
            try (ResultSet rows = read.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    // Every column, as the store maps them.
                    for (int column = 1; column <= columns; column++) {
                        rows.getObject(column);
                    }
                    n++;
                }
            }
            return n;
        }
    }

    /** The store's search statement: every word, one user, ranked, with marked snippets; answers the hits. */
    int search(String user, List<String> words, int limit) throws SQLException {
        String owner = "u" + java.util.HexFormat.of().formatHex(("default\u001f" + user)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String match = "owner : \"" + owner + "\" AND text : ("
                + words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" ")) + ")";
        try (PreparedStatement read = c.prepareStatement("SELECT session_id, message_id, sequence_number,"
                + " snippet(chat_search, 5, '[', ']', '…', 16) AS snippet,"
                + " bm25(chat_search, 0, 0, 0, 0, 0, 1, 0) AS rank"
                + " FROM chat_search WHERE chat_search MATCH ? AND tenant_id = 'default' AND user_id = ?"
                + " ORDER BY rank, rowid LIMIT ?")) {
            read.setString(1, match);
            read.setString(2, user);
            read.setInt(3, limit);
            int n = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    rows.getString("snippet");
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
