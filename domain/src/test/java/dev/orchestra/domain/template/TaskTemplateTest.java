package dev.orchestra.domain.template;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskTemplateTest {

    @Test
    void givenArguments_instantiate_substitutesThemAndTheDefaultsIntoOrderedChildren() {
        TaskTemplate.Instantiation tasks = template("t").instantiate("parent-1", Map.of("threads", "4"), "/repo",
                TaskPriority.HIGH);

        assertThat(tasks.parent().id()).isEqualTo("parent-1");
        assertThat(tasks.parent().command()).isEqualTo("template Build and Test 1.2.0");
        assertThat(tasks.children()).extracting(Task.NewTask::command)
                .containsExactly("git checkout main", "mvn -q verify -T 4");
        assertThat(tasks.children()).extracting(Task.NewTask::parentTaskId).containsOnly("parent-1");
        assertThat(tasks.children()).extracting(Task.NewTask::workflowStep).containsExactly(1, 2);
        assertThat(tasks.all()).extracting(Task.NewTask::priority).containsOnly(TaskPriority.HIGH);
        assertThat(tasks.all()).extracting(Task.NewTask::correlationId).containsOnly("parent-1");
    }

    @Test
    void givenArgumentsMissingUnknownOrOfTheWrongType_instantiate_namesEachOne() {
        assertThatThrownBy(() -> template("t").instantiate("p", Map.of("branch", "dev"), "/r", null))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("arguments.threads is required");
        assertThatThrownBy(() -> template("t").instantiate("p", Map.of("threads", "many", "colour", "red"), "/r",
                null))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("arguments.colour", "arguments.threads"));
    }

    @Test
    void givenPlaceholderOfNoParameterOrABadDefault_create_isRefused() {
        TaskTemplate.Details undeclared = new TaskTemplate.Details("x", null, null, null, null,
                List.of(new TemplateStep("run {{nothing}}", null)), Map.of(), Set.of());
        TaskTemplate.Details badDefault = new TaskTemplate.Details("x", null, null, null, null,
                List.of(new TemplateStep("run {{n}}", null)),
                Map.of("n", new TemplateParameter(ParameterType.INTEGER, "ten", false)), Set.of());

        assertThatThrownBy(() -> TaskTemplate.create(TENANT, "x", undeclared, T0, "me"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("steps[0].command")
                .hasMessageContaining("{{nothing}}");
        assertThatThrownBy(() -> TaskTemplate.create(TENANT, "x", badDefault, T0, "me"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("parameters.n.defaultValue");
    }
}
