package dev.orchestra.bootstrap;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.domain.store.Store;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;

/** Either store in a test's folder, for the tests that run the use cases on both ("sqlite" or "json"). */
final class TestStores {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final String SQLITE_FILE = "o.db";
    static final String JSON_FILE = "state.json";

    private TestStores() {
    }

    static Store open(String type, Path directory, Clock clock) {
        return type.equals("json") ? JsonStore.open(directory.resolve(JSON_FILE), VALIDATOR, clock)
                : SqliteStore.open(SqliteSettings.defaults(directory.resolve(SQLITE_FILE)));
    }
}
