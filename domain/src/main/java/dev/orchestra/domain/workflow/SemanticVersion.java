package dev.orchestra.domain.workflow;

import dev.orchestra.domain.shared.ValidationFailed;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0) and its precedence: numbers compare numerically, a pre-release is
 * lower than its release, pre-release identifiers compare one by one (numeric below alphanumeric), and
 * build metadata does not count, so {@code 1.0.0+a} and {@code 1.0.0+b} are the same version.
 */
public record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch, String preRelease)
        implements Comparable<SemanticVersion> {
    public static final String PATTERN = "(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})"
            + "(?:-((?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*))*))?"
            + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?";
    public static final String MESSAGE = "must be a semantic version such as 1.2.0 or 2.0.0-rc.1";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public static final int MAX_LENGTH = 100;

    public static SemanticVersion parse(String field, String text) {
        // Length first, so a long text is refused for what is wrong with it and never scanned by the pattern.
        if (text != null && text.length() > MAX_LENGTH) {
            throw ValidationFailed.of(field, "must be at most " + MAX_LENGTH + " characters, not " + text.length());
        }
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw ValidationFailed.of(field, MESSAGE + ", not '" + text + "'");
        }
        return new SemanticVersion(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)),
                m.group(4));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        String[] mine = preRelease.split("\\.");
        String[] theirs = other.preRelease.split("\\.");
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            c = compareIdentifier(mine[i], theirs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(mine.length, theirs.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
