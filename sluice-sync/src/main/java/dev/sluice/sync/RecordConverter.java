package dev.sluice.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Turns records into rows of one table. A value that fits its column's type is written as that type, with
 * lossless coercions ({@code "12"} into an integer column, {@code 12} into a text column); one that does not is
 * written as NULL and named in {@code _airbyte_meta.changes}, as Airbyte's destinations do. Fields the schema
 * does not declare are not loaded (PyAirbyte's cache prunes them too).
 */
final class RecordConverter {

    private static final String NO_CHANGES = "{\"changes\":[]}";

    private enum Kind { NULL, TEXT, LONG, DOUBLE, BOOLEAN, JSON }

    /** What a column holds, decided once rather than by name for every row. */
    private enum Role { FIELD, RAW_ID, EXTRACTED_AT, META }

    private final List<Column> columns;
    private final boolean sequenced;
    private final Kind[] kinds;
    private final long[] longs;
    private final double[] doubles;
    private final @Nullable String[] texts;
    private final List<String> nulled = new ArrayList<>();
    private final JsonText json = new JsonText();
    private final Role[] roles;
    private long sequence;

    /**
     * @param sequenced whether the table has a trailing {@code _sluice_seq} column numbering rows in arrival
     *     order (the batch table of deduplicated streams)
     */
    RecordConverter(List<Column> columns, boolean sequenced) {
        this.columns = List.copyOf(columns);
        this.sequenced = sequenced;
        int size = columns.size();
        this.kinds = new Kind[size];
        this.longs = new long[size];
        this.doubles = new double[size];
        this.texts = new String[size];
        this.roles = new Role[size];
        for (int i = 0; i < size; i++) {
            roles[i] = switch (columns.get(i).name()) {
                case SchemaColumns.RAW_ID -> Role.RAW_ID;
                case SchemaColumns.EXTRACTED_AT -> Role.EXTRACTED_AT;
                case SchemaColumns.META -> Role.META;
                default -> Role.FIELD;
            };
        }
    }

    void write(ObjectNode data, long extractedAtMillis, RowWriter out) throws SQLException {
        nulled.clear();
        for (int i = 0; i < columns.size(); i++) {
            if (roles[i] == Role.FIELD) {
                convert(i, columns.get(i), data);
            }
        }
        out.beginRow();
        for (int i = 0; i < columns.size(); i++) {
            switch (roles[i]) {
                case RAW_ID -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    // version 4 (random): UUID.randomUUID()'s SecureRandom is slower than the whole row
                    out.writeUuid((random.nextLong() & ~0xF000L) | 0x4000L,
                            (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
                }
                case EXTRACTED_AT -> out.writeTimestampMicros(extractedAtMillis * 1000);
                case META -> out.writeJson(meta());
                case FIELD -> emit(i, out);
            }
        }
        if (sequenced) {
            out.writeLong(sequence++);
        }
        out.endRow();
    }

    private void convert(int i, Column column, ObjectNode data) {
        String field = column.field();
        if (field == null) {
            if (column.name().equals(SchemaColumns.DATA)) {
                set(i, Kind.JSON, json.write(data));
            } else {
                kinds[i] = Kind.NULL;
            }
            return;
        }
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            kinds[i] = Kind.NULL;
            return;
        }
        switch (column.type()) {
            case STRING -> set(i, Kind.TEXT, value.isValueNode() ? value.asText() : json.write(value));
            case INTEGER -> toLong(i, field, value);
            case NUMBER -> toDouble(i, field, value);
            case BOOLEAN -> toBoolean(i, field, value);
            case JSON -> set(i, Kind.JSON, json.write(value));
            case TIMESTAMP, UUID -> set(i, Kind.TEXT, value.asText());
        }
    }

    private void toLong(int i, String field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            kinds[i] = Kind.LONG;
            longs[i] = value.longValue();
        } else if (value.isFloatingPointNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            kinds[i] = Kind.LONG;
            longs[i] = value.longValue();
        } else if (value.isTextual()) {
            try {
                longs[i] = Long.parseLong(value.asText().trim());
                kinds[i] = Kind.LONG;
            } catch (NumberFormatException e) {
                nullify(i, field);
            }
        } else {
            nullify(i, field);
        }
    }

    private void toDouble(int i, String field, JsonNode value) {
        if (value.isNumber()) {
            kinds[i] = Kind.DOUBLE;
            doubles[i] = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                doubles[i] = Double.parseDouble(value.asText().trim());
                kinds[i] = Double.isFinite(doubles[i]) ? Kind.DOUBLE : Kind.NULL;
                if (kinds[i] == Kind.NULL) {
                    nullify(i, field);
                }
            } catch (NumberFormatException e) {
                nullify(i, field);
            }
        } else {
            nullify(i, field);
        }
    }

    private void toBoolean(int i, String field, JsonNode value) {
        if (value.isBoolean()) {
            kinds[i] = Kind.BOOLEAN;
            longs[i] = value.booleanValue() ? 1 : 0;
        } else if (value.isTextual() && (value.asText().equalsIgnoreCase("true")
                || value.asText().equalsIgnoreCase("false"))) {
            kinds[i] = Kind.BOOLEAN;
            longs[i] = value.asText().equalsIgnoreCase("true") ? 1 : 0;
        } else {
            nullify(i, field);
        }
    }

    private void set(int i, Kind kind, String text) {
        kinds[i] = kind;
        texts[i] = text;
    }

    private void nullify(int i, String field) {
        kinds[i] = Kind.NULL;
        nulled.add(field);
    }

    private void emit(int i, RowWriter out) throws SQLException {
        switch (kinds[i]) {
            case NULL -> out.writeNull();
            case TEXT -> out.writeText(texts[i]);
            case LONG -> out.writeLong(longs[i]);
            case DOUBLE -> out.writeDouble(doubles[i]);
            case BOOLEAN -> out.writeBoolean(longs[i] == 1);
            case JSON -> out.writeJson(texts[i]);
        }
    }

    private String meta() {
        if (nulled.isEmpty()) {
            return NO_CHANGES;
        }
        StringBuilder json = new StringBuilder("{\"changes\":[");
        for (int i = 0; i < nulled.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"field\":").append(Json.write(nulled.get(i)))
                    .append(",\"change\":\"NULLED\",\"reason\":\"DESTINATION_SERIALIZATION_ERROR\"}");
        }
        return json.append("]}").toString();
    }
}
