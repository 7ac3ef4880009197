package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.AuditFields;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonText;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Column readers and the paging query shared by the SQLite ports. */
final class Rows {
    private Rows() {
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        return Times.parse(rows.getString(column));
    }

    static Duration nanos(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Duration.ofNanos(value);
    }

    static JsonDocument json(ResultSet rows, String column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? null : new JsonDocument(value);
    }

    static Set<String> stringSet(ResultSet rows, String column) throws SQLException {
        return new LinkedHashSet<>(JsonText.parseStringArray(rows.getString(column)));
    }

    static TenantId tenant(ResultSet rows) throws SQLException {
        return new TenantId(rows.getString("tenant_id"));
    }

    static AuditFields audit(ResultSet rows) throws SQLException {
        return new AuditFields(instant(rows, "created_at"), rows.getString("created_by"),
                instant(rows, "updated_at"), rows.getString("updated_by"));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rows, String column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    static Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    static String json(Set<String> values) {
        return JsonText.stringArray(values);
    }

    static String text(JsonDocument document) {
        return document == null ? null : document.json();
    }

    /** One page of a table's rows for a tenant, and the count of all that match. */
    static <T> Page<T> page(JdbcClient jdbc, String table, SqlFilter<T> filter, TenantId tenant,
                            Specification<T> where, String extraCondition, PageRequest<T> request,
                            RowMapper<T> mapper) {
        SqlFilter.Where condition = filter.where(where);
        String from = " FROM " + table + " WHERE tenant_id = :tenant AND " + extraCondition + " AND "
                + condition.sql();
        long total = jdbc.sql("SELECT count(*)" + from)
                .param("tenant", tenant.value()).params(condition.parameters())
                .query(Long.class).single();
        List<T> items = jdbc.sql("SELECT *" + from + " ORDER BY " + filter.orderBy(request)
                        + " LIMIT :limit OFFSET :offset")
                .param("tenant", tenant.value()).params(condition.parameters())
                .param("limit", request.size()).param("offset", request.offset())
                .query(mapper).list();
        return new Page<>(items, request.page(), request.size(), total);
    }
}
