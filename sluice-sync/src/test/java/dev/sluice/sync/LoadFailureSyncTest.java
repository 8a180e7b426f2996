package dev.sluice.sync;

import static dev.sluice.sync.IncrementalSyncTest.order;
import static dev.sluice.sync.ListSource.row;
import static dev.sluice.sync.ListSource.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.PrimaryKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures of the database rather than the source: the stream fails, its committed work and the others stay. */
class LoadFailureSyncTest extends SyncTestCase {

    private static final ObjectNode EVENTS = schema("id", "integer", "status", "string", "updated", "integer");

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void aRowTheDatabaseRefusesFailsItsStreamOnly(String kind) throws SQLException {
        TestDestination db = destination(kind);
        try (Connection connection = TestDestination.connect(db.url());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events (id BIGINT CHECK (id < 100), status TEXT, updated BIGINT)");
        }
        List<ObjectNode> rows = IntStream.of(1, 2, 3, 4, 5, 100, 6).mapToObj(i -> order(i, "s", i)).toList();
        ListSource source = new ListSource(
                ListStream.incremental("events", EVENTS, PrimaryKey.none(), "updated", rows).pageSize(2),
                ListStream.fullRefresh("other", schema("id", "integer"), List.of(row("{\"id\": 1}"))));

        SyncResult result = sync(source, db, everyCheckpoint());

        StreamResult events = result.stream("events").orElseThrow();
        assertThat(events.succeeded()).isFalse();
        assertThat(events.error()).containsIgnoringCase("events").containsIgnoringCase("failed");
        assertThat(db.longs("SELECT id FROM events ORDER BY id")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(db.query("SELECT state FROM _sluice_state WHERE stream = 'events'"))
                .containsExactly(List.of("{\"updated\":4}"));
        assertThat(result.stream("other").orElseThrow().succeeded()).isTrue();
        assertThat(db.count("other")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void nulCharactersDoNotBreakTheLoad(String kind) {
        TestDestination db = destination(kind);
        ListStream stream = ListStream.fullRefresh("texts", schema("id", "integer", "text", "string", "doc", "object"),
                List.of(row("{\"id\": 1, \"text\": \"a\\u0000b\", \"doc\": {\"k\": \"c\\u0000d \\\\u0000 e\"}}")));

        SyncResult result = sync(new ListSource(stream), db, SyncOptions.defaults());

        assertThat(result.succeeded()).as(String.valueOf(result)).isTrue();
        String expected = kind.equals("PostgreSQL") ? "ab" : "a\u0000b";
        assertThat(db.query("SELECT text FROM texts")).containsExactly(List.of(expected));
    }
}
