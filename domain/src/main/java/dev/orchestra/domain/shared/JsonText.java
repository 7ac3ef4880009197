package dev.orchestra.domain.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The little JSON the core and the JDBC store must write without a JSON library: quoted strings and
 * arrays of strings (capabilities, allowed operations), and reading those arrays back.
 */
public final class JsonText {
    private JsonText() {
    }

    public static String stringArray(Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, value);
        }
        return out.append(']').toString();
    }

    /** Reads what {@link #stringArray} writes (and any JSON array of strings). */
    public static List<String> parseStringArray(String json) {
        List<String> values = new ArrayList<>();
        int i = skipSpace(json, 0);
        expect(json, i++, '[');
        i = skipSpace(json, i);
        if (i < json.length() && json.charAt(i) == ']') {
            return values;
        }
        while (true) {
            i = skipSpace(json, i);
            expect(json, i++, '"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = at(json, i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = at(json, i++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> value.append(escaped);
                }
            }
            values.add(value.toString());
            i = skipSpace(json, i);
            char next = at(json, i++);
            if (next == ']') {
                return values;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected , or ] at " + (i - 1) + " in " + json);
            }
        }
    }

    public static void quote(StringBuilder out, String text) {
        out.append('"');
        // Runs of characters that need no escape are appended whole: most text has none at all.
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            escape(out, c);
        }
        out.append(text, plain, text.length());
        out.append('"');
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char at(String json, int i) {
        if (i >= json.length()) {
            throw new IllegalArgumentException("unexpected end of " + json);
        }
        return json.charAt(i);
    }

    private static void expect(String json, int i, char wanted) {
        if (at(json, i) != wanted) {
            throw new IllegalArgumentException("expected " + wanted + " at " + i + " in " + json);
        }
    }
}
