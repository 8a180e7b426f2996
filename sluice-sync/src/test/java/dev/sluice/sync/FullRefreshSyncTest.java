package dev.sluice.sync;

import static dev.sluice.sync.ListSource.row;
import static dev.sluice.sync.ListSource.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Full refresh: one table per stream, typed columns, replaced as a whole at the end of the stream. */
class FullRefreshSyncTest extends SyncTestCase {

    private static final com.fasterxml.jackson.databind.node.ObjectNode USERS = schema("id", "integer",
            "name", "[\"null\",\"string\"]", "score", "number", "active", "boolean", "address", "object",
            "tags", "array", "created_at", "string");

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void loadsEveryRecordIntoTypedColumnsPlusTheAirbyteColumns(String kind) {
        TestDestination db = destination(kind);
        ListStream users = ListStream.fullRefresh("Users", USERS, List.of(
                row("{\"id\": 1, \"name\": \"Ada\", \"score\": 1.5, \"active\": true, \"address\": {\"city\": \"Lisbon\"},"
                        + " \"tags\": [\"a\", \"b\"], \"created_at\": \"2024-01-02T03:04:05Z\", \"ignored\": 7}"),
                row("{\"id\": 2, \"name\": null}")));

        SyncResult result = sync(new ListSource(users), db, SyncOptions.defaults());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stream("Users").orElseThrow().records()).isEqualTo(2);
        assertThat(db.columns("users")).containsExactly("id", "name", "score", "active", "address", "tags",
                "created_at", "_airbyte_raw_id", "_airbyte_extracted_at", "_airbyte_meta");
        assertThat(db.query("SELECT id, name, score, active, created_at FROM users ORDER BY id")).containsExactly(
                List.of(1L, "Ada", 1.5, kind.equals("SQLite") ? 1L : true, "2024-01-02T03:04:05Z"),
                List.of(2L, "null", "null", "null", "null"));
        String city = kind.equals("PostgreSQL") ? "address->>'city'" : "json_extract_string(address, '$.city')";
        if (kind.equals("SQLite")) {
            city = "json_extract(address, '$.city')";
        }
        assertThat(db.query("SELECT " + city + " FROM users WHERE id = 1")).containsExactly(List.of("Lisbon"));
        assertThat(db.longs("SELECT COUNT(DISTINCT _airbyte_raw_id) FROM users")).containsExactly(2L);
        assertThat(db.longs("SELECT COUNT(*) FROM users WHERE _airbyte_extracted_at IS NULL")).containsExactly(0L);
        db.assertNoLoaderTables();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void aSecondSyncReplacesTheTableAndReadersNeverSeeItHalfLoaded(String kind) {
        TestDestination db = destination(kind);
        sync(new ListSource(ListStream.resumable("users", USERS, rows(1, 5))), db, everyCheckpoint());
        List<Long> seenMidSync = new ArrayList<>();
        ListStream second = ListStream.resumable("users", USERS, rows(101, 9)).pageSize(2);
        if (!kind.equals("DuckDB")) { // DuckDB allows one process one connection to a file: no outside reader
            second.beforeRecord(index -> seenMidSync.add(db.count("users")));
        }

        SyncResult result = sync(new ListSource(second), db, everyCheckpoint());

        assertThat(result.succeeded()).isTrue();
        assertThat(second.startedFrom()).extracting(state -> state.isEmpty()).containsExactly(true);
        assertThat(db.longs("SELECT id FROM users ORDER BY id")).containsExactly(101L, 102L, 103L, 104L, 105L,
                106L, 107L, 108L, 109L);
        assertThat(seenMidSync).allMatch(count -> count == 5);
        db.assertNoLoaderTables();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void aFailedFullRefreshLeavesThePreviousTableWhole(String kind) {
        TestDestination db = destination(kind);
        sync(new ListSource(ListStream.fullRefresh("users", USERS, rows(1, 5))), db, everyCheckpoint());

        SyncResult failed = sync(new ListSource(ListStream.fullRefresh("users", USERS, rows(101, 9)).failBefore(7)),
                db, everyCheckpoint());

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.stream("users").orElseThrow().error()).contains("The API went away before record 7");
        assertThat(db.longs("SELECT id FROM users ORDER BY id")).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void aFailingStreamKeepsTheOthersAndSaysWhichFailed(String kind) {
        TestDestination db = destination(kind);
        ListSource source = new ListSource(ListStream.fullRefresh("first", USERS, rows(1, 3)),
                ListStream.fullRefresh("broken", USERS, rows(1, 3)).failBefore(1),
                ListStream.fullRefresh("last", USERS, rows(1, 4)));

        SyncResult result = sync(source, db, SyncOptions.defaults());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.streams()).extracting(StreamResult::stream, StreamResult::succeeded).containsExactly(
                org.assertj.core.groups.Tuple.tuple("first", true), org.assertj.core.groups.Tuple.tuple("broken", false),
                org.assertj.core.groups.Tuple.tuple("last", true));
        assertThat(db.count("first")).isEqualTo(3);
        assertThat(db.count("last")).isEqualTo(4);
        assertThat(db.tableExists("broken")).isFalse();
        assertThat(SummaryTable.format(result)).contains("1 of 3 streams FAILED")
                .contains("FAILED (0 records kept for the next sync): The API went away before record 1");
    }

    static List<com.fasterxml.jackson.databind.node.ObjectNode> rows(int firstId, int count) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> rows = new ArrayList<>();
        for (int id = firstId; id < firstId + count; id++) {
            rows.add(row("{\"id\": " + id + ", \"name\": \"user " + id + "\"}"));
        }
        return rows;
    }
}
