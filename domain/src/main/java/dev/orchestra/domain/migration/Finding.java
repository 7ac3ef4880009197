package dev.orchestra.domain.migration;

import java.util.Objects;

/** One problem found in a legacy document: how bad, where (a JSON path such as {@code $.TaskQueue[3].Command}), what. */
public record Finding(Severity severity, String path, String message) {
    public enum Severity { ERROR, WARNING }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String path, String message) {
        return new Finding(Severity.ERROR, path, message);
    }

    public static Finding warning(String path, String message) {
        return new Finding(Severity.WARNING, path, message);
    }

    @Override
    public String toString() {
        return severity + " " + path + ": " + message;
    }
}
