package dev.sluice.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records at a checkpoint's cursor value, so that exactly-once delivery does not write them twice. An incremental
 * read resumed from a checkpoint starts at its cursor value, inclusive (records sharing the newest timestamp may not
 * all have been read), so it reads again the records the last interval ended with. The offset of each checkpoint
 * therefore also stores, under {@code "boundary"}, the greatest cursor value of its interval and a digest of each
 * record read with that value; a record that comes again with the same cursor value and the same content is dropped.
 * A record changed since has a newer cursor value and goes through.
 *
 * <p>Only for streams with a cursor; at most {@value #MOST} records per boundary (more sharing one cursor value are
 * not remembered: those few may then come twice, and a warning says so).
 */
final class CheckpointBoundary {

    static final String KEY = "boundary";
    static final int MOST = 1_000;
    private static final Logger log = LoggerFactory.getLogger(CheckpointBoundary.class);

    private final String pointer;
    /** The last checkpoint's boundary: what a read resumed from it must not hand out again. */
    private @Nullable JsonNode committedCursor;
    private Set<String> committed;
    /** The greatest cursor value of the records since the last checkpoint, and the digests of those having it. */
    private @Nullable JsonNode cursor;
    private final Set<String> current = new HashSet<>();

    private CheckpointBoundary(String pointer, @Nullable JsonNode committedCursor, Set<String> committed) {
        this.pointer = pointer;
        this.committedCursor = committedCursor;
        this.committed = committed;
    }

    /** The boundary of a stream's unit from its stored offset; null when the stream has no cursor. */
    static @Nullable CheckpointBoundary of(List<String> cursorField, @Nullable Map<String, Object> offset) {
        if (cursorField.isEmpty()) {
            return null;
        }
        String pointer = "/" + String.join("/", cursorField);
        if (offset != null && offset.get(KEY) instanceof String text) {
            try {
                JsonNode stored = Json.parse(text);
                Set<String> digests = new HashSet<>();
                stored.path("records").forEach(digest -> digests.add(digest.asText()));
                return new CheckpointBoundary(pointer, stored.get("cursor"), digests);
            } catch (JsonProcessingException e) {
                log.warn("Ignoring an unreadable checkpoint boundary ({})", e.getOriginalMessage());
            }
        }
        return new CheckpointBoundary(pointer, null, Set.of());
    }

    /** Whether the record was handed out before the last checkpoint (the resumed read reads it again). */
    boolean seen(ObjectNode data) {
        JsonNode value = data.at(pointer);
        return committedCursor != null && !value.isMissingNode() && value.equals(committedCursor)
                && committed.contains(digest(data));
    }

    /** A record handed out in the current interval. */
    void observe(ObjectNode data) {
        JsonNode value = data.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        int order = cursor == null ? 1 : compare(value, cursor);
        if (order > 0) {
            cursor = value;
            current.clear();
        }
        if (order >= 0) {
            current.add(digest(data));
        }
    }

    /** The interval ends at a checkpoint: its boundary becomes the committed one (kept when it had no record). */
    void checkpoint() {
        if (cursor == null) {
            return;
        }
        if (current.size() > MOST) {
            log.warn("{} records share the cursor value {}: not remembered, a resumed read may write them again",
                    current.size(), cursor);
            committedCursor = null;
            committed = Set.of();
        } else {
            committedCursor = cursor;
            committed = Set.copyOf(current);
        }
        cursor = null;
        current.clear();
    }

    /**
     * The records since the last checkpoint were not written after all (their read failed or their transaction was
     * aborted): forgets them, so that the next checkpoint's boundary holds only what the read from the last
     * checkpoint hands out again. Kept, they could raise the cursor past that checkpoint's greatest value and leave
     * its records out of the boundary.
     */
    void rewind() {
        cursor = null;
        current.clear();
    }

    /** The committed boundary as offset text, or null when there is none. */
    @Nullable String encode() {
        if (committedCursor == null) {
            return null;
        }
        ObjectNode node = Json.object();
        node.set("cursor", committedCursor);
        ArrayNode records = node.putArray("records");
        committed.stream().sorted().forEach(records::add);
        return Json.write(node);
    }

    private static int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareTo(b.asText());
    }

    private static String digest(ObjectNode data) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.write(data).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
