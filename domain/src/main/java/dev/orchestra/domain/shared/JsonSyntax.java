package dev.orchestra.domain.shared;

/**
 * Checks that a text is one well-formed JSON value (RFC 8259), nested at most {@link #MAX_DEPTH} deep,
 * without parsing it into anything: the core keeps JSON as text and may not use a JSON library, yet
 * both stores must refuse the same malformed values (SQLite's {@code json_valid} would refuse them).
 */
public final class JsonSyntax {
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** Null when {@code text} is one JSON value; else what is wrong and at which character. */
    public static String problemWith(String text) {
        if (text == null) {
            return "must not be null";
        }
        JsonSyntax checker = new JsonSyntax(text);
        try {
            checker.space();
            checker.value(0);
            checker.space();
            if (checker.at < text.length()) {
                checker.fail("unexpected content after the JSON value");
            }
            String storable = Texts.problemWith(text, true);
            return storable == null ? null : "is not storable JSON: " + storable;
        } catch (Malformed e) {
            return e.getMessage();
        }
    }

    private void value(int depth) {
        if (at >= text.length()) {
            fail("the JSON text ends where a value is expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    fail("unexpected character '" + printable(c) + "'");
                }
            }
        }
    }

    private void object(int depth) {
        nested(depth);
        at++;
        space();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            space();
            if (peek() != '"') {
                fail("a member name in double quotes is expected");
            }
            string();
            space();
            expect(':');
            space();
            value(depth);
            space();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array(int depth) {
        nested(depth);
        at++;
        space();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            space();
            value(depth);
            space();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() {
        at++;
        while (true) {
            if (at >= text.length()) {
                fail("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                at--;
                fail("a control character must be escaped inside a string");
            }
            if (c == '\\') {
                char e = peek();
                at++;
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(peek(), 16) < 0) {
                            fail("\\u must be followed by four hex digits");
                        }
                        at++;
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    at--;
                    fail("an unknown escape in a string");
                }
            }
        }
    }

    private void number() {
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            fail("a number needs digits");
        }
        if (peek() == '.') {
            at++;
            if (!digits()) {
                fail("a fraction needs digits");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digits()) {
                fail("an exponent needs digits");
            }
        }
    }

    private boolean digits() {
        int start = at;
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
        return at > start;
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            fail("unexpected character '" + printable(text.charAt(at)) + "'");
        }
        at += word.length();
    }

    private void nested(int depth) {
        if (depth > MAX_DEPTH) {
            fail("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\uFFFF';
    }

    private void expect(char c) {
        if (peek() != c) {
            fail("'" + c + "' is expected");
        }
        at++;
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private void fail(String what) {
        throw new Malformed("is not valid JSON: " + what + " at character " + at);
    }

    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
