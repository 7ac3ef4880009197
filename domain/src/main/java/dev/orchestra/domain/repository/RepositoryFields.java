package dev.orchestra.domain.repository;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queryable and sortable properties of a code repository. */
public final class RepositoryFields {
    public static final Field<CodeRepository, String> ID = new Field<>("id", String.class, CodeRepository::id);
    public static final Field<CodeRepository, String> NAME = new Field<>("name", String.class, CodeRepository::name);
    public static final Field<CodeRepository, String> PATH = new Field<>("path", String.class, CodeRepository::path);
    public static final Field<CodeRepository, RepositoryType> TYPE =
            new Field<>("type", RepositoryType.class, CodeRepository::type);
    public static final Field<CodeRepository, Boolean> ACTIVE =
            new Field<>("active", Boolean.class, CodeRepository::active);
    public static final Field<CodeRepository, Instant> CREATED_AT =
            new Field<>("createdAt", Instant.class, r -> r.audit().createdAt());

    public static final List<Field<CodeRepository, ?>> ALL = List.of(ID, NAME, PATH, TYPE, ACTIVE, CREATED_AT);

    private RepositoryFields() {
    }

    public static Optional<Field<CodeRepository, ?>> byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
