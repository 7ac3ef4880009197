package dev.orchestra.domain.shared;

import java.util.function.Supplier;

/**
 * The transaction boundary, owned by the use case. Everything a use case does inside one
 * {@code write} commits together or not at all; nested calls join the outer unit.
 */
public interface UnitOfWork {
    <T> T write(Supplier<T> work);

    <T> T read(Supplier<T> work);

    default void writeVoid(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }
}
