package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.ValidationFailed;
import java.sql.SQLException;
import java.util.function.Supplier;
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
                    return new Conflict(what + ": a row with the same key already exists (" + detail(message) + ")");
                case SQLITE_CONSTRAINT_FOREIGNKEY:
                    return new Conflict(what + ": it refers to a missing row or is still referred to ("
                            + detail(message) + ")");
                case SQLITE_CONSTRAINT_CHECK, SQLITE_CONSTRAINT_NOTNULL, SQLITE_CONSTRAINT_TRIGGER:
                    return ValidationFailed.of(what, "refused by the schema: " + detail(message));
                default:
                    break;
            }
        }
        return new StoreFailure(what + " failed in the SQLite store: " + message, e);
    }

    /** sqlite-jdbc says "[CODE] summary (detail)"; the detail names the constraint or column. */
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
