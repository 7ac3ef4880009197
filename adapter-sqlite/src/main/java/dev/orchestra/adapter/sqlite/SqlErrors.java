package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.StoreFull;
import dev.orchestra.domain.shared.ValidationFailed;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns JDBC failures into domain exceptions, so none crosses a port. */
final class SqlErrors {
    private SqlErrors() {
    }

    static <T> T translate(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw translate(what, e);
        }
    }

    static DomainException translate(String what, Exception e) {
        SQLException sql = find(e);
        String message = sql == null ? String.valueOf(e.getMessage()) : String.valueOf(sql.getMessage());
        if (sql instanceof SQLiteException lite) {
            SQLiteErrorCode code = lite.getResultCode();
            switch (code) {
                case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY:
                    return new Conflict(what + ": " + sameKey(detail(message)) + " already exists");
                case SQLITE_CONSTRAINT_FOREIGNKEY:
                    // SQLite names no column here ("FOREIGN KEY constraint failed"): nothing to add.
                    return new Conflict(what + ": it refers to a missing row or is still referred to");
                case SQLITE_FULL:
                    return new StoreFull(what, e);
                case SQLITE_CONSTRAINT_TRIGGER:
                    // A trigger keeps history as written (append-only, decided once): a conflict, not bad input.
                    return new Conflict(what + ": " + detail(message));
                case SQLITE_CONSTRAINT_CHECK, SQLITE_CONSTRAINT_NOTNULL:
                    return ValidationFailed.of(what + columnOf(detail(message)),
                            "is outside the limits the store keeps");
                default:
                    break;
            }
        }
        return new StoreFailure(what + " failed in the SQLite store: " + message, e);
    }

    /**
     * The column a CHECK or NOT NULL failure is about, in the domain's camelCase ({@code .repositoryPath}),
     * so the answer names the field and not the SQL text; empty when the failure names no single column.
     */
    static String columnOf(String detail) {
        Matcher m = COLUMN.matcher(detail);
        while (m.find()) {
            String word = m.group(1);
            if (!SQL_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                int dot = word.lastIndexOf('.');
                return "." + camel(dot < 0 ? word : word.substring(dot + 1));
            }
        }
        return "";
    }

    private static final Pattern COLUMN = Pattern.compile("\\b([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)\\b(?!\\s*\\()");
    private static final java.util.Set<String> SQL_WORDS = java.util.Set.of("check", "constraint", "failed", "not",
            "null", "is", "or", "and", "between", "in", "glob", "like", "length", "json_valid", "coalesce",
            "ltrim", "lower", "upper", "typeof", "when", "then", "else", "end", "case");

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    /** sqlite-jdbc says "[CODE] summary (detail)"; the detail names the constraint or column. */
    /**
     * "one with the same id" from SQLite's "UNIQUE constraint failed: routing_decisions.tenant_id,
     * routing_decisions.id": the fields in the domain's names, not the table's (every key holds the tenant).
     */
    static String sameKey(String detail) {
        String prefix = "constraint failed:";
        int at = detail.indexOf(prefix);
        if (at < 0) {
            return "one with the same key";
        }
        List<String> fields = new java.util.ArrayList<>();
        for (String column : detail.substring(at + prefix.length()).split(",")) {
            String name = column.trim();
            name = name.substring(name.lastIndexOf('.') + 1);
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                return "one with the same key";
            }
            if (!name.equals("tenant_id")) {
                fields.add(camel(name));
            }
        }
        return fields.isEmpty() ? "one with the same key" : "one with the same " + String.join(" and ", fields);
    }

    private static String detail(String message) {
        int open = message.indexOf('(');
        int close = message.lastIndexOf(')');
        return open >= 0 && close > open ? message.substring(open + 1, close) : message;
    }

    private static SQLException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
