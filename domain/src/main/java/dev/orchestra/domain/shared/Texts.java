package dev.orchestra.domain.shared;

/** The text rules of {@link SingleLine} and {@link StorableText}, in one place. */
public final class Texts {
    private Texts() {
    }

    /**
     * Refuses, naming {@code field}, a text longer than {@code max} or holding what {@link #problemWith}
     * finds: for values checked on the caller's thread before a unit of work (a null passes).
     */
    public static void require(String field, String text, int max, boolean freeText) {
        if (text == null) {
            return;
        }
        if (text.length() > max) {
            throw ValidationFailed.of(field, "must be at most " + max + " characters, not " + text.length());
        }
        String problem = problemWith(text, freeText);
        if (problem != null) {
            throw ValidationFailed.of(field, "must not contain " + problem);
        }
    }

    /** Null when {@code text} may be stored; else what is wrong and at which character. */
    public static String problemWith(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "an unpaired surrogate at character " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "an unpaired surrogate at character " + i;
            }
            if (c == 0) {
                return "NUL at character " + i;
            }
            if (!freeText && Character.isISOControl(c)) {
                return String.format("control character U+%04X at character %d", (int) c, i);
            }
        }
        return null;
    }
}
