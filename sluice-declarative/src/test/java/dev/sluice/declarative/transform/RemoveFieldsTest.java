package dev.sluice.declarative.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.declarative.manifest.ManifestException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference's {@code test_remove_fields.py} table, plus globs and copy-on-write checks. */
class RemoveFieldsTest {

    static Stream<Arguments> reference() {
        return Stream.of(
                row("flat field", "{\"k1\": \"v\", \"k2\": \"v\"}", "[[k1]]", "", "{\"k2\": \"v\"}"),
                row("missing field", "{\"k1\": \"v\", \"k2\": \"v\"}", "[[k3]]", "", "{\"k1\": \"v\", \"k2\": \"v\"}"),
                row("several fields", "{\"k1\": \"v\", \"k2\": \"v\"}", "[[k1], [k2]]", "", "{}"),
                row("array element (int index)", "{\"k1\": [1, 2]}", "[[k1, 0]]", "", "{\"k1\": [null, 2]}"),
                row("array element (string index)", "{\"k1\": [1, 2]}", "[[k1, '0']]", "", "{\"k1\": [null, 2]}"),
                row("last array element is removed", "{\"k1\": [1, 2]}", "[[k1, 1]]", "", "{\"k1\": [1]}"),
                row("all cases (flat)", "{\"k1\": \"v\", \"k2\": \"v\", \"k3\": [0, 1], \"k4\": \"v\"}",
                        "[[k1], [k2], [k3, 0]]", "", "{\"k3\": [null, 1], \"k4\": \"v\"}"),
                row("missing index (flat)", "{\"k1\": [0, 1]}", "[['.', k1, 10]]", "", "{\"k1\": [0, 1]}"),
                row("missing index (nested)", "{\".\": {\"k1\": [0, 1]}}", "[['.', k1, 10]]", "",
                        "{\".\": {\"k1\": [0, 1]}}"),
                row("nested field", "{\".\": {\"k2\": \"v\", \"k1\": \"v\"}}", "[['.', k1]]", "",
                        "{\".\": {\"k2\": \"v\"}}"),
                row("missing nested field", "{\".\": {\"k2\": \"v\", \"k1\": \"v\"}}", "[['.', k3]]", "",
                        "{\".\": {\"k2\": \"v\", \"k1\": \"v\"}}"),
                row("several nested fields", "{\".\": {\"k2\": \"v\", \"k1\": \"v\"}}", "[['.', k1], ['.', k2]]", "",
                        "{\".\": {}}"),
                row("nested array element", "{\".\": {\"k1\": [0, 1]}}", "[['.', k1, 0]]", "",
                        "{\".\": {\"k1\": [null, 1]}}"),
                row("fields in array elements", "{\".\": {\"k1\": [{\"k2\": \"v\", \"k3\": \"v\"}, {\"k4\": \"v\"}]}}",
                        "[['.', k1, 0, k2], ['.', k1, 1, k4]]", "", "{\".\": {\"k1\": [{\"k3\": \"v\"}, {}]}}"),
                row("condition False keeps all", "{\"k1\": \"v\", \"k2\": \"v\"}", "[['**']]", "{{ False }}",
                        "{\"k1\": \"v\", \"k2\": \"v\"}"),
                row("condition True removes all", "{\"k1\": \"v\", \"k2\": \"v\"}", "[['**']]", "{{ True }}", "{}"),
                row("condition on the value, recursively",
                        "{\"k1\": \"v\", \"k2\": \"v1\", \"k3\": \"v1\", \"k4\": {\"k_nested\": \"v1\", \"k_nested2\": \"v2\"}}",
                        "[['**']]", "{{ property == 'v1' }}", "{\"k1\": \"v\", \"k4\": {\"k_nested2\": \"v2\"}}"),
                row("condition on the length",
                        "{\"k1\": \"v\", \"k2\": \"some_long_string\", \"k3\": \"some_long_string\", "
                                + "\"k4\": {\"k_nested\": \"v1\", \"k_nested2\": \"v2\"}}",
                        "[['**']]", "{{ property|length > 5 }}",
                        "{\"k1\": \"v\", \"k4\": {\"k_nested\": \"v1\", \"k_nested2\": \"v2\"}}"),
                row("condition on the type",
                        "{\"k1\": 255, \"k2\": \"some_string\", \"k3\": \"some_long_string\", "
                                + "\"k4\": {\"k_nested\": 123123, \"k_nested2\": \"v2\"}}",
                        "[['**']]", "{{ property is integer }}",
                        "{\"k2\": \"some_string\", \"k3\": \"some_long_string\", \"k4\": {\"k_nested2\": \"v2\"}}"),
                // Globs beyond the reference table: '*' for one level, shell patterns within a key, '**' at depth.
                row("star over list elements", "{\"data\": [{\"id\": 1, \"x\": 1}, {\"id\": 2, \"x\": 2}]}",
                        "[[data, '*', x]]", "", "{\"data\": [{\"id\": 1}, {\"id\": 2}]}"),
                row("star over a whole list", "{\"k\": [1, 2, 3]}", "[[k, '*']]", "", "{\"k\": [null, null]}"),
                row("pattern inside a key", "{\"_links\": 1, \"_meta\": 2, \"id\": 3}", "[['_*']]", "", "{\"id\": 3}"),
                row("double star then key", "{\"a\": {\"secret\": 1, \"b\": {\"secret\": 2}}, \"secret\": 3}",
                        "[['**', secret]]", "", "{\"a\": {\"b\": {}}}"),
                row("negative index", "{\"k\": [1, 2, 3]}", "[[k, '-1']]", "", "{\"k\": [1, 2]}"),
                row("path through a scalar", "{\"k\": \"v\"}", "[[k, x]]", "", "{\"k\": \"v\"}"));
    }

    private static Arguments row(String name, String input, String pointers, String condition, String expected) {
        return Arguments.of(name, input, pointers, condition, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void removesFields(String name, String input, String pointers, String condition, String expected) {
        String yaml = "type: RemoveFields\nfield_pointers: " + pointers + "\n"
                + (condition.isEmpty() ? "" : "condition: \"" + condition + "\"\n");

        JsonAssertions.assertJson(Transformations.apply(yaml, input), expected);
    }

    @Test
    void returnsTheSameRecordWhenNothingMatches() {
        RecordTransformation remove = Components.bind("{type: RemoveFields, field_pointers: [[missing]]}",
                TransformationSpec.class).build(Components.context());
        ObjectNode record = Components.object("{\"a\": {\"b\": 1}}");

        assertThat(remove.apply(record, Components.records(Components.context()))).isSameAs(record);
    }

    @Test
    void copiesOnlyTheObjectsOnThePath() {
        RecordTransformation remove = Components.bind("{type: RemoveFields, field_pointers: [[a, x]]}",
                TransformationSpec.class).build(Components.context());
        ObjectNode record = Components.object("{\"a\": {\"x\": 1}, \"big\": {\"nested\": [1, 2, 3]}}");

        ObjectNode result = remove.apply(record, Components.records(Components.context()));

        assertThat(result.get("big")).as("untouched subtrees are shared, not copied").isSameAs(record.get("big"));
        assertThat(result.get("a")).isNotSameAs(record.get("a"));
        JsonAssertions.assertJson(result.get("a"), "{}");
    }

    @Test
    void refusesTwoDoubleStarsInOnePointer() {
        assertThatThrownBy(() -> Components.bind("{type: RemoveFields, field_pointers: [['**', a, '**']]}",
                TransformationSpec.class))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("Only one '**' is permitted");
    }
}
