package dev.sluice.sync;

import static dev.sluice.sync.ListSource.row;
import static dev.sluice.sync.ListSource.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.PrimaryKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Incremental streams: the next sync starts from the committed state; a primary key deduplicates. */
class IncrementalSyncTest extends SyncTestCase {

    private static final ObjectNode ORDERS = schema("id", "integer", "status", "string", "updated", "integer");

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void theNextSyncStartsFromTheCommittedStateAndTheLatestCursorWins(String kind) {
        TestDestination db = destination(kind);
        List<ObjectNode> history = new ArrayList<>(List.of(order(1, "new", 10), order(2, "new", 11),
                order(1, "paid", 12), order(3, "new", 13)));
        ListStream first = ListStream.incremental("orders", ORDERS, PrimaryKey.of("id"), "updated", history);

        assertThat(sync(new ListSource(first), db, SyncOptions.defaults()).succeeded()).isTrue();

        assertThat(db.query("SELECT id, status, updated FROM orders ORDER BY id")).containsExactly(
                List.of(1L, "paid", 12L), List.of(2L, "new", 11L), List.of(3L, "new", 13L));

        history.addAll(List.of(order(2, "shipped", 14), order(4, "new", 15), order(2, "delivered", 16)));
        ListStream second = ListStream.incremental("orders", ORDERS, PrimaryKey.of("id"), "updated", history);
        SyncResult result = sync(new ListSource(second), db, SyncOptions.defaults());

        assertThat(second.startedFrom()).extracting(state -> state.json().toString())
                .containsExactly("{\"updated\":13}");
        assertThat(result.stream("orders").orElseThrow().records()).isEqualTo(3);
        assertThat(result.stream("orders").orElseThrow().mode()).isEqualTo("incremental, deduped");
        assertThat(db.query("SELECT id, status, updated FROM orders ORDER BY id")).containsExactly(
                List.of(1L, "paid", 12L), List.of(2L, "delivered", 16L), List.of(3L, "new", 13L),
                List.of(4L, "new", 15L));
        assertThat(db.query("SELECT state FROM _sluice_state WHERE stream = 'orders'"))
                .containsExactly(List.of("{\"updated\":16}"));
        db.assertNoLoaderTables();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void anOlderVersionArrivingLaterDoesNotReplaceANewerOne(String kind) {
        TestDestination db = destination(kind);
        // Commits after every record, so the older version meets the newer one in the table, not in a batch.
        ListStream stream = ListStream.incremental("orders", ORDERS, PrimaryKey.of("id"), "updated",
                List.of(order(1, "paid", 20), order(1, "new", 19), order(2, "x", 21), order(2, "y", 21)))
                .pageSize(1);

        sync(new ListSource(stream), db, everyCheckpoint());

        // Equal cursors: the later arrival wins.
        assertThat(db.query("SELECT id, status FROM orders ORDER BY id")).containsExactly(List.of(1L, "paid"),
                List.of(2L, "y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void withoutAPrimaryKeyNewRecordsAreAppended(String kind) {
        TestDestination db = destination(kind);
        List<ObjectNode> events = new ArrayList<>(List.of(order(1, "a", 1), order(1, "b", 2)));
        sync(new ListSource(ListStream.incremental("events", ORDERS, PrimaryKey.none(), "updated", events)), db,
                SyncOptions.defaults());
        events.add(order(1, "c", 3));

        SyncResult result = sync(new ListSource(ListStream.incremental("events", ORDERS, PrimaryKey.none(),
                "updated", events)), db, SyncOptions.defaults());

        assertThat(result.stream("events").orElseThrow().mode()).isEqualTo("incremental, append");
        assertThat(db.query("SELECT status FROM events ORDER BY updated")).containsExactly(List.of("a"),
                List.of("b"), List.of("c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void fullRefreshResetsTheStateAndReplacesTheTable(String kind) {
        TestDestination db = destination(kind);
        List<ObjectNode> events = new ArrayList<>(List.of(order(1, "a", 1), order(2, "b", 2)));
        sync(new ListSource(ListStream.incremental("events", ORDERS, PrimaryKey.none(), "updated", events)), db,
                SyncOptions.defaults());
        events.remove(0);
        ListStream reset = ListStream.incremental("events", ORDERS, PrimaryKey.none(), "updated", events);

        SyncResult result = sync(new ListSource(reset), db, SyncOptions.defaults().withFullRefresh(true));

        assertThat(result.stream("events").orElseThrow().mode()).isEqualTo("incremental, append, reset");
        assertThat(reset.startedFrom()).extracting(state -> state.isEmpty()).containsExactly(true);
        assertThat(db.query("SELECT status FROM events")).containsExactly(List.of("b"));
        ListStream next = ListStream.incremental("events", ORDERS, PrimaryKey.none(), "updated", events);
        sync(new ListSource(next), db, SyncOptions.defaults());
        assertThat(next.startedFrom()).extracting(state -> state.json().toString())
                .containsExactly("{\"updated\":2}");
        db.assertNoLoaderTables();
    }

    static ObjectNode order(int id, String status, int updated) {
        return row("{\"id\": " + id + ", \"status\": \"" + status + "\", \"updated\": " + updated + "}");
    }
}
