package dev.sluice.sync;

import static dev.sluice.sync.ListSource.row;
import static dev.sluice.sync.ListSource.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Values that do not match their column: coerced when lossless, else NULL and named in {@code _airbyte_meta}. */
class ValuesSyncTest extends SyncTestCase {

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void coercesWhatFitsAndReportsWhatDoesNot(String kind) {
        TestDestination db = destination(kind);
        ObjectNode schema = schema("id", "integer", "count", "integer", "ratio", "number", "flag", "boolean",
                "label", "string", "anything", "[\"string\",\"integer\"]");
        List<ObjectNode> rows = List.of(
                row("{\"id\": 1, \"count\": \"12\", \"ratio\": \"0.5\", \"flag\": \"true\", \"label\": 7,"
                        + " \"anything\": \"text\"}"),
                row("{\"id\": 2, \"count\": \"many\", \"ratio\": {}, \"flag\": 3, \"label\": {\"a\": 1},"
                        + " \"anything\": 5}"),
                row("{\"id\": 3, \"count\": 4.0, \"label\": \"tab\\tnew\\nline \\\\ quote\\\" \\u00e9\"}"));

        sync(new ListSource(ListStream.fullRefresh("values", schema, rows)), db, SyncOptions.defaults());

        Object yes = kind.equals("SQLite") ? (Object) 1L : (Object) true;
        assertThat(db.query("SELECT id, count, ratio, flag, label FROM \"values\" ORDER BY id")).containsExactly(
                List.of(1L, 12L, 0.5, yes, "7"),
                List.of(2L, "null", "null", "null", "{\"a\":1}"),
                List.of(3L, 4L, "null", "null", "tab\tnew\nline \\ quote\" \u00e9"));
        List<List<Object>> meta = db.query("SELECT _airbyte_meta FROM \"values\" ORDER BY id");
        assertThat(Json.write(parse(meta.get(0).get(0)))).isEqualTo("{\"changes\":[]}");
        assertThat(parse(meta.get(1).get(0)).findValuesAsText("field")).containsExactly("count", "ratio", "flag");
        assertThat(db.query("SELECT anything FROM \"values\" ORDER BY id")).extracting(row -> parse(row.get(0)))
                .containsExactly(Json.nodes().textNode("text"), Json.nodes().numberNode(5), Json.nodes().nullNode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void aSchemaWithoutPropertiesKeepsWholeRecordsInOneJsonColumn(String kind) {
        TestDestination db = destination(kind);
        ObjectNode empty = Json.object().put("type", "object");

        sync(new ListSource(ListStream.fullRefresh("Raw Things!", empty, List.of(row("{\"id\": 1, \"x\": [1]}")))),
                db, SyncOptions.defaults());

        assertThat(db.columns("raw_things_")).containsExactly("_airbyte_data", "_airbyte_raw_id",
                "_airbyte_extracted_at", "_airbyte_meta");
        assertThat(parse(db.query("SELECT _airbyte_data FROM raw_things_").get(0).get(0)))
                .isEqualTo((Object) row("{\"id\": 1, \"x\": [1]}"));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(Object text) {
        if ("null".equals(text)) {
            return Json.nodes().nullNode();
        }
        try {
            return Json.parse(text.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(text.toString(), e);
        }
    }
}
