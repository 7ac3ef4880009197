package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.StoreFull;
import dev.orchestra.domain.shared.TenantId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON store's write-ahead journal beside the document: one line per committed unit,
 * {@code {"unit":{…},"crc32c":"…"}}, the checksum taken over the unit's bytes as written. A unit is
 * appended and fsynced before its caller hears of it; a failed append is cut off again, so the journal
 * only ever holds whole, committed units followed at most by one torn record from a crash.
 */
final class JsonJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JsonJournal.class.getName());
    private static final byte[] HEAD = "{\"unit\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL_START = ",\"crc32c\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL_END = "\"}\n".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL_LENGTH = TAIL_START.length + 8 + TAIL_END.length;

    /** What a replay found. */
    record Replay(int applied, int skipped, long tornBytes) {
    }

    private final Path path;
    private final ObjectMapper mapper;
    private final LegacyDocument document;
    private final FileChannel channel;
    private long size;
    /** Set when a failed append could not be cut off: the journal's end is unknown, so no more writes. */
    private String broken;

    private JsonJournal(Path path, ObjectMapper mapper, LegacyDocument document, FileChannel channel, long size) {
        this.path = path;
        this.mapper = mapper;
        this.document = document;
        this.channel = channel;
        this.size = size;
    }

    static JsonJournal open(Path path, ObjectMapper mapper, LegacyDocument document) {
        boolean created = !Files.exists(path);
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (created) {
                JsonStore.syncFolder(path.getParent());
            }
            return new JsonJournal(path, mapper, document, channel, channel.size());
        } catch (IOException e) {
            throw new StoreFailure("cannot open the JSON store's journal " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /**
     * Applies the journal's units that {@code state} does not hold yet. A damaged last record is a unit
     * that was never acknowledged (the process died while appending it): it is dropped with a warning.
     * A damaged record before others, or a gap in the sequence, is refused: replaying past it could
     * lose or reorder acknowledged units, so the files are left for a person to look at.
     */
    Replay replay(JsonState state) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new StoreFailure("cannot read the JSON store's journal " + path + ": " + e.getMessage(), e);
        }
        state.changes().beginLoading();
        try {
            return replay(state, bytes);
        } finally {
            state.changes().end();
        }
    }

    private Replay replay(JsonState state, byte[] bytes) {
        int applied = 0;
        int skipped = 0;
        int line = 0;
        int start = 0;
        while (start < bytes.length) {
            line++;
            int end = indexOf(bytes, (byte) '\n', start);
            boolean last = end < 0 || end == bytes.length - 1;
            JsonNode unit = end < 0 ? null : unit(bytes, start, end + 1);
            if (unit == null) {
                if (last) {
                    long torn = bytes.length - start;
                    LOG.log(System.Logger.Level.WARNING, "the JSON store's journal " + path + " ends in a torn record"
                            + " (line " + line + ", " + torn + " bytes): a unit that was being written when the"
                            + " process stopped and was never acknowledged; it is dropped");
                    cutTo(start);
                    return new Replay(applied, skipped, torn);
                }
                throw new StoreFailure("the JSON store's journal " + path + " is damaged at line " + line
                        + " (byte " + start + ") and holds units after it; the store will not guess: restore the"
                        + " journal or move it aside, knowing its units after line " + (line - 1) + " are lost");
            }
            long sequence = unit.path("sequence").asLong(-1);
            if (sequence <= state.sequence()) {
                // The document was rewritten with this unit but the journal not emptied yet (a crash between).
                skipped++;
            } else if (sequence != state.sequence() + 1) {
                throw new StoreFailure("the JSON store's journal " + path + " holds unit " + sequence + " at line "
                        + line + " but the document ends at unit " + state.sequence() + "; units in between are"
                        + " missing, so the journal does not belong to this document");
            } else {
                apply(state, unit, line);
                state.sequence(sequence);
                applied++;
            }
            start = end + 1;
        }
        return new Replay(applied, skipped, 0);
    }

    /** Appends one unit and makes it durable; on failure the journal is as it was and the call throws. */
    void append(long sequence, Instant at, List<JsonChanges.Change> changes) {
        if (broken != null) {
            throw new StoreFailure(broken);
        }
        byte[] record = record(sequence, at, changes);
        long start = size;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            long position = start;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
            size = start + record.length;
        } catch (IOException e) {
            try {
                channel.truncate(start);
                channel.force(false);
            } catch (IOException again) {
                broken = "the JSON store's journal " + path + " could not be written and its end could not be"
                        + " restored (" + again.getMessage() + "); no more writes until the store is reopened,"
                        + " which replays the journal's whole units";
            }
            if (broken == null && isDiskFull(e)) {
                throw new StoreFull("append to the journal", e).at(path.toAbsolutePath().getParent().toString(),
                        path.toAbsolutePath().getParent().toFile().getUsableSpace());
            }
            throw new StoreFailure("cannot append to the JSON store's journal " + path + ": " + e.getMessage()
                    + "; the unit was not stored", e);
        }
    }

    /** The JDK reports ENOSPC only in the message ("No space left on device"). */
    static boolean isDiskFull(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left on device");
    }

    /** Empties the journal once the document holds all of it. */
    void reset() {
        cutTo(0);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Every unit in it is fsynced already.
        }
    }

    private void cutTo(long length) {
        try {
            channel.truncate(length);
            channel.force(false);
            size = length;
        } catch (IOException e) {
            throw new StoreFailure("cannot cut the JSON store's journal " + path + ": " + e.getMessage(), e);
        }
    }

    private byte[] record(long sequence, Instant at, List<JsonChanges.Change> changes) {
        ObjectNode unit = mapper.createObjectNode();
        unit.put("sequence", sequence);
        unit.put("at", LegacyValues.time(at));
        ArrayNode list = unit.putArray("changes");
        for (JsonChanges.Change change : changes) {
            ObjectNode c = list.addObject();
            c.put("tenant", change.tenant().value());
            c.put("area", change.area());
            switch (change.kind()) {
                case PUT -> {
                    c.put("put", change.id());
                    c.set("row", document.row(change.area(), change.value()));
                }
                case REMOVE -> c.put("remove", change.id());
                case APPEND -> c.set("append", document.row(change.area(), change.value()));
                case TRIM -> c.put("trim", Long.parseLong(change.id()));
            }
        }
        byte[] body = mapper.writeValueAsBytes(unit);
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] checksum = String.format("%08x", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer record = ByteBuffer.allocate(HEAD.length + body.length + TAIL_LENGTH);
        record.put(HEAD).put(body).put(TAIL_START).put(checksum).put(TAIL_END);
        return record.array();
    }

    /** The unit of the record in {@code [start, end)}, or null when the record is damaged. */
    private JsonNode unit(byte[] bytes, int start, int end) {
        int bodyStart = start + HEAD.length;
        int bodyEnd = end - TAIL_LENGTH;
        if (bodyEnd <= bodyStart || !startsWith(bytes, start, HEAD) || !startsWith(bytes, bodyEnd, TAIL_START)
                || !startsWith(bytes, end - TAIL_END.length, TAIL_END)) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, bodyStart, bodyEnd - bodyStart);
        String stored = new String(bytes, bodyEnd + TAIL_START.length, 8, StandardCharsets.US_ASCII);
        long expected;
        try {
            expected = HexFormat.fromHexDigitsToLong(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (expected != crc.getValue()) {
            return null;
        }
        try {
            JsonNode unit = mapper.readTree(new String(bytes, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8));
            return unit != null && unit.isObject() ? unit : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private void apply(JsonState state, JsonNode unit, int line) {
        for (JsonNode c : unit.path("changes")) {
            TenantId tenant = new TenantId(c.path("tenant").asString());
            String area = c.path("area").asString();
            try {
                JsonChanges.Change change;
                if (c.has("put")) {
                    change = new JsonChanges.Change(tenant, area, JsonChanges.Kind.PUT, c.get("put").asString(),
                            document.row(area, tenant, c.get("row")));
                } else if (c.has("remove")) {
                    change = new JsonChanges.Change(tenant, area, JsonChanges.Kind.REMOVE,
                            c.get("remove").asString(), null);
                } else if (c.has("trim")) {
                    change = new JsonChanges.Change(tenant, area, JsonChanges.Kind.TRIM,
                            String.valueOf(c.get("trim").asLong()), null);
                } else {
                    change = new JsonChanges.Change(tenant, area, JsonChanges.Kind.APPEND, null,
                            document.row(area, tenant, c.get("append")));
                }
                state.apply(change);
            } catch (RuntimeException e) {
                throw new StoreFailure("the JSON store's journal " + path + " holds a change at line " + line
                        + " this store cannot apply (" + area + "): " + e.getMessage(), e);
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
