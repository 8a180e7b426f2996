package dev.sluice.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a stream's table, from its JSON schema: one per top-level property, in schema order, then
 * {@code _airbyte_raw_id}, {@code _airbyte_extracted_at} and {@code _airbyte_meta}. A schema without properties
 * gets one JSON column {@code _airbyte_data} holding the whole record, so that nothing is dropped.
 */
final class SchemaColumns {

    static final String RAW_ID = "_airbyte_raw_id";
    static final String EXTRACTED_AT = "_airbyte_extracted_at";
    static final String META = "_airbyte_meta";
    static final String DATA = "_airbyte_data";

    private SchemaColumns() {
    }

    static List<Column> of(JsonNode schema, int maxIdentifierLength) {
        List<Column> columns = new ArrayList<>();
        // DuckDB and SQLite compare identifiers case-insensitively, even quoted ones.
        Set<String> taken = new HashSet<>(List.of(RAW_ID, EXTRACTED_AT, META, DATA));
        JsonNode properties = schema.path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = properties.isObject() ? properties.fields()
                : java.util.Collections.emptyIterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            String name = unique(TableNames.column(property.getKey(), maxIdentifierLength - 3), taken);
            columns.add(new Column(name, typeOf(property.getValue()), property.getKey()));
        }
        if (columns.isEmpty()) {
            columns.add(new Column(DATA, ColumnType.JSON, null));
        }
        columns.add(new Column(RAW_ID, ColumnType.UUID, null));
        columns.add(new Column(EXTRACTED_AT, ColumnType.TIMESTAMP, null));
        columns.add(new Column(META, ColumnType.JSON, null));
        return List.copyOf(columns);
    }

    /** The column type of one property schema; anything that is not exactly one JSON type is JSON. */
    static ColumnType typeOf(JsonNode property) {
        JsonNode type = property.path("type");
        String single = null;
        if (type.isTextual()) {
            single = type.asText();
        } else if (type.isArray()) {
            for (JsonNode element : type) {
                if (element.asText().equals("null")) {
                    continue;
                }
                if (single != null) {
                    return ColumnType.JSON;
                }
                single = element.asText();
            }
        }
        if (single == null || property.has("anyOf") || property.has("oneOf")) {
            return ColumnType.JSON;
        }
        switch (single) {
            case "string":
                return ColumnType.STRING;
            case "integer":
                return ColumnType.INTEGER;
            case "number":
                // Airbyte's way to say "an integer of any size" in a number schema
                return "integer".equals(property.path("airbyte_type").asText()) ? ColumnType.INTEGER
                        : ColumnType.NUMBER;
            case "boolean":
                return ColumnType.BOOLEAN;
            default:
                return ColumnType.JSON;
        }
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int suffix = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); suffix++) {
            candidate = name + "_" + suffix;
        }
        return candidate;
    }
}
