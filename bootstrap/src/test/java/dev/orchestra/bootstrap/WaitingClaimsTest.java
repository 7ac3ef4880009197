package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.application.task.WaitingClaims;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A waiting claim wakes on an enqueue or a re-queue in its tenant only, ends empty, and is answered at close. */
class WaitingClaimsTest {
    private static final Caller CALLER = new Caller(TenantId.DEFAULT, "tester");
    private static final Caller OTHER = new Caller(new TenantId("other"), "tester");

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAWaitingClaim_anotherTenantsTaskDoesNotWakeItButItsOwnDoes(String type) throws Exception {
        try (Store store = TestStores.open(type, directory, Clock.systemUTC())) {
            Wiring w = Wiring.of(store, TestStores.VALIDATOR, Clock.systemUTC(), Duration.ofMinutes(5));
            TaskQueue queue = TaskConfiguration.taskQueue(w);
            AgentRegistry agents = AgentConfiguration.agentRegistry(w);
            for (Caller c : new Caller[] {CALLER, OTHER}) {
                agents.register(c, new Agent.Registration("a1", "A", "t", "/repo", null, Set.of(), 1, null, null,
                        null));
            }
            try (WaitingClaims waiting = TaskConfiguration.waitingClaims(queue, w)) {
                CompletableFuture<Optional<Task>> claim = waiting.claim(CALLER, "a1", false, Duration.ofSeconds(20));
                queue.enqueue(OTHER, new Task.NewTask("elsewhere", "run", "/repo", TaskPriority.NORMAL, null, null,
                        null, null));
                Thread.sleep(200);
                assertThat(claim).as("another tenant's work is not this agent's").isNotDone();

                queue.enqueue(CALLER, new Task.NewTask("mine", "run", "/repo", TaskPriority.NORMAL, null, null, null,
                        null));

                assertThat(claim.get(5, TimeUnit.SECONDS)).map(Task::id).contains("mine");
                CompletableFuture<Optional<Task>> other = waiting.claim(OTHER, "a1", false, Duration.ofSeconds(20));
                assertThat(other.get(5, TimeUnit.SECONDS)).as("work already there is claimed at once")
                        .map(Task::id).contains("elsewhere");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenNoWork_aWaitEndsEmptyAfterItsTimeAndCloseAnswersTheOthers(String type) throws Exception {
        try (Store store = TestStores.open(type, directory, Clock.systemUTC())) {
            Wiring w = Wiring.of(store, TestStores.VALIDATOR, Clock.systemUTC(), Duration.ofMinutes(5));
            TaskQueue queue = TaskConfiguration.taskQueue(w);
            AgentConfiguration.agentRegistry(w).register(CALLER, new Agent.Registration("a1", "A", "t", "/repo", null,
                    Set.of(), 2, null, null, null));
            WaitingClaims waiting = TaskConfiguration.waitingClaims(queue, w);
            long began = System.nanoTime();
            assertThat(waiting.claim(CALLER, "a1", false, Duration.ofMillis(300)).get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat((System.nanoTime() - began) / 1_000_000).isGreaterThanOrEqualTo(290);

            CompletableFuture<Optional<Task>> open = waiting.claim(CALLER, "a1", false, Duration.ofSeconds(30));
            waiting.close();

            assertThat(open.get(1, TimeUnit.SECONDS)).isEmpty();
        }
    }
}
