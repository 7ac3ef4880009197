package dev.orchestra.bootstrap.cli;

import dev.orchestra.bootstrap.OrchestraApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code orchestra serve [--property=value …]}: the REST service. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the REST service. Spring properties may follow, e.g.",
                "  --orchestra.storage.type=json",
                "  --orchestra.storage.path=/srv/orchestrator-state.json",
                "  --server.port=8081",
                "Every orchestra.* property is described in the README."})
final class ServeCommand implements Callable<Integer> {
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            SpringApplication.run(OrchestraApplication.class, springArguments.toArray(String[]::new));
            return OrchestraCommand.KEEP_RUNNING;
        } catch (RuntimeException e) {
            // StoreFailureAnalyzer has printed why (a locked or unreadable store); no stack trace follows.
            return ExitCodes.FAILURE;
        }
    }
}
