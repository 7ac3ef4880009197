package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.StoreFailure;
import java.util.Arrays;

/** Which SQLite engines the store trusts. */
final class SqliteEngine {
    /** 3.51.3 fixes the WAL-reset bug that can corrupt a database under concurrent writers and checkpoints. */
    static final int[] MINIMUM = {3, 51, 3};

    private SqliteEngine() {
    }

    static void requireSupported(String version) {
        if (compare(parse(version), MINIMUM) < 0) {
            throw new StoreFailure("SQLite " + version + " is too old: the store needs 3.51.3 or newer, whose"
                    + " releases fix the WAL-reset corruption bug (use sqlite-jdbc 3.51.3.0 or newer)");
        }
    }

    static int[] parse(String version) {
        String[] parts = version.trim().split("\\.");
        int[] numbers = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            numbers[i] = Integer.parseInt(parts[i].replaceAll("\\D.*", ""));
        }
        return numbers;
    }

    static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }
}
