package dev.sluice.declarative.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference's {@code test_dpath_flatten_fields.py} table. */
class DpathFlattenFieldsTest {

    private static final String FLAT = "{\"field1\": -1, \"field2\": {\"field3\": -1}}";
    private static final String DEEP = "{\"field1\": -1, \"field2\": {\"field3\": {\"field4\": {\"field5\": -1}}}}";

    static Stream<Arguments> reference() {
        return Stream.of(
                row("keep origin", FLAT, "{}", "[field2]", "", "{\"field1\": -1, \"field2\": {\"field3\": -1}, \"field3\": -1}"),
                row("delete origin", FLAT, "{}", "[field2]", "delete_origin_value: true", "{\"field1\": -1, \"field3\": -1}"),
                row("star, keep origin", DEEP, "{}", "[field2, '*', field4]", "",
                        "{\"field1\": -1, \"field2\": {\"field3\": {\"field4\": {\"field5\": -1}}}, \"field5\": -1}"),
                row("star, delete origin", DEEP, "{}", "[field2, '*', field4]", "delete_origin_value: true",
                        "{\"field1\": -1, \"field2\": {\"field3\": {}}, \"field5\": -1}"),
                row("path from config", FLAT, "{\"field_path\": \"field2\"}", "[\"{{ config['field_path'] }}\"]", "",
                        "{\"field1\": -1, \"field2\": {\"field3\": -1}, \"field3\": -1}"),
                row("missing path", FLAT, "{}", "[non-existing-field]", "", FLAT),
                row("missing path with star", FLAT, "{}", "['*', non-existing-field]", "", FLAT),
                row("conflict, keep origin", "{\"field1\": -1, \"field2\": {\"field3\": -1}, \"field3\": -1}", "{}",
                        "[field2]", "", "{\"field1\": -1, \"field2\": {\"field3\": -1}, \"field3\": -1}"),
                row("conflict, delete origin", "{\"field1\": -1, \"field2\": {\"field3\": -1}, \"field3\": -1}", "{}",
                        "[field2]", "delete_origin_value: true", "{\"field1\": -1, \"field2\": {\"field3\": -1}, \"field3\": -1}"),
                row("replace record", FLAT, "{}", "[field2]", "replace_record: true", "{\"field3\": -1}"),
                row("replace record ignores delete origin", FLAT, "{}", "[field2]",
                        "replace_record: true, delete_origin_value: true", "{\"field3\": -1}"),
                row("prefix", FLAT, "{}", "[field2]", "replace_record: true, key_transformation: {type: KeyTransformation, prefix: prefix_}",
                        "{\"prefix_field3\": -1}"),
                row("suffix", FLAT, "{}", "[field2]", "replace_record: true, key_transformation: {type: KeyTransformation, suffix: _suffix}",
                        "{\"field3_suffix\": -1}"),
                row("prefix and suffix", FLAT, "{}", "[field2]",
                        "replace_record: true, key_transformation: {type: KeyTransformation, prefix: prefix_, suffix: _suffix}",
                        "{\"prefix_field3_suffix\": -1}"),
                row("prefix from config, no replace", FLAT, "{\"p\": \"x_\"}", "[field2]",
                        "key_transformation: {type: KeyTransformation, prefix: \"{{ config.p }}\"}",
                        "{\"field1\": -1, \"field2\": {\"field3\": -1}, \"x_field3\": -1}"),
                row("not an object", "{\"field1\": -1, \"field2\": [1, 2]}", "{}", "[field2]", "delete_origin_value: true",
                        "{\"field1\": -1, \"field2\": [1, 2]}"));
    }

    private static Arguments row(String name, String input, String config, String path, String options, String expected) {
        return Arguments.of(name, input, config, path, options, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void flattens(String name, String input, String config, String path, String options, String expected) {
        String yaml = "{type: DpathFlattenFields, field_path: " + path + (options.isEmpty() ? "" : ", " + options) + "}";

        JsonAssertions.assertJson(Transformations.apply(yaml, input, config, StreamSlice.EMPTY), expected);
    }
}
