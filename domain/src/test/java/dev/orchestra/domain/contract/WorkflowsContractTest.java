package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.definition;
import static dev.orchestra.domain.testing.TestData.execution;
import static dev.orchestra.domain.testing.TestData.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.testing.Records;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowFields;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code WorkflowDefinitions} and {@code WorkflowExecutions} must have. */
public abstract class WorkflowsContractTest extends StoreContract {

    @Test
    void givenADefinition_add_thenItReadsBackEqualWithItsStepsInOrderInItsTenantOnly() {
        WorkflowDefinition d = definition("wf-1", "ci", "1.0.0");

        write(() -> store.workflowDefinitions().add(d));
        reopen();

        assertThat(read(() -> store.workflowDefinitions().findById(TENANT, "wf-1"))).contains(d);
        assertThat(read(() -> store.workflowDefinitions().latest(TENANT, "ci"))).contains(d);
        assertThat(read(() -> store.workflowDefinitions().findById(OTHER_TENANT, "wf-1"))).isEmpty();
        assertThat(d.steps()).extracting(s -> s.id()).containsExactly("build", "test", "lint");
    }

    @Test
    void givenAStoredVersion_theSameNameAndVersionAgain_isAConflict() {
        WorkflowDefinition first = definition("wf-1", "ci", "1.0.0");
        write(() -> store.workflowDefinitions().add(first));

        assertThatThrownBy(() -> write(() -> store.workflowDefinitions().add(
                Records.with(Records.with(definition("wf-2", "ci", "1.0.0"), "latest", false), "id", "wf-2"))))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.workflowDefinitions().add(definition("wf-1", "other", "1.0.0"))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void givenAStoredVersion_update_writesOnlyItsBookkeepingAndChecksTheRevision() {
        WorkflowDefinition stored = write(() -> store.workflowDefinitions().add(definition("wf-1", "ci", "1.0.0")));
        WorkflowDefinition counted = stored.counted(2, 1, 0).superseded();
        WorkflowDefinition tampered = Records.with(counted, "category", "changed");

        WorkflowDefinition updated = write(() -> store.workflowDefinitions().update(tampered));
        reopen();

        WorkflowDefinition read = read(() -> store.workflowDefinitions().findById(TENANT, "wf-1")).orElseThrow();
        assertThat(read.usage()).isEqualTo(new WorkflowDefinition.Usage(2, 1, 0));
        assertThat(read.latest()).isFalse();
        assertThat(read.category()).as("content is never rewritten").isEqualTo("ci");
        assertThat(read.revision()).isEqualTo(1).isEqualTo(updated.revision());
        assertThat(read(() -> store.workflowDefinitions().latest(TENANT, "ci"))).isEmpty();
        assertThatThrownBy(() -> write(() -> store.workflowDefinitions().update(counted)))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void givenVersions_findLatest_givesTheNewestOfEachName() {
        writeVoid(() -> {
            WorkflowDefinition v1 = store.workflowDefinitions().add(definition("wf-1", "ci", "1.0.0"));
            store.workflowDefinitions().update(v1.superseded());
            store.workflowDefinitions().add(WorkflowDefinition.create(TENANT, "wf-2",
                    new WorkflowDefinition.Content("ci", "1.1.0", v1.steps(), null, null, null, null, null, null),
                    v1, T0.plusSeconds(1), "bob"));
            store.workflowDefinitions().add(definition("wf-3", "deploy", "0.1.0"));
        });

        List<WorkflowDefinition> latest = read(() -> store.workflowDefinitions().find(TENANT,
                WorkflowFields.Definition.LATEST.eq(true), PageRequest.first(10,
                        List.of(WorkflowFields.Definition.NAME.asc())))).items();

        assertThat(latest).extracting(WorkflowDefinition::id).containsExactly("wf-2", "wf-3");
        assertThat(latest.get(0).previousVersionId()).isEqualTo("wf-1");
    }

    @Test
    void givenAnExecution_addUpdate_readBackAndCheckTheVersion() {
        WorkflowDefinition d = write(() -> store.workflowDefinitions().add(definition("wf-1", "ci", "1.0.0")));
        WorkflowExecution e = write(() -> store.workflowExecutions().add(execution("run-1", d, T0)));
        WorkflowExecution running = e.moved(ExecutionStatus.RUNNING, "build", null, null, null, T0.plusSeconds(1));

        WorkflowExecution updated = write(() -> store.workflowExecutions().update(running));
        reopen();

        assertThat(read(() -> store.workflowExecutions().findById(TENANT, "run-1"))).contains(updated);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(updated.contentHash()).isEqualTo(d.contentHash());
        assertThatThrownBy(() -> write(() -> store.workflowExecutions().update(running))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.workflowExecutions().add(execution("run-1", d, T0))))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.workflowExecutions().update(execution("nope", d, T0))))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void givenExecutions_claimable_isIncompleteWithoutALiveLeaseOldestFirst() {
        WorkflowDefinition d = write(() -> store.workflowDefinitions().add(definition("wf-1", "ci", "1.0.0")));
        writeVoid(() -> {
            store.workflowExecutions().add(execution("c", d, T0.plusSeconds(3)));
            store.workflowExecutions().add(execution("a", d, T0.plusSeconds(1)));
            store.workflowExecutions().add(execution("done", d, T0)
                    .moved(ExecutionStatus.COMPLETED, null, null, null, null, T0));
            store.workflowExecutions().add(execution("leased", d, T0)
                    .leasedTo("exec-1", "token-1", Duration.ofMinutes(5), T0));
            store.workflowExecutions().add(execution("expired", d, T0.plusSeconds(2))
                    .leasedTo("exec-1", "token-2", Duration.ofSeconds(1), T0));
        });

        List<WorkflowExecution> claimable = read(() -> store.workflowExecutions().claimable(TENANT,
                T0.plusSeconds(60), 10));

        assertThat(claimable).extracting(WorkflowExecution::id).containsExactly("a", "expired", "c");
        assertThat(read(() -> store.workflowExecutions().claimable(TENANT, T0.plusSeconds(60), 2))).hasSize(2);
        assertThat(read(() -> store.workflowExecutions().claimable(OTHER_TENANT, T0.plusSeconds(60), 10))).isEmpty();
    }

