package dev.sluice.declarative;

import static dev.sluice.declarative.TestManifests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartition;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.TestClock;
import dev.sluice.testkit.TestRun;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A substream read partition by partition ({@code Stream.partitioning()}): the partitions
 * are the parent records, each is read alone with a state of its own (the per-partition state restricted to it), and
 * the partitions together give what a whole read gives.
 */
class StreamPartitionsTest {

    @RegisterExtension
    final TestRun testRun = new TestRun();
    private final RunContext run = testRun.context();

    private final ProjectsApi api = new ProjectsApi();
    private final MockWebServer server = new MockWebServer();
    private final TestClock clock = TestClock.at(Instant.parse("2024-01-05T00:00:00Z"));
    private Config config;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(api);
        server.start();
        config = Config.of(json("{\"base_url\": \"" + server.url("/") + "\", \"start_date\": \"2024-01-01T00:00:00Z\"}"));
        api.project(1, "2024-01-02T12:00:00Z");
        api.project(2, "2024-01-01T12:00:00Z");
        api.task(1, 1, "2024-01-01T10:00:00Z");
        api.task(2, 1, "2024-01-02T10:00:00Z");
        api.task(3, 1, "2024-01-03T10:00:00Z");
        api.task(4, 2, "2024-01-01T12:00:00Z");
        api.task(5, 2, "2024-01-04T08:00:00Z");
        api.task(6, 2, "2024-01-04T09:00:00Z");
        api.task(7, 2, "2024-01-04T10:00:00Z");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Stream stream(String name) {
        return TestManifests.source(ParentChildSyncTest.MANIFEST, clock).streams(config, run).stream()
                .filter(stream -> stream.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<RouterPartition> partitions(Stream stream) {
        return stream.partitioning().orElseThrow().partitions();
    }

    private static RouterPartition partition(List<RouterPartition> partitions, int projectId) {
        return partitions.stream().filter(p -> p.key().contains("\"project_id\":" + projectId + "}")).findFirst()
                .orElseThrow();
    }

    @Test
    void thePartitionsAreTheParentRecordsFromTheBeginning() {
        Stream tasks = stream("tasks");

        List<RouterPartition> partitions = partitions(tasks);

        assertThat(tasks.partitioning()).as("partitioned").isPresent();
        assertThat(partitions).extracting(StreamPartition::key).containsExactly(
                "{\"parent_slice\":{},\"project_id\":1}", "{\"parent_slice\":{},\"project_id\":2}");
        assertThat(partitions).noneMatch(StreamPartition::bounded);
        assertThat(partitions.get(0).values())
                .isEqualTo(json("{\"project_id\": 1, \"parent_slice\": {}}"));
        assertThat(api.requests()).as("only the parent is read, from its beginning")
                .containsOnly("/projects?updated_after=2024-01-01T00:00:00Z");
        Stream projects = stream("projects");
        assertThat(projects.partitioning()).as("not partitioned, so no partitions").isEmpty();
    }

    /**
     * The parent's window ends at "now", but {@code parent_slice} holds only the parent's partition (as in the
     * reference), so the keys, which name the partitions' offsets, stay the same from listing to listing.
     */
    @Test
    void aPartitionKeepsItsKeyWhenTheParentsWindowMoves() {
        List<String> before = partitions(stream("tasks")).stream().map(StreamPartition::key).toList();
        clock.advance(Duration.ofDays(3));
        api.project(3, "2024-01-07T12:00:00Z");

        List<String> after = partitions(stream("tasks")).stream().map(StreamPartition::key).toList();

        assertThat(after).startsWith(before.toArray(String[]::new))
                .containsExactly("{\"parent_slice\":{},\"project_id\":1}", "{\"parent_slice\":{},\"project_id\":2}",
                        "{\"parent_slice\":{},\"project_id\":3}");
        assertThat(api.requests()).containsExactly("/projects?updated_after=2024-01-01T00:00:00Z",
                "/projects?updated_after=2024-01-01T00:00:00Z");
    }

    @Test
    void aPartitionIsReadAloneWithAStateOfItsOwn() {
        Stream tasks = stream("tasks");
        RouterPartition second = partition(partitions(tasks), 2);
        api.clearRequests();

        RecordingSink sink = new RecordingSink();
        second.readFrom(tasks, ReadRequest.incremental(StreamState.empty(), run), sink);

        assertThat(sink.ids()).containsExactly(4, 5, 6, 7);
        assertThat(api.requests()).as("no parent is read, and no other partition").containsExactlyInAnyOrder(
                "/projects/2/tasks?updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-02T23:59:59Z",
                "/projects/2/tasks?updated_after=2024-01-03T00:00:00Z&updated_before=2024-01-05T00:00:00Z",
                "/projects/2/tasks?page=2&updated_after=2024-01-03T00:00:00Z&updated_before=2024-01-05T00:00:00Z");
        assertThat(sink.lastState()).isEqualTo(json("""
                {"use_global_cursor": false,
                 "states": [{"partition": {"parent_slice": {}, "project_id": 2},
                             "cursor": {"updated_at": "2024-01-04T10:00:00Z"}}],
                 "state": {"updated_at": "2024-01-04T10:00:00Z"},
                 "lookback_window": 0}"""));
    }

    @Test
    void aPartitionResumesFromItsOwnState() {
        Stream tasks = stream("tasks");
        RouterPartition second = partition(partitions(tasks), 2);
        RecordingSink first = new RecordingSink();
        second.readFrom(tasks, ReadRequest.incremental(StreamState.empty(), run), first);
        api.task(8, 2, "2024-01-06T08:00:00Z");
        api.task(9, 1, "2024-01-06T11:00:00Z");
        clock.advance(Duration.ofDays(2));
        api.clearRequests();

        RecordingSink next = new RecordingSink();
        second.readFrom(tasks, ReadRequest.incremental(StreamState.of(first.lastState()), run), next);

        assertThat(next.ids()).containsExactly(8);
        assertThat(api.requests()).containsExactlyInAnyOrder(
                "/projects/2/tasks?updated_after=2024-01-04T10:00:00Z&updated_before=2024-01-06T09:59:59Z",
                "/projects/2/tasks?updated_after=2024-01-06T10:00:00Z&updated_before=2024-01-07T00:00:00Z");
        assertThat(next.lastState().path("states").get(0).path("cursor"))
                .isEqualTo(json("{\"updated_at\": \"2024-01-06T08:00:00Z\"}"));
    }

    @Test
    void thePartitionsReadOneByOneGiveTheWholeRead() {
        Stream tasks = stream("tasks");
        RecordingSink whole = new RecordingSink();
        tasks.read(ReadRequest.incremental(StreamState.empty(), run), whole);

        List<Integer> ids = new ArrayList<>();
        for (RouterPartition partition : partitions(tasks)) {
            RecordingSink sink = new RecordingSink();
            partition.readFrom(tasks, ReadRequest.incremental(StreamState.empty(), run), sink);
            ids.addAll(sink.ids());
        }

        assertThat(ids).containsExactlyInAnyOrderElementsOf(whole.ids()).hasSize(7);
    }

    @Test
    void aPartitionListedByAnotherProcessIsReadFromItsDescriptor() {
        RouterPartition listed = partition(partitions(stream("tasks")), 1);
        RouterPartition copy = new RouterPartition(listed.key(), TestManifests.object(Json.write(listed.values())),
                TestManifests.object(Json.write(listed.extraFields())));

        RecordingSink sink = new RecordingSink();
        copy.readFrom(stream("tasks"), ReadRequest.incremental(StreamState.empty(), run), sink);

        assertThat(sink.ids()).containsExactly(1, 2, 3);
    }

    @Test
    void aStreamWithoutRouterHasNoPartitionToRead() {
        RouterPartition partition = partition(partitions(stream("tasks")), 1);

        assertThatThrownBy(() -> partition.readFrom(stream("projects"),
                ReadRequest.incremental(StreamState.empty(), run), new RecordingSink()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR))
                .hasMessageContaining("projects");
    }
}
