package dev.orchestra.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A command that works on one store, named by {@code --store} (picocli finds the option in subclasses). */
abstract class StoreCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "<kind:file>", converter = StoreSpec.Converter.class,
            defaultValue = "sqlite:data/orchestra.db",
            description = "the store: sqlite:<file> or json:<file> (default: ${DEFAULT-VALUE})")
    StoreSpec store;
}
