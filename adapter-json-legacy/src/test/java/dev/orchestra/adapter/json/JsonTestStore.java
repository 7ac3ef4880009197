package dev.orchestra.adapter.json;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;

/** Where the contract suites open a JSON store: a fresh document in the test's folder. */
final class JsonTestStore {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private JsonTestStore() {
    }

    static JsonStore in(Path directory) {
        return JsonStore.open(directory.resolve("orchestrator-state.json"), VALIDATOR, Clock.systemUTC());
    }
}
