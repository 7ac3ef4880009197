package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.testing.Builders;
import dev.orchestra.domain.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code Agents} must have. */
public abstract class AgentsContractTest extends StoreContract {

    @Test
    void givenNewAgent_add_thenItReadsBackEqualAtVersionZeroAfterReopen() {
        Agent agent = new Agent(TENANT, "agent-1", "Agent 1", "claude-code", "C:\\Sources\\Demo", null,
                AgentStatus.BUSY, T0, "task-9", "session", java.util.Set.of("z", "a"),
                new JsonDocument("{\"a\":[1,2,{\"b\":\"ü\"}]}"), new JsonDocument("{\"LastActiveTime\":\"x\"}"), 3,
                Duration.ofMillis(1500), TestData.agent("x", "/p").statistics(), TestData.agent("x", "/p").audit(),
                null, null, 0);

        Agent stored = write(() -> store.agents().add(agent));
        reopen();

        assertThat(stored).isEqualTo(agent);
        assertThat(read(() -> store.agents().findById(TENANT, "agent-1"))).contains(agent);
    }

    @Test
    void givenExistingId_add_isConflict() {
        write(() -> store.agents().add(agent("a", "/r")));

        assertThatThrownBy(() -> write(() -> store.agents().add(agent("a", "/other"))))
                .isInstanceOf(Conflict.class);
        assertThat(read(() -> store.agents().findById(TENANT, "a")).orElseThrow().repositoryPath()).isEqualTo("/r");
    }

