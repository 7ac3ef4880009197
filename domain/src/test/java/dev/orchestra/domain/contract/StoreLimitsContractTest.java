package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.Records.with;
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
                agent("name of 255", with(TestData.agent("a", "/r"), "name", "n".repeat(255))),
                agent("path of 500 with emoji and tab-free unicode", with(TestData.agent("a", "/r"),
                        "repositoryPath", "/ü/😀/" + "p".repeat(490))),
                agent("10 concurrent tasks", with(TestData.agent("a", "/r"), "maxConcurrentTasks", 10)),
                task("command of 2000 with a tab and a newline", with(TestData.task("t", "/r"), "command",
                        "a\tb\n" + "c".repeat(1996))),
                task("result of a million characters with terminal escapes", with(TestData.completedTask("t", null),
                        "result", "\u001b[31m" + "r".repeat(999_995))),
                task("progress of 100", with(TestData.task("t", "/r"), "progress",
                        new TaskProgress(100, "done", TestData.T0))),
                repository("description of 2000", with(TestData.repository("r", "/r"), "description",
                        "d".repeat(2000))),
                preference("a JSON value nested 64 deep", json("[".repeat(64) + "]".repeat(64))),
                preference("an INTEGER value of 19 digits", typed(ValueType.INTEGER, "-9223372036854775807")),
                template("name of 255", with(TestData.template("tpl"), "name", "t".repeat(255)))
        );
    }

    static Stream<Arguments> refusedPastTheLimit() {
        return Stream.of(
                agent("name of 256", with(TestData.agent("a", "/r"), "name", "n".repeat(256))),
                agent("a name starting with NUL", with(TestData.agent("a", "/r"), "name", NUL + "name")),
                agent("a path of 501", with(TestData.agent("a", "/r"), "repositoryPath", "p".repeat(501))),
                agent("11 concurrent tasks", with(TestData.agent("a", "/r"), "maxConcurrentTasks", 11)),
                agent("0 concurrent tasks", with(TestData.agent("a", "/r"), "maxConcurrentTasks", 0)),
                task("a command of 2001", with(TestData.task("t", "/r"), "command", "c".repeat(2001))),
                task("a command starting with NUL", with(TestData.task("t", "/r"), "command", NUL + "ls")),
                task("a path starting with NUL", with(TestData.task("t", "/r"), "repositoryPath", NUL)),
                task("a result of a million and one", with(TestData.completedTask("t", null), "result",
                        "r".repeat(1_000_001))),
                task("11 retries", with(TestData.task("t", "/r"), "retryCount", 11)),
                repository("a name of 256", with(TestData.repository("r", "/r"), "name", "n".repeat(256))),
                repository("a name starting with NUL", with(TestData.repository("r", "/r"), "name", NUL + "r")),
                repository("a reliability of 1.5", with(TestData.repository("r", "/r"), "reliabilityScore", 1.5)),
                preference("a JSON value that is not JSON", json("{\"a\":")),
                preference("a JSON value with a trailing comma", json("[1,]")),
                preference("an INTEGER value of 20 digits", typed(ValueType.INTEGER, "99999999999999999999")),
                preference("a BOOLEAN value of yes", typed(ValueType.BOOLEAN, "yes")),
                preference("a key starting with NUL", with(TestData.preference("p", PreferenceScope.user("u"),
                        "k", "v"), "key", NUL + "k")),
                preference("a value of 100001", with(TestData.preference("p", PreferenceScope.user("u"), "k", "v"),
                        "value", "v".repeat(100_001))),
                template("a name of 256", with(TestData.template("tpl"), "name", "t".repeat(256))),
                template("a name starting with NUL", with(TestData.template("tpl"), "name", NUL + "t")),
                template("a version that is not semver", with(TestData.template("tpl"), "templateVersion", "one"))
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
        UserPreference p = TestData.preference("p", PreferenceScope.user("u"), "k", "v");
        return with(with(p, "valueType", type), "value", value);
    }
}
