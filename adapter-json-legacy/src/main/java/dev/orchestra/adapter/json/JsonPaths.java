package dev.orchestra.adapter.json;

import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/** How findings name a place in a JSON file: paths like {@code $.Agents['my agent'].Status}, lines and columns. */
final class JsonPaths {
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    /** {@code parent.name}, or {@code parent['odd name']} when the name is not a simple one. */
    static String member(String parent, String name) {
        return SIMPLE_NAME.matcher(name).matches() ? parent + "." + name
                : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** Where the parser stands, as a path: {@code $.TaskQueue[3].Status}. */
    static String pathOf(JsonParser parser) {
        StringBuilder path = new StringBuilder("$");
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.matches("\\d+")) {
                path.append('[').append(name).append(']');
            } else {
                path.replace(0, path.length(), member(path.toString(), name));
            }
        }
        return path.toString();
    }

    static String at(TokenStreamLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** The parser's message without its source excerpt, on one line. */
    static String clean(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*?\\]", "").replace("\n", " ");
    }
}
