package dev.sluice.declarative.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RecordException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference's {@code test_add_fields.py} table, plus in-order visibility and copy-on-write. */
class AddFieldsTest {

    private static final String SLICE = "{\"start_date\": \"oct1\"}";

    static Stream<Arguments> reference() {
        return Stream.of(
                row("static value", "{\"k\": \"v\"}", "[{path: [path], value: static_value}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"path\": \"static_value\"}"),
                row("number expression", "{\"k\": \"v\"}", "[{path: [path], value: '{{ 1 }}'}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"path\": 1}"),
                row("value_type string", "{\"k\": \"v\"}", "[{path: [path], value: '{{ 1 }}', value_type: string}]", "",
                        "{}", "{}", "{\"k\": \"v\", \"path\": \"1\"}"),
                row("several values", "{\"k\": \"v\"}",
                        "[{path: [path], value: static_value}, {path: [path2], value: static_value2}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"path\": \"static_value\", \"path2\": \"static_value2\"}"),
                row("nested path", "{\"k\": \"v\"}", "[{path: [nested, path], value: static_value}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"nested\": {\"path\": \"static_value\"}}"),
                row("existing value", "{\"k\": \"v\"}", "[{path: [k], value: new_value}]", "", "{}", "{}",
                        "{\"k\": \"new_value\"}"),
                row("inside an array", "{\"k\": [0, 1]}", "[{path: [k, 3], value: v}]", "", "{}", "{}",
                        "{\"k\": [0, 1, null, \"v\"]}"),
                row("config bracket", "{\"k\": \"v\"}", "[{path: [k2], value: \"{{ config['shop'] }}\"}]", "",
                        "{\"shop\": \"in-n-out\"}", "{}", "{\"k\": \"v\", \"k2\": \"in-n-out\"}"),
                row("config dot", "{\"k\": \"v\"}", "[{path: [k2], value: '{{ config.shop }}'}]", "",
                        "{\"shop\": \"in-n-out\"}", "{}", "{\"k\": \"v\", \"k2\": \"in-n-out\"}"),
                row("slice bracket", "{\"k\": \"v\"}", "[{path: [k2], value: \"{{ stream_slice['start_date'] }}\"}]", "",
                        "{}", SLICE, "{\"k\": \"v\", \"k2\": \"oct1\"}"),
                row("slice dot", "{\"k\": \"v\"}", "[{path: [k2], value: '{{ stream_slice.start_date }}'}]", "", "{}",
                        SLICE, "{\"k\": \"v\", \"k2\": \"oct1\"}"),
                row("record dot", "{\"k\": \"v\"}", "[{path: [k2], value: '{{ record.k }}'}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"k2\": \"v\"}"),
                row("record bracket", "{\"k\": \"v\"}", "[{path: [k2], value: \"{{ record['k'] }}\"}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"k2\": \"v\"}"),
                row("nested record dot", "{\"k\": {\"nested\": \"v\"}}", "[{path: [k2], value: '{{ record.k.nested }}'}]",
                        "", "{}", "{}", "{\"k\": {\"nested\": \"v\"}, \"k2\": \"v\"}"),
                row("nested record bracket", "{\"k\": {\"nested\": \"v\"}}",
                        "[{path: [k2], value: \"{{ record['k']['nested'] }}\"}]", "", "{}", "{}",
                        "{\"k\": {\"nested\": \"v\"}, \"k2\": \"v\"}"),
                row("jinja expression", "{\"k\": \"v\"}", "[{path: [k2], value: '{{ 2 + 2 }}'}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"k2\": 4}"),
                row("condition False", "{\"k\": \"v\"}", "[{path: [path], value: static_value}]", "{{ False }}", "{}",
                        "{}", "{\"k\": \"v\"}"),
                row("condition True", "{\"k\": \"v\"}", "[{path: [path], value: static_value}]", "{{ True }}", "{}",
                        "{}", "{\"k\": \"v\", \"path\": \"static_value\"}"),
                row("condition reads path", "{\"k\": \"v\"}", "[{path: [path], value: static_value}]",
                        "{{ path[0] not in record.keys() }}", "{}", "{}", "{\"k\": \"v\", \"path\": \"static_value\"}"),
                row("condition reads path (no add)", "{\"k\": \"v\", \"existing_path\": \"record_value\"}",
                        "[{path: [existing_path], value: static_value}]", "{{ path[0] not in record.keys() }}", "{}",
                        "{}", "{\"k\": \"v\", \"existing_path\": \"record_value\"}"),
                row("condition reads value", "{\"k\": \"v\"}", "[{path: [a], value: '{{ 1 }}'}, {path: [b], value: x}]",
                        "{{ value == 1 }}", "{}", "{}", "{\"k\": \"v\", \"a\": 1}"),
                row("empty render", "{\"k\": \"v\"}", "[{path: [a], value: '{{ record.missing }}'}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"a\": \"\"}"),
                row("later fields see earlier ones", "{\"k\": \"v\"}",
                        "[{path: [a], value: '{{ 1 }}'}, {path: [b], value: '{{ record.a + 1 }}'}]", "", "{}", "{}",
                        "{\"k\": \"v\", \"a\": 1, \"b\": 2}"),
                row("new list parent", "{}", "[{path: [list, 1], value: x}]", "", "{}", "{}",
                        "{\"list\": [null, \"x\"]}"));
    }

