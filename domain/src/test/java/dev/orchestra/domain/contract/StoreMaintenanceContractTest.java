package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code StoreMaintenance} must have. */
public abstract class StoreMaintenanceContractTest extends StoreContract {

    @Test
    void givenNewStore_itIsEmptyAndHasNoTenant() {
        assertThat(read(() -> store.maintenance().isEmpty())).isTrue();
        assertThat(read(() -> store.maintenance().tenants())).isEmpty();
    }

    @Test
    void givenDataInTwoTenants_tenantsListsBothAndTheStoreIsNotEmpty() {
        writeVoid(() -> {
            store.tasks().add(task("t", "/r"));
            store.agents().add(TestData.inTenant(agent("a", "/r"), OTHER_TENANT));
        });

        assertThat(read(() -> store.maintenance().isEmpty())).isFalse();
        assertThat(read(() -> store.maintenance().tenants())).containsExactlyInAnyOrder(TENANT, OTHER_TENANT);
    }

    @Test
    void givenData_backup_writesACopyBesideTheStoreThatHoldsIt() throws Exception {
        writeVoid(() -> store.agents().add(agent("a", "/r")));

        StoreMaintenance.Backup backup = store.maintenance().backup("before-import", T0);

        Path copy = Path.of(backup.location());
        assertThat(copy).exists();
        assertThat(copy.getParent().getFileName().toString()).isEqualTo("backups");
        assertThat(backup.sizeBytes()).isEqualTo(Files.size(copy)).isPositive();
        assertThat(copy.getFileName().toString()).contains("before-import");
    }
}
