package dev.orchestra.bootstrap.cli;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.domain.store.Store;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine;

/** A store named on the command line: {@code sqlite:<file>} or {@code json:<file>}. */
record StoreSpec(Kind kind, Path path) {
    enum Kind { SQLITE, JSON }

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    /** Picocli converter; a wrong spelling is a usage error naming the expected form. */
    static final class Converter implements CommandLine.ITypeConverter<StoreSpec> {
        @Override
        public StoreSpec convert(String value) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a store: write sqlite:<file> or json:<file>");
            }
            String kind = value.substring(0, colon).toLowerCase(Locale.ROOT);
            Path path = Path.of(value.substring(colon + 1));
            return switch (kind) {
                case "sqlite" -> new StoreSpec(Kind.SQLITE, path);
                case "json" -> new StoreSpec(Kind.JSON, path);
                default -> throw new CommandLine.TypeConversionException("'" + kind
                        + "' is not a store kind: sqlite or json");
            };
        }
    }

    /** The use cases' wiring over a store this command opened, as the service wires its own. */
    static dev.orchestra.bootstrap.Wiring wiring(Store opened, Clock clock) {
        // No command here claims tasks: the lease duration is the service's default, unused.
        return dev.orchestra.bootstrap.Wiring.of(opened, VALIDATOR, clock, java.time.Duration.ofMinutes(5));
    }

    Store open(Clock clock) {
        return kind == Kind.JSON ? JsonStore.open(path, VALIDATOR, clock)
                : SqliteStore.open(SqliteSettings.defaults(path));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + path;
    }
}
