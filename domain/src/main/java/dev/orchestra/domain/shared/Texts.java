package dev.orchestra.domain.shared;

/** The text rules of {@link SingleLine} and {@link StorableText}, in one place. */
public final class Texts {
    private Texts() {
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
