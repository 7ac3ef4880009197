package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Transactions: all or nothing, nested units join, readers never see uncommitted writes. */
public abstract class UnitOfWorkContractTest extends StoreContract {

    @Test
    void givenWriteThatFailsHalfway_everyChangeOfTheUnitIsRolledBack() {
        assertThatThrownBy(() -> write(() -> {
            store.agents().add(agent("a", "/r"));
            store.tasks().add(task("t", "/r"));
            throw new IllegalStateException("fails after two writes");
        })).isInstanceOf(IllegalStateException.class).hasMessage("fails after two writes");

        assertThat(read(() -> store.agents().findById(TENANT, "a"))).isEmpty();
        assertThat(read(() -> store.tasks().findById(TENANT, "t"))).isEmpty();
    }

    @Test
    void givenNestedWrite_itJoinsTheOuterUnitAndFailsWithIt() {
        assertThatThrownBy(() -> write(() -> {
            write(() -> store.agents().add(agent("inner", "/r")));
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(read(() -> store.agents().findById(TENANT, "inner"))).isEmpty();
    }

    @Test
    void givenWriteInProgress_aConcurrentReader_seesOnlyCommittedData() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> unit = writer.submit(() -> write(() -> {
            store.agents().add(agent("a", "/r"));
            written.countDown();
            await(checked);
            return null;
        }));
        await(written);

        boolean visibleDuringWrite = read(() -> store.agents().findById(TENANT, "a")).isPresent();
        checked.countDown();
        unit.get(30, TimeUnit.SECONDS);
        writer.shutdown();

        assertThat(visibleDuringWrite).isFalse();
        assertThat(read(() -> store.agents().findById(TENANT, "a"))).isPresent();
    }

    @Test
    void givenReadUnit_itSeesWhatTheSameThreadWroteBefore() {
        write(() -> store.agents().add(agent("a", "/r")));

        assertThat(read(() -> read(() -> store.agents().findById(TENANT, "a")))).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
