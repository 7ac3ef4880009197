package dev.orchestra.domain.shared;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecificationTest {
    private final Task normal = task("n", "/r", TaskPriority.NORMAL, T0);
    private final Task critical = task("c", "/other", TaskPriority.CRITICAL, T0.plusSeconds(5));

    @Test
    void givenEnumComparison_itOrdersByDeclarationNotByName() {
        Specification<Task> highOrAbove = TaskFields.PRIORITY.atOrAfter(TaskPriority.HIGH);

        assertThat(highOrAbove.isSatisfiedBy(critical)).isTrue();
        assertThat(highOrAbove.isSatisfiedBy(normal)).isFalse();
    }

    @Test
    void givenAbsentValue_comparisonsAreFalseAndNotOfThemTrue_asInSql() {
        Specification<Task> hasAgentA = TaskFields.AGENT_ID.eq("a");

        assertThat(hasAgentA.isSatisfiedBy(normal)).isFalse();
        assertThat(TaskFields.AGENT_ID.ne("a").isSatisfiedBy(normal)).isFalse();
        assertThat(hasAgentA.not().isSatisfiedBy(normal)).isTrue();
        assertThat(TaskFields.AGENT_ID.isNull().isSatisfiedBy(normal)).isTrue();
    }

    @Test
    void givenAndOrIn_theyCombine() {
        Specification<Task> spec = TaskFields.REPOSITORY_PATH.in("/r", "/x")
                .and(TaskFields.CREATED_AT.before(T0.plusSeconds(1)))
                .or(TaskFields.ID.eq("c"));

        assertThat(List.of(normal, critical)).filteredOn(spec::isSatisfiedBy).extracting(Task::id)
                .containsExactly("n", "c");
        assertThat(Specification.<Task>all().and(spec)).isSameAs(spec);
    }

    @Test
    void givenSortOrders_theComparatorBreaksTiesById() {
        Task second = task("a-same-time", "/r", TaskPriority.NORMAL, T0);
        PageRequest<Task> request = new PageRequest<>(0, 10, List.of(TaskFields.PRIORITY.desc()));

        assertThat(List.of(normal, critical, second).stream().sorted(request.comparator(TaskFields.ID)))
                .extracting(Task::id).containsExactly("c", "a-same-time", "n");
    }
}
