package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static dev.orchestra.domain.testing.TestData.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryFields;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.testing.Builders;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code CodeRepositories} must have. */
public abstract class CodeRepositoriesContractTest extends StoreContract {

    @Test
    void givenNewRepository_add_thenFoundByIdAndByPathAfterReopen() {
        CodeRepository repository = repository("r1", "C:\\Sources\\Demo");

        write(() -> store.repositories().add(repository));
        reopen();

        assertThat(read(() -> store.repositories().findById(TENANT, "r1"))).contains(repository);
        assertThat(read(() -> store.repositories().findByPath(TENANT, "C:\\Sources\\Demo"))).contains(repository);
        assertThat(read(() -> store.repositories().findByPath(TENANT, "c:\\sources\\demo"))).isEmpty();
    }

    @Test
    void givenTakenPath_add_isConflict() {
        write(() -> store.repositories().add(repository("r1", "/same")));

        assertThatThrownBy(() -> write(() -> store.repositories().add(repository("r2", "/same"))))
                .isInstanceOf(Conflict.class);
        assertThat(read(() -> store.repositories().findById(TENANT, "r2"))).isEmpty();
    }

    @Test
    void givenStoredRepository_recordTask_updatesStatisticsAndVersion() {
        CodeRepository stored = write(() -> store.repositories().add(repository("r1", "/r")));

        CodeRepository updated = write(() -> store.repositories().update(
                stored.recordTask(true, Duration.ofSeconds(5), T0.plusSeconds(9))));

        CodeRepository read = read(() -> store.repositories().findById(TENANT, "r1")).orElseThrow();
        assertThat(read).isEqualTo(updated);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.statistics().successfulTasks()).isEqualTo(8);
        assertThat(read.statistics().totalExecutionTime()).isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void givenStaleVersion_updateOrRemove_isConflict() {
        CodeRepository stored = write(() -> store.repositories().add(repository("r1", "/r")));
        write(() -> store.repositories().update(stored.recordTask(false, null, T0)));

        assertThatThrownBy(() -> write(() -> store.repositories().update(stored.recordTask(true, null, T0))))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> write(() -> {
            store.repositories().remove(TENANT, "r1", 0);
            return null;
        })).isInstanceOf(Conflict.class);
    }

    @Test
    void givenUnusedRepository_remove_deletesIt() {
        write(() -> store.repositories().add(repository("r1", "/r")));

        writeVoid(() -> store.repositories().remove(TENANT, "r1", 0));

        assertThat(read(() -> store.repositories().findById(TENANT, "r1"))).isEmpty();
        assertThatThrownBy(() -> write(() -> {
            store.repositories().remove(TENANT, "r1", 0);
            return null;
        })).isInstanceOf(NotFound.class);
    }

    @Test
    void givenRepositoryUsedByAnAgent_remove_isConflictAndKeepsIt() {
        write(() -> store.repositories().add(repository("r1", "/r")));
        write(() -> store.agents().add(Builders.anAgent("a", "/r").repositoryId("r1").build()));

        assertThatThrownBy(() -> write(() -> {
            store.repositories().remove(TENANT, "r1", 0);
            return null;
        })).isInstanceOf(Conflict.class);
        assertThat(read(() -> store.repositories().findById(TENANT, "r1"))).isPresent();
    }

    @Test
    void givenRepositories_findActiveSortedByName_pages() {
        writeVoid(() -> {
            store.repositories().add(repository("r1", "/b"));
            store.repositories().add(repository("r2", "/a"));
            store.repositories().add(repository("r3", "/c"));
        });

        var page = read(() -> store.repositories().find(TENANT, RepositoryFields.ACTIVE.eq(true),
                new PageRequest<>(0, 2, List.of(RepositoryFields.PATH.desc()))));

        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.items()).extracting(CodeRepository::path).containsExactly("/c", "/b");
    }

    @Test
    void givenInconsistentStatistics_add_isRefusedAtTheSchemaDoor() {
        CodeRepository valid = repository("r1", "/r");
        CodeRepository broken = new CodeRepository(valid.tenantId(), "r1", valid.name(), valid.path(), null,
                valid.type(), true, null, null, valid.allowedOperations(), valid.accessLevel(), null,
                new RepositoryStatistics(1, 1, 1, Duration.ZERO, null), 0, 0, null, valid.audit(), 0);

        assertThatThrownBy(() -> write(() -> store.repositories().add(broken)))
                .isInstanceOf(ValidationFailed.class);
        assertThat(read(() -> store.repositories().findById(TENANT, "r1"))).isEmpty();
    }
}
