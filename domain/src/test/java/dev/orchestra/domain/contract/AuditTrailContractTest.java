package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code AuditTrail} must have. */
public abstract class AuditTrailContractTest extends StoreContract {

    private static AuditEntry entry(String id, String entityId, int secondsAfter) {
        return new AuditEntry(TENANT, id, "Task", entityId, AuditAction.UPDATE, "{\"status\":\"PENDING\"}",
                "{\"status\":\"ASSIGNED\"}", List.of("status"), "alice", "corr", T0.plusSeconds(secondsAfter), true,
                null, 1);
    }

    @Test
    void givenEntries_findByEntity_returnsThemInTimeOrderAfterReopen() {
        writeVoid(() -> {
            store.auditTrail().append(entry("e2", "t-1", 2));
            store.auditTrail().append(entry("e1", "t-1", 1));
            store.auditTrail().append(entry("e3", "t-2", 3));
        });
        reopen();

        var page = read(() -> store.auditTrail().find(TENANT, AuditFieldsOfEntry.ENTITY_ID.eq("t-1"),
                PageRequest.first(10, List.of(AuditFieldsOfEntry.TIMESTAMP.asc()))));

        assertThat(page.items()).extracting(AuditEntry::id).containsExactly("e1", "e2");
        assertThat(page.items().get(0)).isEqualTo(entry("e1", "t-1", 1));
        assertThat(read(() -> store.auditTrail().find(OTHER_TENANT, Specification.all(),
                PageRequest.first(10, List.of()))).totalItems()).isZero();
    }

    @Test
    void givenUnitThatFails_append_leavesNoEntry() {
        assertThatThrownBy(() -> write(() -> {
            store.auditTrail().append(entry("e1", "t-1", 1));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(read(() -> store.auditTrail().find(TENANT, Specification.all(),
                PageRequest.first(10, List.of()))).totalItems()).isZero();
    }
}
