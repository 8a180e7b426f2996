package dev.sluice.sync;

import static dev.sluice.sync.ListSource.row;
import static dev.sluice.sync.ListSource.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.source.PrimaryKey;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A schema that gains properties between syncs gains columns; one that loses them keeps the old columns. */
class SchemaEvolutionSyncTest extends SyncTestCase {

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void newPropertiesBecomeNewColumnsOfAnIncrementalTable(String kind) {
        TestDestination db = destination(kind);
        sync(new ListSource(ListStream.incremental("people", schema("id", "integer", "name", "string"),
                PrimaryKey.of("id"), "id", List.of(row("{\"id\": 1, \"name\": \"Ada\", \"email\": \"a@x\"}")))),
                db, SyncOptions.defaults());

        SyncResult result = sync(new ListSource(ListStream.incremental("people",
                schema("id", "integer", "email", "string", "name", "string", "age", "integer"), PrimaryKey.of("id"),
                "id", List.of(row("{\"id\": 1, \"name\": \"Ada\"}"),
                        row("{\"id\": 2, \"name\": \"Bob\", \"email\": \"b@x\", \"age\": 40}")))), db,
                SyncOptions.defaults());

        assertThat(result.succeeded()).isTrue();
        assertThat(db.columns("people")).containsExactly("id", "name", "_airbyte_raw_id", "_airbyte_extracted_at",
                "_airbyte_meta", "email", "age");
        assertThat(db.query("SELECT id, name, email, age FROM people ORDER BY id")).containsExactly(
                List.of(1L, "Ada", "null", "null"), List.of(2L, "Bob", "b@x", 40L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void aFullRefreshTakesTheNewSchemaAndAnAppendKeepsDroppedColumns(String kind) {
        TestDestination db = destination(kind);
        sync(new ListSource(ListStream.fullRefresh("people", schema("id", "integer", "name", "string"),
                List.of(row("{\"id\": 1, \"name\": \"Ada\"}"))),
                ListStream.incremental("log", schema("id", "integer", "old", "string"), PrimaryKey.none(), "id",
                        List.of(row("{\"id\": 1, \"old\": \"x\"}")))), db, SyncOptions.defaults());

        sync(new ListSource(ListStream.fullRefresh("people", schema("id", "integer", "nickname", "string"),
                List.of(row("{\"id\": 1, \"nickname\": \"A\"}"))),
                ListStream.incremental("log", schema("id", "integer", "new", "string"), PrimaryKey.none(), "id",
                        List.of(row("{\"id\": 1}"), row("{\"id\": 2, \"new\": \"y\", \"old\": \"z\"}")))), db,
                SyncOptions.defaults());

        assertThat(db.columns("people")).startsWith("id", "nickname").doesNotContain("name");
        assertThat(db.query("SELECT id, old, new FROM log ORDER BY id")).containsExactly(List.of(1L, "x", "null"),
                List.of(2L, "null", "y"));
    }
}
