package dev.orchestra.domain.chat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How chat text is cut into words for search, the same in every store: runs of letters and digits,
 * lower-cased, accents removed (as SQLite FTS5's {@code unicode61 remove_diacritics 2} tokenizer does).
 * A query is only ever a list of such words, never search syntax: quotes, {@code *}, {@code NEAR(},
 * {@code OR} or {@code -} in what a user types are text like any other.
 */
public final class SearchWords {
    /** A query's words beyond this are ignored: no message is found by 33 words that 32 do not narrow. */
    public static final int MAX_WORDS = 32;
    public static final int MAX_WORD_LENGTH = 100;

    private SearchWords() {
    }

    /** The distinct words of a query, in order, at most {@link #MAX_WORDS}. */
    public static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : split(text)) {
            if (words.size() == MAX_WORDS) {
                break;
            }
            words.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
        }
        return List.copyOf(words);
    }

    /** Every word of a text, in order, repeats kept. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String folded = fold(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            i += Character.charCount(c);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** Lower case without accents, as the index keeps words. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
