package dev.orchestra.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void givenManyIdsInOneMillisecond_newId_isVersion7AndStrictlyIncreasingAsText() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.newId());
        }

        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("id %d", i).isGreaterThan(ids.get(i - 1));
        }
        UUID first = UUID.fromString(ids.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void givenId_itsTimestampIsTheCurrentTime() {
        long before = System.currentTimeMillis();

        UUID id = Ids.uuidV7();

        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, System.currentTimeMillis() + 5);
    }
}
