package dev.sluice.declarative.partition;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.context;
import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.object;
import static dev.sluice.declarative.TestManifests.routers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** List, cartesian product, grouping and union routers (declarative.md §5.8). */
class PartitionRoutersTest {

    private static final BuildContext CONTEXT = context("{\"sections\": [\"news\", \"sports\"], \"letters\": \"ab\"}",
            clockAt("2024-01-01T00:00:00Z"));

    private static PartitionRouter router(String yaml) {
        List<PartitionRouter> built = new ArrayList<>();
        routers(yaml, "").forEach(spec -> built.add(spec.build(CONTEXT, StreamState.empty())));
        return CartesianProductRouter.of(built);
    }

    private static List<StreamSlice> partitions(PartitionRouter router) {
        List<StreamSlice> partitions = new ArrayList<>();
        router.partitions(partitions::add);
        return partitions;
    }

    private static List<String> texts(PartitionRouter router) {
        return partitions(router).stream().map(slice -> slice.partition() + " " + slice.extraFields()).toList();
    }

    @Test
    void aListRouterInjectsEachValue() {
        PartitionRouter router = router("""
                type: ListPartitionRouter
                cursor_field: section
                values: "{{ config['sections'] }}"
                request_option: {type: RequestOption, inject_into: header, field_name: X-Section}
                """);

        List<StreamSlice> partitions = partitions(router);
        assertThat(partitions).extracting(slice -> slice.partition().toString())
                .containsExactly("{\"section\":\"news\"}", "{\"section\":\"sports\"}");
        assertThat(router.requestOptions(partitions.get(1)).headers()).containsEntry("X-Section", "sports");
        assertThat(router.parentState()).isNull();
    }

    @Test
    void aListRouterInjectsNoFalsyValueAndIteratesARenderedString() {
        PartitionRouter router = router("""
                type: ListPartitionRouter
                cursor_field: letter
                values: "{{ config['letters'] }}"
                request_option: {type: RequestOption, inject_into: request_parameter, field_name: letter}
                """);

        assertThat(texts(router)).containsExactly("{\"letter\":\"a\"} {}", "{\"letter\":\"b\"} {}");
        StreamSlice empty = StreamSlice.ofPartition(object("{\"letter\": \"\"}"));
        assertThat(router.requestOptions(empty)).isEqualTo(RequestOptions.NONE);
    }

    @Test
    void aListOfRoutersIsTheirCartesianProductWhereTheFirstRouterWins() {
        PartitionRouter router = router("""
                - type: ListPartitionRouter
                  cursor_field: section
                  values: [news, sports]
                  request_option: {type: RequestOption, inject_into: request_parameter, field_name: key}
                - type: ListPartitionRouter
                  cursor_field: page
                  values: [1, 2]
                  request_option: {type: RequestOption, inject_into: request_parameter, field_name: key}
                """);

        List<StreamSlice> partitions = partitions(router);
        assertThat(partitions).extracting(slice -> slice.partition().toString()).containsExactly(
                "{\"page\":1,\"section\":\"news\"}", "{\"page\":2,\"section\":\"news\"}",
                "{\"page\":1,\"section\":\"sports\"}", "{\"page\":2,\"section\":\"sports\"}");
        assertThat(router.requestOptions(partitions.get(3)).parameterText("key")).isEqualTo("sports");
        assertThat(router.parentState()).isNull();
    }

    @Test
    void aGroupingRouterBatchesDistinctValues() {
        PartitionRouter router = router("""
                type: GroupingPartitionRouter
                group_size: 2
                underlying_partition_router:
                  type: ListPartitionRouter
                  cursor_field: board
                  values: ["1", "2", "2", "3", "4", "5"]
                  request_option: {type: RequestOption, inject_into: request_parameter, field_name: board}
                """);

        List<StreamSlice> partitions = partitions(router);
        assertThat(partitions).extracting(slice -> slice.partition().toString()).containsExactly(
                "{\"board\":[\"1\",\"2\"]}", "{\"board\":[\"3\",\"4\"]}", "{\"board\":[\"5\"]}");
        assertThat(router.requestOptions(partitions.get(0))).isEqualTo(RequestOptions.NONE);
        assertThat(router.forcesGlobalCursor()).isTrue();
    }

    @Test
    void aGroupingRouterKeepsDuplicatesWhenAsked() {
        PartitionRouter router = router("""
                type: GroupingPartitionRouter
                group_size: 3
                deduplicate: false
                underlying_partition_router: {type: ListPartitionRouter, cursor_field: board, values: ["1", "1", "2"]}
                """);

        assertThat(texts(router)).containsExactly("{\"board\":[\"1\",\"1\",\"2\"]} {}");
    }

    @Test
    void aUnionRouterYieldsEachValueOnce() {
        PartitionRouter router = router("""
                type: UnionPartitionRouter
                partition_field: repository
                partition_routers:
                  - {type: ListPartitionRouter, cursor_field: repository, values: ["org/a", "org/b"]}
                  - {type: ListPartitionRouter, cursor_field: repository, values: ["org/b", "org/c"]}
                """);

        assertThat(texts(router)).containsExactly("{\"repository\":\"org/a\"} {}", "{\"repository\":\"org/b\"} {}",
                "{\"repository\":\"org/c\"} {}");
        assertThat(router.parentState()).isEqualTo(json("{}"));
    }
}