    @Test
    void givenSteps_addAndUpdate_keepTheirOrderAndAnEndedAttemptNeverChanges() {
        WorkflowDefinition d = write(() -> store.workflowDefinitions().add(definition("wf-1", "ci", "1.0.0")));
        write(() -> store.workflowExecutions().add(execution("run-1", d, T0)));
        StepExecution build = step("run-1", "build", 1, 1, StepStatus.RUNNING, T0);
        List<Long> positions = write(() -> List.of(
                store.workflowExecutions().appendStep(build).position(),
                store.workflowExecutions().appendStep(step("run-1", "test", 1, 99, StepStatus.FAILED, T0)).position(),
                store.workflowExecutions().appendStep(step("run-1", "test", 2, 7, StepStatus.COMPLETED, T0))
                        .position()));
        StepExecution built = step("run-1", "build", 1, 1, StepStatus.COMPLETED, T0);

        write(() -> store.workflowExecutions().updateStep(built));
        reopen();

        assertThat(read(() -> store.workflowExecutions().steps(TENANT, "run-1")))
                .extracting(s -> s.stepId() + "#" + s.attempt() + ":" + s.status())
                .containsExactly("build#1:COMPLETED", "test#1:FAILED", "test#2:COMPLETED");
        assertThat(read(() -> store.workflowExecutions().lastAttempt(TENANT, "run-1", "test")))
                .map(StepExecution::attempt).contains(2);
        assertThat(read(() -> store.workflowExecutions().lastAttempt(TENANT, "run-1", "lint"))).isEmpty();
        assertThat(positions).as("the store numbers them, whatever they carry").containsExactly(1L, 2L, 3L);
        assertThat(read(() -> store.workflowExecutions().steps(TENANT, "run-1")).get(0)).isEqualTo(built);
        assertThatThrownBy(() -> write(() -> store.workflowExecutions().updateStep(built)))
                .as("an ended attempt is not updated").isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> write(() -> store.workflowExecutions().appendStep(
                step("run-1", "build", 1, 4, StepStatus.RUNNING, T0)))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> store.workflowExecutions().addStep(
                step("run-1", "lint", 1, 3, StepStatus.RUNNING, T0)))).as("a taken position")
                .isInstanceOf(Conflict.class);
    }
}
