package dev.sluice.testkit.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record made from a template's sample record (the reference's {@code RecordBuilder}): set its id, its cursor
 * or any field, then add it to a page.
 *
 * <pre>{@code
 * RecordBuilder record = employees.record("/data").idAt("/id").cursorAt("/updated_at");
 * page.withRecord(record.withId(7).withCursor("2024-03-01T00:00:00Z"));
 * }</pre>
 */
public final class RecordBuilder {

    private final ObjectNode record;
    private final @Nullable JsonPointer idPointer;
    private final @Nullable JsonPointer cursorPointer;

    RecordBuilder(ObjectNode record, @Nullable JsonPointer idPointer, @Nullable JsonPointer cursorPointer) {
        this.record = record;
        this.idPointer = idPointer;
        this.cursorPointer = cursorPointer;
    }

    /** The same record whose id is at {@code pointer} ({@code /id}); the template's record must have it. */
    public RecordBuilder idAt(String pointer) {
        return new RecordBuilder(record.deepCopy(), existing(pointer, "id"), cursorPointer);
    }

    /** The same record whose cursor is at {@code pointer} ({@code /updated_at}); the template's record must have it. */
    public RecordBuilder cursorAt(String pointer) {
        return new RecordBuilder(record.deepCopy(), idPointer, existing(pointer, "cursor"));
    }

    /** A copy with this id. */
    public RecordBuilder withId(Object id) {
        return withField(requirePointer(idPointer, "id", "idAt"), id);
    }

    /** A copy with this cursor value. */
    public RecordBuilder withCursor(Object cursor) {
        return withField(requirePointer(cursorPointer, "cursor", "cursorAt"), cursor);
    }

    /** A copy with {@code value} (a string, number, boolean, JSON node or null) at {@code pointer}. */
    public RecordBuilder withField(String pointer, @Nullable Object value) {
        return withField(JsonPointer.compile(pointer), value);
    }

    private RecordBuilder withField(JsonPointer at, @Nullable Object value) {
        ObjectNode copy = record.deepCopy();
        Pointers.set(copy, at, value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value));
        return new RecordBuilder(copy, idPointer, cursorPointer);
    }

    /** The record's JSON (a copy). */
    public ObjectNode build() {
        return record.deepCopy();
    }

    boolean hasId() {
        return idPointer != null;
    }

    private JsonPointer existing(String pointer, String what) {
        JsonPointer at = JsonPointer.compile(Objects.requireNonNull(pointer, "pointer is null"));
        if (record.at(at).isMissingNode()) {
            throw new IllegalArgumentException("the " + what + " pointer " + pointer
                    + " is not in the template's record " + Json.write(record));
        }
        return at;
    }

    private static JsonPointer requirePointer(@Nullable JsonPointer pointer, String what, String method) {
        if (pointer == null) {
            throw new IllegalStateException("no " + what + " pointer: declare it with " + method + "(...) first");
        }
        return pointer;
    }

    @Override
    public String toString() {
        return Json.write(record);
    }
}
