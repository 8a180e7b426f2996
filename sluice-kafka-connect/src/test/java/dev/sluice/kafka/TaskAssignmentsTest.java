package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Task configs stay small with 50,000 partitions: a list router's partitions (free to list) are handed out as hash
 * slices each task lists itself, and partitions that cost requests to list are listed once, by the connector, and
 * deflated. Either way every partition goes to exactly one task.
 */
class TaskAssignmentsTest {

    private static final int PARTITIONS = 50_000;
    /** The bound of the part of a task config that depends on the partitions. */
    private static final int BOUND = 100 * 1024;

    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [items]}
            streams:
              - type: DeclarativeStream
                name: items
                primary_key: [id]
                schema_loader:
                  type: InlineSchemaLoader
                  schema: {type: object, properties: {id: {type: integer}}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    path: "/items/{{ stream_partition.part }}"
                    http_method: GET
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                  partition_router:
                    type: ListPartitionRouter
                    cursor_field: part
                    values: "{{ config['parts'] }}"
            """;

    private static ObjectNode sourceConfig(int count) {
        ObjectNode config = Json.object().put("base_url", "http://127.0.0.1:9");
        ArrayNode parts = config.putArray("parts");
        for (int i = 0; i < count; i++) {
            parts.add("part-" + i);
        }
        return config;
    }

    @Test
    void fiftyThousandListedPartitionsAreSlicesEachReadByExactlyOneTask() {
        ObjectNode config = sourceConfig(PARTITIONS);
        Map<String, String> settings = new HashMap<>();
        settings.put("name", "many");
        settings.put("tasks.max", "4");
        settings.put(SluiceConnectorConfig.MANIFEST, MANIFEST);
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(config));
        settings.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        SluiceSourceConnector connector = new SluiceSourceConnector();
        connector.initialize(new FakeConnectorContext(new FakeTaskContext()));

        long start = System.nanoTime();
        connector.start(settings);
        List<Map<String, String>> configs = connector.taskConfigs(4);
        long planningMillis = (System.nanoTime() - start) / 1_000_000;
        connector.stop();

        assertThat(configs).hasSize(4);
        assertThat(planningMillis).as("planning time").isLessThan(30_000);
        for (Map<String, String> task : configs) {
            assertThat(planSize(task, settings)).as("the plan's part of a task config").isLessThan(BOUND);
            assertThat(task.get(RateShare.TASK_SHARE)).isEqualTo(Double.toString(1.0 / 5));
        }

        // What each task does at start: list the partitions and keep its slice.
        List<Set<String>> read = new ArrayList<>();
        try (RunContext run = RunContext.named("tasks")) {
            Stream items = ManifestSources.fromYaml(MANIFEST).streams(new Config(config), run).get(0);
            for (Map<String, String> task : configs) {
                TaskAssignments.Assignment assignment = TaskAssignments.Assignment.of(task);
                assertThat(assignment.units()).isEmpty();
                assertThat(assignment.slices()).hasSize(1);
                Set<String> keys = new HashSet<>();
                assignment.slices().get(0).units(items).forEach(unit -> keys.add(unit.partition().key()));
                read.add(keys);
            }
        }
        assertEveryPartitionOnce(read, PARTITIONS);
    }

    @Test
    void fiftyThousandPartitionsThatCostRequestsAreListedOnceAndDeflated() {
        List<WorkUnit> units = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            units.add(WorkUnit.partition("tickets", parent(i)));
        }
        List<TaskAssignments.StreamUnits> streams = List.of(
                new TaskAssignments.StreamUnits("tickets", units, true, false),
                new TaskAssignments.StreamUnits("users", List.of(WorkUnit.whole("users")), false, false));

        long start = System.nanoTime();
        List<TaskAssignments.Assignment> assignments = TaskAssignments.assign(streams, 4);
        List<Map<String, String>> configs = assignments.stream().map(TaskAssignments.Assignment::settings).toList();
        long planningMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(planningMillis).as("planning time").isLessThan(30_000);
        assertThat(configs).hasSize(4).allSatisfy(config -> {
            assertThat(config).doesNotContainKey(TaskAssignments.TASK_SLICES);
            assertThat(config.get(WorkUnit.TASK_UNITS)).startsWith(Deflated.PREFIX);
            assertThat(config.get(WorkUnit.TASK_UNITS).length()).isLessThan(TaskAssignments.MAX_UNITS_CHARS);
        });
        List<Set<String>> read = new ArrayList<>();
        int wholeStreams = 0;
        for (Map<String, String> config : configs) {
            Set<String> keys = new HashSet<>();
            for (WorkUnit unit : TaskAssignments.Assignment.of(config).units()) {
                if (unit.partition() == null) {
                    wholeStreams++;
                } else {
                    assertThat(unit.partition()).isEqualTo(parent(Integer.parseInt(
                            unit.partition().key().replaceAll("\\D", ""))));
                    keys.add(unit.partition().key());
                }
            }
            read.add(keys);
        }
        assertThat(wholeStreams).isEqualTo(1);
        assertEveryPartitionOnce(read, PARTITIONS);
    }

    @Test
    void partitionsTooManyEvenDeflatedAreSlicedInstead() {
        List<WorkUnit> units = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            units.add(WorkUnit.partition("tickets", parent(i)));
        }
        List<TaskAssignments.StreamUnits> streams = List.of(
                new TaskAssignments.StreamUnits("tickets", units, true, false));

        assertThat(TaskAssignments.assign(streams, 3, 1_000_000)).allSatisfy(assignment ->
                assertThat(assignment.units()).isNotEmpty());
        List<TaskAssignments.Assignment> sliced = TaskAssignments.assign(streams, 3, 1_000);
        assertThat(sliced).hasSize(3).allSatisfy(assignment -> {
            assertThat(assignment.units()).isEmpty();
            assertThat(assignment.slices()).singleElement()
                    .satisfies(slice -> assertThat(slice.count()).isEqualTo(3));
        });
    }

    @Test
    void deflatedTextReadsBackAndCorruptTextIsRefused() {
        String text = "[" + "{\"stream\":\"a\"},".repeat(1000) + "{\"stream\":\"b\"}]";
        assertThat(Deflated.decode(Deflated.encode(text))).isEqualTo(text);
        assertThat(Deflated.encode(text).length()).isLessThan(text.length() / 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Deflated.decode(Deflated.PREFIX + "AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A substream's partition: a parent id, and a parent slice as extra fields. */
    private static RouterPartition parent(int id) {
        ObjectNode values = Json.object().put("parent_id", id);
        ObjectNode extra = Json.object().put("parent_slice", "{}");
        return new RouterPartition("{\"parent_id\":" + id + "}", values, extra);
    }

    /** The characters a task config has beyond the connector's own settings. */
    private static int planSize(Map<String, String> task, Map<String, String> settings) {
        int size = 0;
        for (Map.Entry<String, String> entry : task.entrySet()) {
            if (!settings.containsKey(entry.getKey())) {
                size += entry.getKey().length() + entry.getValue().length();
            }
        }
        return size;
    }

    private static void assertEveryPartitionOnce(List<Set<String>> tasks, int partitions) {
        Set<String> all = new HashSet<>();
        int total = 0;
        for (Set<String> keys : tasks) {
            total += keys.size();
            all.addAll(keys);
            assertThat(keys.size()).as("a task's share").isBetween(partitions / tasks.size() * 8 / 10,
                    partitions / tasks.size() * 12 / 10);
        }
        assertThat(all).as("every partition").hasSize(partitions);
        assertThat(total).as("each partition once").isEqualTo(partitions);
    }

    /** Streams sharing a stream group, directly or through a stream in two groups, go to one task. */
    @Test
    void streamsLinkedByStreamGroupsGoToOneTask() {
        List<TaskAssignments.StreamUnits> streams = List.of(
                grouped("a", Set.of("g")),
                new TaskAssignments.StreamUnits("free", List.of(WorkUnit.whole("free")), false, false),
                grouped("b", Set.of("h")),
                grouped("c", Set.of("g", "h")),
                grouped("d", Set.of("k")));

        List<TaskAssignments.Assignment> assignments = TaskAssignments.assign(streams, 4);

        assertThat(assignments).hasSize(4);
        List<List<String>> streamsPerTask = assignments.stream()
                .map(assignment -> assignment.units().stream().map(WorkUnit::stream).toList()).toList();
        assertThat(streamsPerTask).containsExactly(List.of("a", "b", "c"), List.of("free"), List.of("d"), List.of());
    }

    private static TaskAssignments.StreamUnits grouped(String stream, Set<String> groups) {
        return new TaskAssignments.StreamUnits(stream, List.of(WorkUnit.whole(stream)), false, false, groups);
    }
}
