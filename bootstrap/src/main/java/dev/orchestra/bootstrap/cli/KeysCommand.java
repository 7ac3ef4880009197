package dev.orchestra.bootstrap.cli;

import dev.orchestra.application.access.ApiKeyManagement;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.bootstrap.AccessConfiguration;
import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orchestra keys create|list|revoke}: the API keys of a store, also while the service runs on it (SQLite). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys. From the first key on, every /api/v1 call needs one.",
        subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name one of: create, list, revoke");
    }

    /** What the three share: the store, opened for the length of the command, and the tenant worked in. */
    abstract static class OnKeys extends StoreCommand {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract String name();

        /** Whether the command may create the store (a first key for a service not yet started). */
        boolean createsStore() {
            return false;
        }

        abstract int run(ApiKeyManagement keys, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!createsStore() && !Files.isRegularFile(store.path())) {
                err.println("orchestra keys " + name() + ": " + store + " does not exist");
                return ExitCodes.FAILURE;
            }
            Clock clock = Clock.systemUTC();
            try (Store opened = store.open(clock)) {
                return run(AccessConfiguration.apiKeys(StoreSpec.wiring(opened, clock)), spec.commandLine().getOut());
            } catch (ValidationFailed | NotFound e) {
                err.println("orchestra keys " + name() + ": " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            } catch (DomainException e) {
                err.println("orchestra keys " + name() + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }

        static Caller caller(String tenant) {
            return new Caller(new TenantId(tenant), "cli");
        }

        static void print(PrintWriter out, ApiKey k) {
            out.println(k.id() + " " + k.tenantId() + " " + k.role() + (k.agentId() == null ? "" : " agent=" + k.agentId())
                    + " name=\"" + k.name() + "\" created=" + k.createdAt()
                    + " lastUsed=" + (k.lastUsedAt() == null ? "never" : k.lastUsedAt())
                    + (k.revoked() ? " REVOKED " + k.revokedAt() : " active"));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an API key and print it; its secret is the last line of standard output, alone,",
                    "and is never shown again (only its SHA-256 is stored)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:created", "1:refused (a bad name, role or agent)", "2:usage",
                    "3:the store cannot be opened or written"})
    static final class Create extends OnKeys {
        @Option(names = "--tenant", required = true, description = "the tenant the key belongs to")
        String tenant;

        @Option(names = "--role", required = true, description = "AGENT, OPERATOR or ADMIN")
        ApiKeyRole role;

        @Option(names = "--agent", description = "for an AGENT key: the registered agent it acts for")
        String agent;

        @Option(names = "--name", required = true, description = "what the key is for (shown in lists and audit)")
        String keyName;

        @Override
        String name() {
            return "create";
        }

        @Override
        boolean createsStore() {
            return true;
        }

        @Override
        int run(ApiKeyManagement keys, PrintWriter out) {
            ApiKeyManagement.IssuedKey issued = keys.create(caller(tenant), keyName, role, agent);
            print(out, issued.key());
            out.println(issued.secret());
            out.flush();
            return ExitCodes.DONE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a tenant's API keys, one a line, revoked ones included (never a secret).")
    static final class List extends OnKeys {
        @Option(names = "--tenant", defaultValue = "default", description = "the tenant (default: ${DEFAULT-VALUE})")
        String tenant;

        @Override
        String name() {
            return "list";
        }

        @Override
        int run(ApiKeyManagement keys, PrintWriter out) {
            keys.list(caller(tenant)).forEach(k -> print(out, k));
            return ExitCodes.DONE;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an API key: the next request with it is refused (401).")
    static final class Revoke extends OnKeys {
        @Option(names = "--tenant", defaultValue = "default", description = "the key's tenant (default: ${DEFAULT-VALUE})")
        String tenant;

        @Parameters(paramLabel = "<id>", description = "the key's id (see 'orchestra keys list')")
        String id;

        @Override
        String name() {
            return "revoke";
        }

        @Override
        int run(ApiKeyManagement keys, PrintWriter out) {
            print(out, keys.revoke(caller(tenant), id));
            return ExitCodes.DONE;
        }
    }
}
