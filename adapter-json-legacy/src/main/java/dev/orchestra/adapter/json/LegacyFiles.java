package dev.orchestra.adapter.json;

import dev.orchestra.domain.migration.LegacyDocuments;
import dev.orchestra.domain.shared.StoreFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** The legacy file as a file: its digest and size, its archiving after a migration, its byte order mark. */
final class LegacyFiles {
    private static final DateTimeFormatter ARCHIVE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private LegacyFiles() {
    }

    /** Name, size and SHA-256 of the file, read once. */
    static LegacyDocuments.SourceFacts facts(Path file) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 16), sha256)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return new LegacyDocuments.SourceFacts(file.getFileName().toString(), Files.size(file),
                    HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new StoreFailure("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Renames the migrated file beside itself with a time stamp, so a second migration cannot pick it up. */
    static Path archive(Path file, Instant at) {
        String name = file.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path target = file.resolveSibling(base + "_migrated_" + ARCHIVE_STAMP.format(at) + ".json");
        try {
            try {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return Files.move(file, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreFailure("cannot archive " + file + ": " + target + " exists already", e);
        } catch (IOException e) {
            throw new StoreFailure("cannot archive " + file + " as " + target + ": " + e.getMessage(), e);
        }
    }

    /** Skips a UTF-8 byte order mark; {@code in} must support mark and reset. */
    static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.reset();
        }
        return in;
    }
}
