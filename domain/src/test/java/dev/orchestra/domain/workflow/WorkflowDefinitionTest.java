package dev.orchestra.domain.workflow;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.ValidationFailed;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionTest {
    private static WorkflowStep step(String id, String... dependsOn) {
        return new WorkflowStep(id, "shell", "run " + id, List.of(dependsOn));
    }

    private static WorkflowDefinition.Content content(String version, WorkflowStep... steps) {
        return new WorkflowDefinition.Content("ci", version, List.of(steps), null, null, null, null, null, null);
    }

    @Test
    void givenBadGraphs_create_isRefusedNamingTheStep() {
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.0.0", step("a"), step("a")), null,
                T0, "u")).isInstanceOf(ValidationFailed.class).hasMessageContaining("definition.steps[1].id")
                .hasMessageContaining("'a' is defined twice");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.0.0", step("a", "ghost")), null,
                T0, "u")).hasMessageContaining("steps[0].dependsOn").hasMessageContaining("'ghost'");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.0.0", step("a", "c"),
                step("b", "a"), step("c", "b"), step("d")), null, T0, "u"))
                .hasMessageContaining("cycle").hasMessageContaining("a -> c -> b -> a");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.0.0", step("a", "a")), null, T0,
                "u")).hasMessageContaining("depends on itself");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.0.0"), null, T0, "u"))
                .hasMessageContaining("at least one step");
    }

    @Test
    void givenALongChain_create_acceptsItWithoutRecursionLimits() {
        WorkflowStep[] steps = Stream.iterate(0, i -> i + 1).limit(StepGraph.MAX_STEPS)
                .map(i -> i == 0 ? step("s0") : step("s" + i, "s" + (i - 1))).toArray(WorkflowStep[]::new);

        assertThat(WorkflowDefinition.create(TENANT, "x", content("1.0.0", steps), null, T0, "u").steps())
                .hasSize(StepGraph.MAX_STEPS);
    }

    @Test
    void givenTheSameSteps_theContentHash_isTheSameAndAnyChangeChangesIt() {
        String hash = definition("a", "ci", "1.0.0").contentHash();

        assertThat(hash).hasSize(64).isEqualTo(definition("b", "other", "2.0.0").contentHash());
        assertThat(StepGraph.contentHash(List.of(step("build")))).isNotEqualTo(
                StepGraph.contentHash(List.of(new WorkflowStep("build", "shell", "run build ", List.of()))));
        assertThat(StepGraph.canonicalJson(List.of(new WorkflowStep("b", "t", null, List.of("a")))))
                .isEqualTo("{\"steps\":[{\"dependsOn\":[\"a\"],\"id\":\"b\",\"type\":\"t\"}]}");
    }

    @Test
    void givenALatestVersion_aNewVersion_mustBeHigherAndLinksToIt() {
        WorkflowDefinition v1 = definition("v1", "ci", "1.2.0");

        WorkflowDefinition v2 = WorkflowDefinition.create(TENANT, "v2", content("1.10.0", step("a")), v1, T0, "u");

        assertThat(v2.previousVersionId()).isEqualTo("v1");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.2.0", step("a")), v1, T0, "u"))
                .isInstanceOf(Conflict.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.2.0+build.7", step("a")), v1, T0,
                "u")).isInstanceOf(Conflict.class).hasMessageContaining("same version");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.1.9", step("a")), v1, T0, "u"))
                .isInstanceOf(Conflict.class).hasMessageContaining("must be higher than its latest version 1.2.0");
        assertThatThrownBy(() -> WorkflowDefinition.create(TENANT, "x", content("1.2", step("a")), null, T0, "u"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("semantic version");
    }

    @Test
    void givenSemverPrecedence_compare_followsTheSpecification() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "10.0.0");
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(SemanticVersion.parse("v", ordered.get(i - 1)))
                    .as(ordered.get(i - 1) + " < " + ordered.get(i))
                    .isLessThan(SemanticVersion.parse("v", ordered.get(i)));
        }
        assertThatThrownBy(() -> SemanticVersion.parse("version", "01.0.0")).hasMessageContaining("version");
        assertThatThrownBy(() -> SemanticVersion.parse("version", "1.0.0-" + "9".repeat(100_000) + "!"))
                .as("refused for its length").hasMessageContaining("at most 100");
    }

    @Test
    void givenExecutions_theStatusMachine_letsOnlyResumeReviveAnEndedOne() {
        assertThat(ExecutionStatus.RUNNING.canMoveTo(ExecutionStatus.COMPLETED)).isTrue();
        assertThat(ExecutionStatus.COMPLETED.canMoveTo(ExecutionStatus.RUNNING)).isFalse();
        assertThat(ExecutionStatus.FAILED.canMoveTo(ExecutionStatus.PENDING)).isTrue();
        assertThat(ExecutionStatus.FAILED.canMoveTo(ExecutionStatus.RUNNING)).isFalse();
        assertThat(ExecutionStatus.CANCELLED.canMoveTo(ExecutionStatus.COMPLETED)).isFalse();
    }
}
