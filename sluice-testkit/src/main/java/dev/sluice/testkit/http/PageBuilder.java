package dev.sluice.testkit.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of records built from a {@link ResponseTemplate} (the reference's {@code HttpResponseBuilder}). Records
 * added replace the template's sample records; without any, the template's records stay. Mutable: build one page
 * per builder.
 *
 * <pre>{@code
 * Reply page = template.page("/data")
 *         .paging(Paging.fieldAt("/meta/next"))
 *         .idAt("/id")                      // withRecordCount numbers the ids 1, 2, ...
 *         .withRecordCount(50)              // 50 copies of the template's first record
 *         .countAt("/meta/count")           // writes 50 there
 *         .withNextPage("token-2")          // or lastPage()
 *         .build();
 * }</pre>
 */
public final class PageBuilder {

    /** The response as it is being built, for a {@link Paging} to mark. */
    public static final class Draft {
        private final JsonNode body;
        private final Map<String, String> headers;

        private Draft(JsonNode body, Map<String, String> headers) {
            this.body = body;
            this.headers = headers;
        }

        /** The body being built; a {@link Paging} may change it. */
        public JsonNode body() {
            return body;
        }

        /** The headers being built; a {@link Paging} may change them. */
        public Map<String, String> headers() {
            return headers;
        }
    }

    private final Draft draft;
    private final JsonPointer recordsPointer;
    private final ObjectNode sampleRecord;
    private final List<ObjectNode> records = new ArrayList<>();
    private @Nullable Paging paging;
    private @Nullable JsonPointer idPointer;
    private @Nullable JsonPointer countPointer;
    private int status = 200;
    private boolean pagingSet;
    private @Nullable String next;

    PageBuilder(JsonNode template, String recordsPointer, String origin) {
        this.recordsPointer = JsonPointer.compile(Objects.requireNonNull(recordsPointer, "recordsPointer is null"));
        JsonNode array = template.at(this.recordsPointer);
        if (!array.isArray()) {
            throw new IllegalArgumentException("the records pointer \"" + recordsPointer + "\" of " + origin
                    + " is not an array but " + (array.isMissingNode() ? "missing" : array.getNodeType()));
        }
        if (array.isEmpty() || !array.get(0).isObject()) {
            throw new IllegalArgumentException("the records at \"" + recordsPointer + "\" of " + origin
                    + " need a sample record (an object) first");
        }
        this.sampleRecord = ((ObjectNode) array.get(0)).deepCopy();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        this.draft = new Draft(template, headers);
    }

    /** How this page says whether another follows. */
    public PageBuilder paging(Paging strategy) {
        this.paging = Objects.requireNonNull(strategy, "strategy is null");
        return this;
    }

    /** Where the id is in a record; {@link #withRecordCount(int)} then numbers the ids from 1. */
    public PageBuilder idAt(String pointer) {
        record().idAt(pointer); // fails when the sample record has no such field
        this.idPointer = JsonPointer.compile(pointer);
        return this;
    }

    /** A record built from the template's first record. */
    public RecordBuilder record() {
        return new RecordBuilder(sampleRecord.deepCopy(), null, null);
    }

    /** Adds this record. */
    public PageBuilder withRecord(RecordBuilder record) {
        return withRecord(record.build());
    }

    /** Adds this record. */
    public PageBuilder withRecord(ObjectNode record) {
        records.add(record.deepCopy());
        return this;
    }

    /** Adds these records, in order. */
    public PageBuilder withRecords(List<ObjectNode> added) {
        added.forEach(this::withRecord);
        return this;
    }

    /**
     * Adds {@code count} copies of the template's first record; with {@link #idAt} their ids follow the records
     * already added (1, 2, ... on an empty page).
     */
    public PageBuilder withRecordCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a record count is not negative: " + count);
        }
        for (int i = 0; i < count; i++) {
            ObjectNode copy = sampleRecord.deepCopy();
            if (idPointer != null) {
                Pointers.set(copy, idPointer, Json.nodes().numberNode(records.size() + 1));
            }
            records.add(copy);
        }
        return this;
    }

    /** Writes the number of records of this page at {@code pointer} when built ({@code /meta/count}). */
    public PageBuilder countAt(String pointer) {
        this.countPointer = JsonPointer.compile(pointer);
        return this;
    }

    /** Marks a next page at {@code tokenOrUrl}, the way the {@link #paging paging} says. */
    public PageBuilder withNextPage(String tokenOrUrl) {
        this.next = Objects.requireNonNull(tokenOrUrl, "tokenOrUrl is null");
        this.pagingSet = true;
        return this;
    }

    /** Marks this page as the last one, the way the {@link #paging paging} says. */
    public PageBuilder lastPage() {
        this.next = null;
        this.pagingSet = true;
        return this;
    }

    public PageBuilder withStatus(int code) {
        this.status = code;
        return this;
    }

    public PageBuilder withHeader(String name, String value) {
        draft.headers().put(name, value);
        return this;
    }

    /** The reply: the template with this page's records, count and paging. */
    public Reply build() {
        JsonNode body = draft.body();
        if (!records.isEmpty()) {
            ArrayNode array = Json.nodes().arrayNode();
            records.forEach(record -> array.add(record.deepCopy()));
            if (recordsPointer.matches()) {
                ((ArrayNode) body).removeAll();
                ((ArrayNode) body).addAll(array);
            } else {
                Pointers.set((ObjectNode) body, recordsPointer, array);
            }
        }
        if (countPointer != null) {
            Pointers.set(requireObject(body, "a record count"), countPointer,
                    Json.nodes().numberNode(body.at(recordsPointer).size()));
        }
        if (pagingSet) {
            if (paging == null) {
                throw new IllegalStateException("withNextPage/lastPage need a paging(...) strategy first");
            }
            paging.mark(draft, next);
        }
        return new Reply(status, draft.headers(), Json.write(body));
    }

    private static ObjectNode requireObject(JsonNode body, String what) {
        if (!(body instanceof ObjectNode object)) {
            throw new IllegalStateException(what + " needs a JSON object response, not an array");
        }
        return object;
    }
}
