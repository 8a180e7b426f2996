package dev.sluice.sync;

import static dev.sluice.sync.FullRefreshSyncTest.rows;
import static dev.sluice.sync.IncrementalSyncTest.order;
import static dev.sluice.sync.ListSource.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.PrimaryKey;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An interrupted sync resumes from what it committed: states and records commit together, so the next sync
 * neither loses nor repeats a record. (The killed-process variant is {@code SyncKillTest} in sluice-cli.)
 */
class ResumeSyncTest extends SyncTestCase {

    private static final ObjectNode USERS = schema("id", "integer", "name", "string");

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void anInterruptedResumableFullRefreshResumesIntoItsStagingTable(String kind) {
        TestDestination db = destination(kind);
        sync(new ListSource(ListStream.resumable("users", USERS, rows(1, 3))), db, everyCheckpoint());

        SyncResult failed = sync(new ListSource(ListStream.resumable("users", USERS, rows(101, 10)).pageSize(3)
                .failBefore(7)), db, everyCheckpoint());

        assertThat(failed.stream("users").orElseThrow().committed()).isEqualTo(6);
        assertThat(db.longs("SELECT id FROM users ORDER BY id")).containsExactly(1L, 2L, 3L);
        ListStream resumed = ListStream.resumable("users", USERS, rows(101, 10)).pageSize(3);
        SyncResult result = sync(new ListSource(resumed), db, everyCheckpoint());

        assertThat(resumed.startedFrom()).extracting(state -> state.json().toString())
                .containsExactly("{\"offset\":6}");
        assertThat(result.stream("users").orElseThrow().mode()).isEqualTo("full refresh (resumed)");
        assertThat(db.longs("SELECT id FROM users ORDER BY id"))
                .containsExactlyElementsOf(IntStream.rangeClosed(101, 110).mapToObj(id -> (long) id).toList());
        db.assertNoLoaderTables();

        ListStream again = ListStream.resumable("users", USERS, rows(201, 2));
        sync(new ListSource(again), db, everyCheckpoint());
        assertThat(again.startedFrom()).extracting(state -> state.isEmpty()).as("a completed refresh starts over")
                .containsExactly(true);
        assertThat(db.longs("SELECT id FROM users ORDER BY id")).containsExactly(201L, 202L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void anInterruptedIncrementalSyncKeepsItsCommittedRecordsAndResumesAfterThem(String kind) {
        TestDestination db = destination(kind);
        List<ObjectNode> events = IntStream.rangeClosed(1, 10).mapToObj(i -> order(i, "s" + i, i)).toList();

        SyncResult failed = sync(new ListSource(ListStream.incremental("events", USERS, PrimaryKey.none(), "id",
                events).pageSize(4).failBefore(6)), db, everyCheckpoint());

        assertThat(failed.succeeded()).isFalse();
        assertThat(db.longs("SELECT id FROM events ORDER BY id")).containsExactly(1L, 2L, 3L, 4L);
        ListStream resumed = ListStream.incremental("events", USERS, PrimaryKey.none(), "id", events).pageSize(4);
        sync(new ListSource(resumed), db, everyCheckpoint());
        assertThat(resumed.startedFrom()).extracting(state -> state.json().toString())
                .containsExactly("{\"id\":4}");
        assertThat(db.longs("SELECT id FROM events ORDER BY id"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(id -> (long) id).toList());
    }

    /**
     * The reference writes a failed stream's final STATE in its cursor's initial shape (a per-partition cursor with
     * {@code states: []}); that state covers no record and must not replace what an earlier sync stored.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void theStateAStreamWritesAfterFailingToBuildItsCursorNeverReplacesStoredProgress(String kind) {
        TestDestination db = destination(kind);
        List<ObjectNode> events = IntStream.rangeClosed(1, 4).mapToObj(i -> order(i, "s" + i, i)).toList();
        sync(new ListSource(ListStream.incremental("events", USERS, PrimaryKey.none(), "id", events)), db,
                everyCheckpoint());
        ObjectNode initialShape = Json.object().put("use_global_cursor", false);
        initialShape.putArray("states");
        initialShape.put("lookback_window", 0);

        SyncResult failed = sync(new ListSource(ListStream.incremental("events", USERS, PrimaryKey.none(), "id",
                events).failsWritingState(initialShape)), db, everyCheckpoint());

        assertThat(failed.succeeded()).isFalse();
        assertThat(db.query("SELECT state FROM _sluice_state")).containsExactly(List.of("{\"id\":4}"));
        ListStream resumed = ListStream.incremental("events", USERS, PrimaryKey.none(), "id", events);
        sync(new ListSource(resumed), db, everyCheckpoint());
        assertThat(resumed.startedFrom()).extracting(state -> state.json().toString()).containsExactly("{\"id\":4}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DESTINATIONS)
    void checkpointsAreCoalescedSoAFailureRollsBackToTheLastCommit(String kind) {
        TestDestination db = destination(kind);
        List<ObjectNode> events = IntStream.rangeClosed(1, 10).mapToObj(i -> order(i, "s" + i, i)).toList();
        // Every record is checkpointed, but only every fourth record commits.
        SyncOptions coalesced = SyncOptions.defaults().withCommitEvery(Duration.ofHours(1), 4);

        sync(new ListSource(ListStream.incremental("events", USERS, PrimaryKey.none(), "id", events).pageSize(1)
                .failBefore(7)), db, coalesced);

        assertThat(db.longs("SELECT id FROM events ORDER BY id")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(db.query("SELECT state FROM _sluice_state")).containsExactly(List.of("{\"id\":4}"));
    }
}
