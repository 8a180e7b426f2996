package dev.sluice.declarative;

import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.TestClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A partitioned incremental stream whose cursor cannot be built: its {@code lookback_window} is not a duration. The
 * reference renders a partitioned cursor's settings when its cursor factory creates each partition's cursor
 * (concurrent_partition_cursor.py {@code _create_cursor}, model_to_component_factory.py
 * {@code create_concurrent_cursor_from_datetime_based_cursor}), so the failure comes while slicing; the stream is
 * then done and {@code ensure_at_least_one_state_emitted} writes the cursor's state as it is: {@code use_global_cursor},
 * {@code states}, {@code lookback_window} (0 until a sync completes) and {@code parent_state} from the router's
 * {@code get_stream_state} (each parent's cursor state).
 */
class FailedSlicingStateTest {

    private static final String MANIFEST = ParentChildSyncTest.MANIFEST.replace("""
                  step: P2D
                  cursor_granularity: PT1S
            """, """
                  step: P2D
                  cursor_granularity: PT1S
                  lookback_window: "{{ config['lookback'] }}"
            """);

    private final ProjectsApi api = new ProjectsApi();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(api::dispatch);
    private final TestClock clock = TestClock.at(Instant.parse("2024-01-05T00:00:00Z"));

    @BeforeEach
    void start() {
        api.project(1, "2024-01-02T12:00:00Z");
        api.project(2, "2024-01-01T12:00:00Z");
        api.task(1, 1, "2024-01-01T10:00:00Z");
    }

    private Output sync(String lookback, StateInput state) {
        Config config = Config.of(json("{\"base_url\": \"" + server.url("/") + "\", \"start_date\":"
                + " \"2024-01-01T00:00:00Z\", \"lookback\": \"" + lookback + "\"}"));
        return ConnectorHarness.of(TestManifests.source(MANIFEST, clock)).withClock(clock).readAll(config, true, state);
    }

    @Test
    void theManifestIsFineUntilTheLookbackIsRendered() {
        Output output = sync("P1D", StateInput.empty());

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("tasks")).hasSize(1);
    }

    @Test
    void aCursorThatCannotBeBuiltFailsWhileSlicingAndStillWritesTheInitialState() {
        Output output = sync("one day", StateInput.empty());

        assertThat(output.statuses("projects")).endsWith(AirbyteTrace.StreamStatus.COMPLETE);
        assertThat(output.statuses("tasks")).contains(AirbyteTrace.StreamStatus.STARTED)
                .endsWith(AirbyteTrace.StreamStatus.INCOMPLETE);
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.streamDescriptor().name()).isEqualTo("tasks");
            assertThat(error.internalMessage()).contains("lookback_window");
        });
        assertThat(output.records("tasks")).isEmpty();
        // The parent was read up to its second record, whose partition needed the cursor: its slice never closed,
        // so its cursor is still at its initial state (start_datetime).
        assertThat(normalized(output.mostRecentState("tasks").orElseThrow())).isEqualTo(json("""
                {"use_global_cursor": false, "states": [], "lookback_window": 0,
                 "parent_state": {"projects": {"updated_at": "2024-01-01T00:00:00Z"}}}"""));
    }

    @Test
    void theStateOfAFailedSlicingIsTheIncomingOneNotAnEmptyOne() {
        ObjectNode stored = (ObjectNode) json("""
                {"use_global_cursor": false,
                 "states": [{"partition": {"parent_slice": {}, "project_id": 1}, "cursor": {"updated_at": "2024-01-03T10:00:00Z"}}],
                 "state": {"updated_at": "2024-01-03T10:00:00Z"},
                 "lookback_window": 120,
                 "parent_state": {"projects": {"updated_at": "2024-01-02T12:00:00Z"}}}""");

        api.project(3, "2024-01-04T00:00:00Z");

        Output output = sync("one day", new StateInput(Map.of(new StreamDescriptor("tasks", null), new StreamState(stored))));

        assertThat(output.statuses("tasks")).endsWith(AirbyteTrace.StreamStatus.INCOMPLETE);
        JsonNode state = normalized(output.mostRecentState("tasks").orElseThrow());
        assertThat(state.get("states")).isEqualTo(stored.get("states"));
        assertThat(state.get("state")).isEqualTo(stored.get("state"));
        assertThat(state.get("lookback_window")).isEqualTo(stored.get("lookback_window"));
    }
}