    @Test
    void givenStoredAgent_updateAtCurrentVersion_writesAndIncrementsVersion() {
        Agent stored = write(() -> store.agents().add(agent("a", "/r")));

        Agent updated = write(() -> store.agents().update(stored.heartbeat(AgentStatus.ERROR, T0.plusSeconds(5))));

        assertThat(updated.version()).isEqualTo(1);
        Agent read = read(() -> store.agents().findById(TENANT, "a")).orElseThrow();
        assertThat(read.status()).isEqualTo(AgentStatus.ERROR);
        assertThat(read.lastPing()).isEqualTo(T0.plusSeconds(5));
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void givenStaleVersion_update_isConflictAndKeepsNewerData() {
        Agent stored = write(() -> store.agents().add(agent("a", "/r")));
        write(() -> store.agents().update(stored.heartbeat(AgentStatus.BUSY, T0)));

        assertThatThrownBy(() -> write(() -> store.agents().update(stored.heartbeat(AgentStatus.ERROR, T0))))
                .isInstanceOf(Conflict.class).hasMessageContaining("version 0");
        assertThat(read(() -> store.agents().findById(TENANT, "a")).orElseThrow().status())
                .isEqualTo(AgentStatus.BUSY);
    }

    @Test
    void givenUnknownAgent_update_isNotFound() {
        assertThatThrownBy(() -> write(() -> store.agents().update(agent("ghost", "/r"))))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void givenDeletedAgent_findAndList_hideItButHistoryKeepsIt() {
        Agent stored = write(() -> store.agents().add(agent("a", "/r")));
        write(() -> store.agents().add(agent("b", "/r")));

        write(() -> store.agents().update(stored.deleted(T0.plusSeconds(1), "admin")));

        assertThat(read(() -> store.agents().findById(TENANT, "a"))).isEmpty();
        assertThat(read(() -> store.agents().findIncludingDeleted(TENANT, "a")).orElseThrow().deletedBy())
                .isEqualTo("admin");
        assertThat(read(() -> store.agents().find(TENANT, Specification.all(), PageRequest.first(10, List.of())))
                .items()).extracting(Agent::id).containsExactly("b");
        assertThat(read(() -> store.agents().count(TENANT, Specification.all()))).isEqualTo(1);
    }

    @Test
    void givenCopiedAgentAtALaterVersion_add_keepsItsVersionAndFindWithDeletedListsDeletedOnes() {
        Agent copied = agent("copied", "/r").withVersion(7);
        Agent deleted = agent("gone", "/r").deleted(T0.plusSeconds(1), "admin");

        writeVoid(() -> {
            store.agents().add(copied);
            store.agents().add(deleted);
        });

        assertThat(read(() -> store.agents().findById(TENANT, "copied")).orElseThrow().version()).isEqualTo(7);
        assertThat(read(() -> store.agents().findWithDeleted(TENANT, Specification.all(),
                PageRequest.first(10, List.of(AgentFields.ID.asc())))).items())
                .extracting(Agent::id).containsExactly("copied", "gone");
        assertThat(read(() -> store.agents().find(TENANT, Specification.all(), PageRequest.first(10, List.of())))
                .items()).extracting(Agent::id).containsExactly("copied");
    }

    @Test
    void givenAgentOfAnotherTenant_find_neverReturnsIt() {
        write(() -> store.agents().add(TestData.inTenant(agent("a", "/r"), OTHER_TENANT)));

        assertThat(read(() -> store.agents().findById(TENANT, "a"))).isEmpty();
        assertThat(read(() -> store.agents().count(TENANT, Specification.all()))).isZero();
        assertThat(read(() -> store.agents().findById(OTHER_TENANT, "a"))).isPresent();
    }

    @Test
    void givenSameIdInTwoTenants_add_keepsBoth() {
        write(() -> store.agents().add(agent("a", "/mine")));
        write(() -> store.agents().add(TestData.inTenant(agent("a", "/theirs"), OTHER_TENANT)));

        assertThat(read(() -> store.agents().findById(TENANT, "a")).orElseThrow().repositoryPath())
                .isEqualTo("/mine");
        assertThat(read(() -> store.agents().findById(OTHER_TENANT, "a")).orElseThrow().repositoryPath())
                .isEqualTo("/theirs");
    }

    @Test
    void givenRandomAgents_findBySpecificationAndSort_matchesInMemoryEvaluationPageByPage() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        AgentStatus[] statuses = AgentStatus.values();
        List<Agent> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(agent(String.format("agent-%03d", random.nextInt(1000)) + "-" + i,
                    "/repo/" + random.nextInt(4), statuses[random.nextInt(statuses.length)],
                    T0.plusSeconds(random.nextInt(100))));
        }
        writeVoid(() -> all.forEach(store.agents()::add));
        Specification<Agent> where = AgentFields.STATUS.in(AgentStatus.IDLE, AgentStatus.BUSY)
                .and(AgentFields.LAST_PING.atOrAfter(T0.plusSeconds(20)))
                .and(AgentFields.REPOSITORY_PATH.eq("/repo/3").not());
        PageRequest<Agent> firstPage = new PageRequest<>(0, 7,
                List.of(AgentFields.STATUS.desc(), AgentFields.LAST_PING.asc()));
        List<Agent> expected = all.stream().filter(where::isSatisfiedBy)
                .sorted(firstPage.comparator(AgentFields.ID)).toList();

        List<Agent> actual = new ArrayList<>();
        for (int page = 0; page * 7 < expected.size() + 7; page++) {
            PageRequest<Agent> request = new PageRequest<>(page, 7, firstPage.sort());
            Page<Agent> result = read(() -> store.agents().find(TENANT, where, request));
            assertThat(result.totalItems()).as("seed %d", seed).isEqualTo(expected.size());
            actual.addAll(result.items());
        }

        assertThat(actual).as("seed %d", seed).extracting(Agent::id)
                .containsExactlyElementsOf(expected.stream().map(Agent::id).toList());
    }

    @Test
    void givenAgentBreakingSchemaLimits_add_isRefusedAtTheSchemaDoor() {
        Agent tooLongName = Builders.anAgent("a", "/r").name("n".repeat(256)).maxConcurrentTasks(11).build();

        assertThatThrownBy(() -> write(() -> store.agents().add(tooLongName)))
                .isInstanceOf(ValidationFailed.class);
        assertThat(read(() -> store.agents().findById(TENANT, "a"))).isEmpty();
    }
}
