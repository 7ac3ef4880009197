package dev.orchestra.domain.task;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.InvalidTransition;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TaskTest {
    private static final Lease LEASE = new Lease("token", T0.plusSeconds(300));

    /** A task in each status, reached through legal moves only. */
    private static final Map<TaskStatus, Task> IN_STATUS = Map.of(
            TaskStatus.PENDING, task("t", "/r"),
            TaskStatus.ASSIGNED, task("t", "/r").assign("a", LEASE, T0),
            TaskStatus.IN_PROGRESS, task("t", "/r").assign("a", LEASE, T0).start(T0),
            TaskStatus.COMPLETED, task("t", "/r").assign("a", LEASE, T0).start(T0).complete("ok", T0),
            TaskStatus.FAILED, task("t", "/r").assign("a", LEASE, T0).start(T0).fail("boom", T0),
            TaskStatus.CANCELLED, task("t", "/r").cancel(T0));

    private static final Map<TaskStatus, Function<Task, Task>> MOVE_TO = Map.of(
            TaskStatus.ASSIGNED, t -> t.assign("a", LEASE, T0),
            TaskStatus.IN_PROGRESS, t -> t.start(T0),
            TaskStatus.COMPLETED, t -> t.complete("ok", T0),
            TaskStatus.FAILED, t -> t.fail("boom", T0),
            TaskStatus.CANCELLED, t -> t.cancel(T0));

    @Test
    void givenEveryStatusPair_aMoveOutsideTheMachine_isRefusedNamingBothStates() {
        for (TaskStatus from : TaskStatus.values()) {
            for (Map.Entry<TaskStatus, Function<Task, Task>> move : MOVE_TO.entrySet()) {
                Task task = IN_STATUS.get(from);
                TaskStatus to = move.getKey();
                if (from.canMoveTo(to)) {
                    assertThat(move.getValue().apply(task).status()).as(from + " -> " + to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> move.getValue().apply(task)).as(from + " -> " + to)
                            .isInstanceOf(InvalidTransition.class)
                            .hasMessageContaining(from.name()).hasMessageContaining(to.name());
                }
            }
        }
    }

    @Test
    void givenTheMachine_theAllowedMovesAreExactlyTheDocumentedOnes() {
        assertThat(TaskStatus.PENDING.next()).isEqualTo(EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.CANCELLED));
        assertThat(TaskStatus.ASSIGNED.next())
                .isEqualTo(EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.PENDING, TaskStatus.CANCELLED));
        assertThat(TaskStatus.IN_PROGRESS.next())
                .isEqualTo(EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED));
        assertThat(TaskStatus.FAILED.next()).isEqualTo(Set.of(TaskStatus.PENDING));
        assertThat(TaskStatus.COMPLETED.next()).isEmpty();
        assertThat(TaskStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void givenFailedTask_retry_countsUpToTenThenRefuses() {
        Task task = IN_STATUS.get(TaskStatus.FAILED);
        for (int i = 1; i <= Task.MAX_RETRIES; i++) {
            task = task.retry(T0);
            assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(task.retryCount()).isEqualTo(i);
            assertThat(task.agentId()).isNull();
            task = task.assign("a", LEASE, T0).start(T0).fail("again", T0);
        }
        Task exhausted = task;

        assertThatThrownBy(() -> exhausted.retry(T0)).isInstanceOf(InvalidTransition.class)
                .hasMessageContaining("FAILED").hasMessageContaining("PENDING").hasMessageContaining("10");
    }

    @Test
    void givenAssignedTask_unassign_returnsToPendingWithoutCountingARetry() {
        Task pending = IN_STATUS.get(TaskStatus.ASSIGNED).unassign(T0);

        assertThat(pending.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(pending.retryCount()).isZero();
        assertThat(pending.agentId()).isNull();
        assertThat(pending.lease()).isNull();
        assertThatThrownBy(() -> IN_STATUS.get(TaskStatus.IN_PROGRESS).unassign(T0))
                .isInstanceOf(InvalidTransition.class).hasMessageContaining("IN_PROGRESS");
    }

    @Test
    void givenRunningTask_complete_measuresTheDurationAndNeverWritesTimeBackwards() {
        Task running = task("t", "/r").assign("a", LEASE, T0).start(T0.plusSeconds(10));

        Task done = running.complete("ok", T0.plusSeconds(70));
        Task skewed = running.complete("ok", T0.plusSeconds(5));

        assertThat(done.executionDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(done.progress().percentage()).isEqualTo(100);
        assertThat(done.lease()).isNull();
        assertThat(skewed.completedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(skewed.executionDuration()).isZero();
    }

    @Test
    void givenTaskNotRunning_progress_isRefused() {
        assertThatThrownBy(() -> IN_STATUS.get(TaskStatus.ASSIGNED).reportProgress(10, "x", T0))
                .isInstanceOf(InvalidTransition.class).hasMessageContaining("ASSIGNED");
    }
}
