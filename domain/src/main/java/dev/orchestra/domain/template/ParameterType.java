package dev.orchestra.domain.template;

/** The type an argument of a template must have. */
public enum ParameterType {
    STRING, INTEGER, BOOLEAN;

    /** Null when {@code value} is of this type, else why not. */
    public String problemWith(String value) {
        switch (this) {
            case INTEGER:
                return value.matches("-?\\d{1,18}") ? null : "'" + value + "' is not an INTEGER";
            case BOOLEAN:
                return value.equals("true") || value.equals("false") ? null
                        : "'" + value + "' is not a BOOLEAN (true or false)";
            default:
                return null;
        }
    }
}
