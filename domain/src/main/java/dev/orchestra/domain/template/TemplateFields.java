package dev.orchestra.domain.template;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of a template. */
public final class TemplateFields {
    public static final Field<TaskTemplate, String> ID = new Field<>("id", String.class, TaskTemplate::id);
    public static final Field<TaskTemplate, String> NAME = new Field<>("name", String.class, TaskTemplate::name);
    public static final Field<TaskTemplate, String> CATEGORY =
            new Field<>("category", String.class, TaskTemplate::category);
    public static final Field<TaskTemplate, Boolean> PUBLIC =
            new Field<>("publicTemplate", Boolean.class, TaskTemplate::publicTemplate);
    public static final Field<TaskTemplate, Instant> CREATED_AT =
            new Field<>("createdAt", Instant.class, t -> t.audit().createdAt());

    public static final List<Field<TaskTemplate, ?>> ALL = List.of(ID, NAME, CATEGORY, PUBLIC, CREATED_AT);

    private TemplateFields() {
    }
}
