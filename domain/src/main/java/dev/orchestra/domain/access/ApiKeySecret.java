package dev.orchestra.domain.access;

import dev.orchestra.domain.shared.Digests;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of a key: {@value #PREFIX} and 256 random bits in URL-safe Base64 (43 characters), so a leaked one is
 * recognisable in a log or a repository scan. Only its SHA-256 is stored; comparing digests of a fixed length keeps
 * the lookup from telling how much of a guess was right.
 */
public final class ApiKeySecret {
    public static final String PREFIX = "osk_";
    /** 256 bits. */
    public static final int RANDOM_BYTES = 32;
    /** The length of every secret this issues; anything longer is not one of ours. */
    public static final int LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a secret (prefix, length, alphabet): anything else is refused unread. */
    public static boolean wellFormed(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static String sha256(String secret) {
        return Digests.sha256(secret);
    }
}
