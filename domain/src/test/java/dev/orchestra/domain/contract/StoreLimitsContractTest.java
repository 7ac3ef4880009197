package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.Builders.aCompletedTask;
import static dev.orchestra.domain.testing.Builders.aPreference;
import static dev.orchestra.domain.testing.Builders.aRepository;
import static dev.orchestra.domain.testing.Builders.aTask;
import static dev.orchestra.domain.testing.Builders.aTemplate;
import static dev.orchestra.domain.testing.Builders.anAgent;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.testing.TestData;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every store gives the same answer at the schema's limits: a value at a limit is kept exactly, one past
 * it (too long, a leading NUL that SQLite counts as an empty text, malformed JSON, a number out of range)
 * is a {@link ValidationFailed} and leaves nothing behind. Run against each store by a one-line subclass.
 */
public abstract class StoreLimitsContractTest extends StoreContract {
    private static final String NUL = "\u0000";

    /** A write through a port, and how to read what it stored. */
    private record Case(String what, Function<StoreContract, Object> write, Function<StoreContract, Object> read) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> keptAtTheLimit() {
        return Stream.of(
                agent("name of 255", anAgent("a", "/r").name("n".repeat(255)).build()),
                agent("path of 500 with emoji and tab-free unicode",
                        anAgent("a", "/r").repositoryPath("/ü/😀/" + "p".repeat(490)).build()),
                agent("10 concurrent tasks", anAgent("a", "/r").maxConcurrentTasks(10).build()),
                task("command of 2000 with a tab and a newline",
                        aTask("t", "/r").command("a\tb\n" + "c".repeat(1996)).build()),
                task("result of a million characters with terminal escapes",
                        aCompletedTask("t").result("\u001b[31m" + "r".repeat(999_995)).build()),
                task("progress of 100", aTask("t", "/r").progress(new TaskProgress(100, "done", TestData.T0)).build()),
                repository("description of 2000", aRepository("r", "/r").description("d".repeat(2000)).build()),
                preference("a JSON value nested 64 deep", json("[".repeat(64) + "]".repeat(64))),
                preference("an INTEGER value of 19 digits", typed(ValueType.INTEGER, "-9223372036854775807")),
                template("name of 255", aTemplate("tpl").name("t".repeat(255)).build())
        );
    }

    static Stream<Arguments> refusedPastTheLimit() {
        return Stream.of(
                agent("name of 256", anAgent("a", "/r").name("n".repeat(256)).build()),
                agent("a name starting with NUL", anAgent("a", "/r").name(NUL + "name").build()),
                agent("a path of 501", anAgent("a", "/r").repositoryPath("p".repeat(501)).build()),
                agent("11 concurrent tasks", anAgent("a", "/r").maxConcurrentTasks(11).build()),
                agent("0 concurrent tasks", anAgent("a", "/r").maxConcurrentTasks(0).build()),
                task("a command of 2001", aTask("t", "/r").command("c".repeat(2001)).build()),
                task("a command starting with NUL", aTask("t", "/r").command(NUL + "ls").build()),
                task("a path starting with NUL", aTask("t", "/r").repositoryPath(NUL).build()),
                task("a result of a million and one", aCompletedTask("t").result("r".repeat(1_000_001)).build()),
                task("11 retries", aTask("t", "/r").retryCount(11).build()),
                repository("a name of 256", aRepository("r", "/r").name("n".repeat(256)).build()),
                repository("a name starting with NUL", aRepository("r", "/r").name(NUL + "r").build()),
                repository("a reliability of 1.5", aRepository("r", "/r").reliabilityScore(1.5).build()),
                preference("a JSON value that is not JSON", json("{\"a\":")),
                preference("a JSON value with a trailing comma", json("[1,]")),
                preference("an INTEGER value of 20 digits", typed(ValueType.INTEGER, "99999999999999999999")),
                preference("a BOOLEAN value of yes", typed(ValueType.BOOLEAN, "yes")),
                preference("a key starting with NUL",
                        aPreference("p", PreferenceScope.user("u"), "k", "v").key(NUL + "k").build()),
                preference("a value of 100001",
                        aPreference("p", PreferenceScope.user("u"), "k", "v").value("v".repeat(100_001)).build()),
                template("a name of 256", aTemplate("tpl").name("t".repeat(256)).build()),
                template("a name starting with NUL", aTemplate("tpl").name(NUL + "t").build()),
                template("a version that is not semver", aTemplate("tpl").templateVersion("one").build())
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keptAtTheLimit")
    void givenAValueAtTheLimit_add_keepsItExactly(Case limit) {
        Object written = limit.write().apply(this);
        reopen();

        assertThat(read(() -> limit.read().apply(this))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPastTheLimit")
    void givenAValuePastTheLimit_add_isRefusedAndLeavesNothing(Case limit) {
        assertThatThrownBy(() -> limit.write().apply(this)).isInstanceOf(ValidationFailed.class)
                .hasMessageNotContainingAny("CHECK", "length(", "SQL");
        reopen();

        assertThat(read(() -> limit.read().apply(this))).isNull();
    }

    private static Arguments agent(String what, Agent agent) {
        return Arguments.of(new Case("agent: " + what, t -> t.write(() -> t.store.agents().add(agent)),
                t -> t.store.agents().findById(TENANT, agent.id()).orElse(null)));
    }

    private static Arguments task(String what, Task task) {
        return Arguments.of(new Case("task: " + what, t -> t.write(() -> t.store.tasks().add(task)),
                t -> t.store.tasks().findById(TENANT, task.id()).orElse(null)));
    }

    private static Arguments repository(String what, CodeRepository repository) {
        return Arguments.of(new Case("repository: " + what,
                t -> t.write(() -> t.store.repositories().add(repository)),
                t -> t.store.repositories().findById(TENANT, repository.id()).orElse(null)));
    }

    private static Arguments preference(String what, UserPreference preference) {
        return Arguments.of(new Case("preference: " + what,
                t -> t.write(() -> t.store.preferences().add(preference)),
                t -> t.store.preferences().find(TENANT, preference.scope(), preference.key()).orElse(null)));
    }

    private static Arguments template(String what, TaskTemplate template) {
        return Arguments.of(new Case("template: " + what, t -> t.write(() -> t.store.templates().add(template)),
                t -> t.store.templates().findById(TENANT, template.id()).orElse(null)));
    }

    private static UserPreference json(String value) {
        return typed(ValueType.JSON, value);
    }

    private static UserPreference typed(ValueType type, String value) {
        return aPreference("p", PreferenceScope.user("u"), "k", "v").valueType(type).value(value).build();
    }
}