    private static Arguments row(String name, String input, String fields, String condition, String config,
            String slice, String expected) {
        return Arguments.of(name, input, fields, condition, config, slice, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void addsFields(String name, String input, String fields, String condition, String config, String slice,
            String expected) {
        String yaml = "type: AddFields\n$parameters: {alas: i live}\nfields: " + fields + "\n"
                + (condition.isEmpty() ? "" : "condition: \"" + condition + "\"\n");

        ObjectNode result = Transformations.apply(yaml, input, config, StreamSlice.ofPartition(Components.object(slice)));

        JsonAssertions.assertJson(result, expected);
    }

    @Test
    void copiesOnlyTheObjectsOnThePath() {
        RecordTransformation add = Components.bind("{type: AddFields, fields: [{path: [meta, id], value: '7'}]}",
                TransformationSpec.class).build(Components.context());
        ObjectNode record = Components.object("{\"meta\": {\"a\": 1}, \"big\": {\"nested\": [1, 2, 3]}}");

        ObjectNode result = add.apply(record, Components.records(Components.context()));

        JsonAssertions.assertJson(result, "{\"meta\": {\"a\": 1, \"id\": 7}, \"big\": {\"nested\": [1, 2, 3]}}");
        assertThat(result.get("big")).isSameAs(record.get("big"));
        JsonAssertions.assertJson(record.get("meta"), "{\"a\": 1}");
    }

    /**
     * transformations/add_fields.py builds each value as {@code InterpolatedString.create(value)}, whose default is
     * the value's own text (interpolation/interpolated_string.py); jinja.py's {@code eval} re-renders that default
     * after an {@code UndefinedError}, which raises again. So the record fails instead of getting {@code ""}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("undefinedErrors")
    void anUndefinedErrorFailsTheRecordNamingFieldAndTemplate(String value) {
        String yaml = "{type: AddFields, fields: [{path: [user_id], value: \"" + value + "\"}]}";

        assertThatThrownBy(() -> Transformations.apply(yaml, "{\"id\": 1}"))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR))
                .hasMessageContaining("[user_id]")
                .hasMessageContaining(value)
                .hasMessageContaining("undefined");
    }

    static Stream<String> undefinedErrors() {
        return Stream.of("{{ record['user']['id'] }}", "{{ record.user.id }}", "{{ record.user[1:] }}",
                "{{ record['user']() }}", "{{ record.user + 1 }}");
    }

    @Test
    void theSameTemplateWorksWhenTheValueIsThere() {
        ObjectNode result = Transformations.apply(
                "{type: AddFields, fields: [{path: [user_id], value: \"{{ record['user']['id'] }}\"}]}",
                "{\"user\": {\"id\": 7}}");

        JsonAssertions.assertJson(result, "{\"user\": {\"id\": 7}, \"user_id\": 7}");
    }

    @Test
    void aScalarInTheWayIsAnError() {
        assertThatThrownBy(() -> Transformations.apply("{type: AddFields, fields: [{path: [k, x], value: v}]}",
                "{\"k\": \"scalar\"}"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("[k] holds string");
    }
}
