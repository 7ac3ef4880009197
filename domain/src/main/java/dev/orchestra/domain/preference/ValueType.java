package dev.orchestra.domain.preference;

import dev.orchestra.domain.shared.JsonSyntax;
import java.util.regex.Pattern;

/** The type a preference's text value must parse as. */
public enum ValueType {
    STRING, INTEGER, DECIMAL, BOOLEAN, JSON;

    private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** Null when {@code value} is a valid text of this type, else why not. */
    public String problemWith(String value) {
        if (value == null) {
            return "must not be null";
        }
        switch (this) {
            case INTEGER:
                return INTEGER_TEXT.matcher(value).matches() && fitsLong(value) ? null
                        : "'" + abbreviate(value) + "' is not an INTEGER";
            case DECIMAL:
                return DECIMAL_TEXT.matcher(value).matches() ? null
                        : "'" + abbreviate(value) + "' is not a DECIMAL";
            case BOOLEAN:
                return value.equals("true") || value.equals("false") ? null
                        : "'" + abbreviate(value) + "' is not a BOOLEAN (true or false)";
            case JSON:
                return JsonSyntax.problemWith(value);
            default:
                return null;
        }
    }

    private static boolean fitsLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
