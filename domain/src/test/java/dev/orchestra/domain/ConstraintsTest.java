package dev.orchestra.domain;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static dev.orchestra.domain.testing.TestData.preference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The jakarta.validation constraints of the aggregates, as the application checks them. */
class ConstraintsTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static Set<String> violatedPaths(Object candidate) {
        return VALIDATOR.validate(candidate).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void givenValidAggregates_noConstraintIsViolated() {
        assertThat(violatedPaths(agent("a", "/r"))).isEmpty();
        assertThat(violatedPaths(dev.orchestra.domain.testing.TestData.completedTask("t", "a"))).isEmpty();
        assertThat(violatedPaths(dev.orchestra.domain.testing.TestData.repository("r", "/r"))).isEmpty();
    }

    @Test
    void givenAgentOutsideItsLimits_everyBrokenLimitIsReported() {
        Agent a = agent("a", "/r");
        Agent broken = new Agent(TENANT, "bad id!", "", a.type(), "p".repeat(501), null, a.status(), a.lastPing(),
                null, null, Set.of(""), null, null, 11, Duration.ZERO, a.statistics(), a.audit(), null, null, 0);

        assertThat(violatedPaths(broken)).contains("id", "name", "repositoryPath", "maxConcurrentTasks",
                "healthCheckInterval", "capabilities[].<iterable element>");
    }

    @Test
    void givenTimesOutOfOrder_theCrossFieldConstraint_namesTheLaterField() {
        Task backwards = new Task(TENANT, "t", "cmd", "/r", null, "a", TaskPriority.NORMAL, TaskStatus.COMPLETED,
                T0, null, T0.minusSeconds(5), T0.minusSeconds(10), null, null, 0, null, null, 0, null, null, null,
                T0, 0);

        Set<ConstraintViolation<Task>> violations = VALIDATOR.validate(backwards);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("startedAt", "completedAt");
        assertThat(violations).extracting(ConstraintViolation::getMessage)
                .contains("must not be before createdAt", "must not be before startedAt");
    }

    @Test
    void givenDurationsAroundWhatAStoreKeeps_theDurationConstraints_refuseOnlyLonger() {
        java.time.Duration longest = dev.orchestra.domain.shared.NonNegativeDuration.LONGEST;

        assertThat(VALIDATOR.validate(new dev.orchestra.domain.agent.AgentStatistics(1, 0, longest))).isEmpty();
        assertThat(VALIDATOR.validate(new dev.orchestra.domain.agent.AgentStatistics(1, 0, longest.plusNanos(1))))
                .extracting(v -> v.getPropertyPath() + " " + v.getMessage()).containsExactly("totalExecutionTime"
                        + " must be between PT0S and PT2562047H47M16.854775807S (about 292 years)");
    }

    @Test
    void givenLifetimeTotalsAtWhatAStoreKeeps_oneMoreTask_isCountedAndTheTotalStaysThere() {
        java.time.Duration nearly = dev.orchestra.domain.shared.NonNegativeDuration.LONGEST.minusHours(1);
        java.time.Duration day = java.time.Duration.ofDays(1);

        // Past the bound, the store's nanosecond column failed every later completion of the agent's tasks.
        dev.orchestra.domain.agent.AgentStatistics agent =
                new dev.orchestra.domain.agent.AgentStatistics(9, 0, nearly).withCompleted(day);
        dev.orchestra.domain.repository.RepositoryStatistics repository =
                new dev.orchestra.domain.repository.RepositoryStatistics(9, 9, 0, nearly, null)
                        .withSuccess(day, java.time.Instant.EPOCH);

        assertThat(agent.completed()).isEqualTo(10);
        assertThat(agent.totalExecutionTime()).isEqualTo(dev.orchestra.domain.shared.NonNegativeDuration.LONGEST);
        assertThat(VALIDATOR.validate(agent)).isEmpty();
        assertThat(repository.successfulTasks()).isEqualTo(10);
        assertThat(repository.totalExecutionTime())
                .isEqualTo(dev.orchestra.domain.shared.NonNegativeDuration.LONGEST);
        assertThat(new dev.orchestra.domain.agent.AgentStatistics(1, 0, day).withCompleted(day).totalExecutionTime())
                .isEqualTo(day.multipliedBy(2));
    }

    @Test
    void givenRunLongerThanAStoreKeeps_theCrossFieldConstraint_namesCompletedAt() {
        java.time.Instant year2 = java.time.Instant.parse("0002-01-01T00:00:00Z");
        Task placeholder = new Task(TENANT, "t", "cmd", "/r", null, "a", TaskPriority.NORMAL, TaskStatus.COMPLETED,
                year2, null, year2, java.time.Instant.parse("9999-12-31T00:00:00Z"), null, null, 0, null, null, 0,
                null, null, null, year2, 0);
        Task longest = new Task(TENANT, "t", "cmd", "/r", null, "a", TaskPriority.NORMAL, TaskStatus.COMPLETED,
                year2, null, year2, year2.plus(dev.orchestra.domain.shared.NonNegativeDuration.LONGEST), null, null,
                0, null, null, 0, null, null, null, year2, 0);

        assertThat(VALIDATOR.validate(placeholder)).extracting(v -> v.getPropertyPath() + " " + v.getMessage())
                .containsExactly("completedAt is 9997 years after startedAt; a task's run may last at most about"
                        + " 292 years");
        assertThat(VALIDATOR.validate(longest)).isEmpty();
    }

    @Test
    void givenValueNotOfItsType_thePreferenceConstraint_namesTheValue() {
        UserPreference p = preference("p", PreferenceScope.user("u"), "k", "v");
        for (String[] bad : new String[][] {{"INTEGER", "1.5"}, {"INTEGER", "99999999999999999999"},
                {"DECIMAL", "abc"}, {"BOOLEAN", "yes"}, {"JSON", " "}}) {
            UserPreference broken = new UserPreference(TENANT, "p", p.scope(), "k", bad[1],
                    ValueType.valueOf(bad[0]), null, null, false, false, p.audit(), 0);
            assertThat(violatedPaths(broken)).as(bad[0] + " " + bad[1]).containsExactly("value");
        }
        UserPreference fine = new UserPreference(TENANT, "p", p.scope(), "k", "-42", ValueType.INTEGER, null, null,
                false, false, p.audit(), 0);
        assertThat(violatedPaths(fine)).isEmpty();
    }
}
