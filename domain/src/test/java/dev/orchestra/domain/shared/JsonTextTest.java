package dev.orchestra.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void givenTextWithQuotesBackslashesAndControlCharacters_quote_escapesEachAndNothingElse() {
        StringBuilder out = new StringBuilder();
        JsonText.quote(out, "a\"b\\c\nd\re\tf\u0001g é ✓");

        assertThat(out).hasToString("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g é ✓\"");
    }

    @Test
    void givenRandomStrings_stringArrayThenParse_givesEveryStringBack() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "ab \"\\\n\r\t\u0000\u001f/é✓{}[],:";
        for (int round = 0; round < 500; round++) {
            List<String> values = new ArrayList<>();
            for (int v = random.nextInt(4); v >= 0; v--) {
                StringBuilder value = new StringBuilder();
                for (int c = random.nextInt(12); c > 0; c--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(value.toString());
            }

            assertThat(JsonText.parseStringArray(JsonText.stringArray(values))).as("seed %d", seed)
                    .containsExactlyElementsOf(values);
        }
    }
}
