package dev.orchestra.bootstrap.cli;

import dev.orchestra.bootstrap.OrchestraApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code orchestra serve [--property=value …]}: the REST service. */
@Command(name = "serve", description = "Start the REST service (Spring properties such as"
        + " --orchestra.storage.type=json or --server.port=8081 may follow).")
final class ServeCommand implements Callable<Integer> {
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        SpringApplication.run(OrchestraApplication.class, springArguments.toArray(String[]::new));
        return OrchestraCommand.KEEP_RUNNING;
    }
}
