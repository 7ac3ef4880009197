package dev.orchestra.adapter.json;

import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.SearchWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON store's chat search, computed in memory: the same hits as SQLite's FTS5 index for the same data
 * (every query word among a text's words, cut by {@link SearchWords}), ranked by how much of the text the
 * matches are, with a snippet that marks them as SQLite's does.
 */
final class JsonChatSearch {
    private static final int SNIPPET_WORDS = 16;

    private JsonChatSearch() {
    }

    static List<ChatHit> search(JsonState.TenantData data, String userId, String sessionId, List<String> words,
                                int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        Set<String> sessions = new HashSet<>();
        List<ChatHit> hits = new ArrayList<>();
        for (ChatSession s : data.chatSessions.values()) {
            if (s.userId().equals(userId) && (sessionId == null || s.id().equals(sessionId))) {
                sessions.add(s.id());
                hit(s.title() + "\n" + (s.description() == null ? "" : s.description()), words, s.id(), null, null,
                        hits);
            }
        }
        for (ChatMessage m : data.chatMessages.values()) {
            if (sessions.contains(m.sessionId())) {
                hit(m.content(), words, m.sessionId(), m.id(), m.sequenceNumber(), hits);
            }
        }
        return hits.stream().sorted(Comparator.comparingDouble(ChatHit::rank)).limit(limit).toList();
    }

    private static void hit(String text, List<String> words, String sessionId, String messageId, Long sequence,
                            List<ChatHit> into) {
        List<int[]> spans = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                spans.add(new int[] {start, i});
                folded.add(SearchWords.fold(text.substring(start, i)));
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        if (!new HashSet<>(folded).containsAll(words)) {
            return;
        }
        int matches = 0;
        int first = -1;
        for (int w = 0; w < folded.size(); w++) {
            if (words.contains(folded.get(w))) {
                matches++;
                first = first < 0 ? w : first;
            }
        }
        into.add(new ChatHit(sessionId, messageId, sequence, snippet(text, spans, folded, words, first),
                -(double) matches / folded.size()));
    }

    private static String snippet(String text, List<int[]> spans, List<String> folded, List<String> words,
                                  int first) {
        int from = Math.max(0, Math.min(first - SNIPPET_WORDS / 4, spans.size() - SNIPPET_WORDS));
        int to = Math.min(spans.size(), from + SNIPPET_WORDS);
        StringBuilder out = new StringBuilder(from > 0 ? "…" : "");
        int at = from > 0 ? spans.get(from)[0] : 0;
        for (int w = from; w < to; w++) {
            out.append(text, at, spans.get(w)[0]);
            boolean marked = words.contains(folded.get(w));
            out.append(marked ? ChatHit.MARK_START : "").append(text, spans.get(w)[0], spans.get(w)[1])
                    .append(marked ? ChatHit.MARK_END : "");
            at = spans.get(w)[1];
        }
        if (to < spans.size()) {
            out.append("…");
        } else {
            out.append(text, at, text.length());
        }
        return out.toString();
    }
}
