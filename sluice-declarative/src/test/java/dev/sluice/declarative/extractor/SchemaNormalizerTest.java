package dev.sluice.declarative.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference's {@code unit_tests/sources/utils/test_transform.py} table (schema normalisation). */
class SchemaNormalizerTest {

    private static final String SIMPLE = "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"string\"}}}";
    private static final String COMPLEX = "{\"type\": \"object\", \"properties\": {"
            + "\"value\": {\"type\": \"boolean\", \"format\": \"even\", \"is_positive\": true},"
            + "\"prop\": {\"type\": \"string\"}, \"prop_with_null\": {\"type\": [\"string\", \"null\"]},"
            + "\"number_prop\": {\"type\": \"number\"}, \"int_prop\": {\"type\": [\"integer\", \"null\"]},"
            + "\"too_many_types\": {\"type\": [\"boolean\", \"null\", \"string\"]},"
            + "\"array\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
            + "\"nested\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}},"
            + "\"list_of_lists\": {\"type\": \"array\", \"items\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}}}";
    private static final String VERY_NESTED = nested(5);

    private static String nested(int depth) {
        if (depth == 0) {
            return "{\"type\": [\"null\", \"number\"]}";
        }
        return "{\"type\": [\"null\", \"object\"], \"properties\": {\"very_nested_value\": " + nested(depth - 1) + "}}";
    }

    private static String value(String key, int depth, String leaf) {
        return depth == 0 ? leaf : "{\"" + key + "\": " + value(key, depth - 1, leaf) + "}";
    }

    static Stream<Arguments> reference() {
        return Stream.of(
                row("simple number to string", SIMPLE, "{\"value\": 12}", "{\"value\": \"12\"}"),
                row("unexpected fields kept", SIMPLE, "{\"value\": 12, \"unexpected_value\": \"unexpected\"}",
                        "{\"value\": \"12\", \"unexpected_value\": \"unexpected\"}"),
                // The reference's {1: 111} has an integer key; JSON keys are strings, so Python prints '1'.
                row("array with mixed types", COMPLEX, "{\"value\": 1, \"array\": [\"111\", 111, {\"1\": 111}]}",
                        "{\"value\": true, \"array\": [\"111\", \"111\", \"{'1': 111}\"]}"),
                row("nested lists", COMPLEX, "{\"value\": 1, \"list_of_lists\": [[\"111\"], [111], [11], [{\"1\": 1}]]}",
                        "{\"value\": true, \"list_of_lists\": [[\"111\"], [\"111\"], [\"11\"], [\"{'1': 1}\"]]}"),
                row("array in nested object", COMPLEX, "{\"value\": 1, \"nested\": {\"a\": [1, 2, 3]}}",
                        "{\"value\": true, \"nested\": {\"a\": \"[1, 2, 3]\"}}"),
                row("string to boolean", COMPLEX, "{\"value\": \"false\", \"nested\": {\"a\": [1, 2, 3]}}",
                        "{\"value\": false, \"nested\": {\"a\": \"[1, 2, 3]\"}}"),
                row("empty object", COMPLEX, "{}", "{}"),
                row("string to integer", COMPLEX, "{\"int_prop\": \"12\"}", "{\"int_prop\": 12}"),
                row("invalid number kept", COMPLEX, "{\"prop\": 12, \"number_prop\": \"aa12\", \"array\": [12]}",
                        "{\"prop\": \"12\", \"number_prop\": \"aa12\", \"array\": [\"12\"]}"),
                row("ambiguous types kept", COMPLEX, "{\"prop\": 12, \"too_many_types\": 1212, \"array\": [12]}",
                        "{\"prop\": \"12\", \"too_many_types\": 1212, \"array\": [\"12\"]}"),
                row("null to string", COMPLEX, "{\"prop\": null, \"array\": [12]}", "{\"prop\": \"None\", \"array\": [\"12\"]}"),
                row("null kept when allowed", COMPLEX, "{\"prop_with_null\": null, \"array\": [12]}",
                        "{\"prop_with_null\": null, \"array\": [\"12\"]}"),
                row("very nested", VERY_NESTED, value("very_nested_value", 5, "\"2\""),
                        value("very_nested_value", 5, "2.0")),
                row("null in nested structure", VERY_NESTED, "{\"very_nested_value\": {\"very_nested_value\": null}}",
                        "{\"very_nested_value\": {\"very_nested_value\": null}}"),
                row("object without properties", "{\"type\": \"object\"}", "{\"value\": 12}", "{\"value\": 12}"),
                row("array without items", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"array\"}}}",
                        "{\"value\": [12]}", "{\"value\": [12]}"),
                row("string to array", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"array\"}}}",
                        "{\"value\": \"12\"}", "{\"value\": [\"12\"]}"),
                row("number to array", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"array\"}}}",
                        "{\"value\": 12}", "{\"value\": [12]}"),
                row("null to array", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"array\"}}}",
                        "{\"value\": null}", "{\"value\": [null]}"),
                row("null kept for nullable array",
                        "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": [\"null\", \"array\"]}}}",
                        "{\"value\": null}", "{\"value\": null}"),
                row("number to string array", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"array\","
                        + " \"items\": {\"type\": [\"string\"]}}}}", "{\"value\": 10}", "{\"value\": [\"10\"]}"),
                row("string not wrapped for object items", "{\"type\": \"object\", \"properties\": {\"value\":"
                        + " {\"type\": \"array\", \"items\": {\"type\": [\"object\"]}}}}", "{\"value\": \"string\"}",
                        "{\"value\": \"string\"}"),
                row("object not wrapped", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"array\","
                        + " \"items\": {\"type\": [\"string\"]}}}}", "{\"value\": {\"key\": \"value\"}}",
                        "{\"value\": {\"key\": \"value\"}}"),
                row("non-object root schema", "{\"type\": \"integer\"}", "{\"value\": \"12\"}", "{\"value\": \"12\"}"),
                row("several types", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": [\"string\","
                        + " \"boolean\", \"null\"]}}}", "{\"value\": 12}", "{\"value\": 12}"),
                row("oneOf not supported", "{\"type\": \"object\", \"properties\": {\"one_of_value\": {\"oneOf\":"
                        + " [\"string\", \"boolean\", \"null\"]}, \"value_2\": {\"type\": \"string\"}}}",
                        "{\"one_of_value\": 12, \"value_2\": 12}", "{\"one_of_value\": 12, \"value_2\": \"12\"}"),
                row("properties without type", "{\"properties\": {\"cpc\": {\"type\": [\"null\", \"number\"]}}}",
                        "{\"cpc\": \"6.6666\"}", "{\"cpc\": 6.6666}"),
                row("string to object fails", "{\"type\": \"object\", \"properties\": {\"value1\": {\"type\": \"object\","
                        + " \"properties\": {\"value2\": {\"type\": \"string\"}}}}}", "{\"value1\": \"value2\"}",
                        "{\"value1\": \"value2\"}"),
                row("string to object in array fails", "{\"type\": \"object\", \"properties\": {\"value\": {\"type\":"
                        + " \"array\", \"items\": {\"type\": \"object\"}}}}", "{\"value\": [\"one\", \"two\"]}",
                        "{\"value\": [\"one\", \"two\"]}"),
                row("deep value with string root", "{\"type\": \"string\"}",
                        "{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": \"deep value\"}}}}}",
                        "{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": \"deep value\"}}}}}"),
                // Python's int() and float() rules, and the quirk of an items type written as one string.
                row("float to integer truncates", "{\"properties\": {\"v\": {\"type\": \"integer\"}}}", "{\"v\": 12.7}",
                        "{\"v\": 12}"),
                row("decimal text is not an integer", "{\"properties\": {\"v\": {\"type\": \"integer\"}}}",
                        "{\"v\": \"12.5\"}", "{\"v\": \"12.5\"}"),
                row("boolean to number", "{\"properties\": {\"v\": {\"type\": \"number\"}}}", "{\"v\": true}",
                        "{\"v\": 1.0}"),
                row("float renders as Python does", "{\"properties\": {\"v\": {\"type\": \"string\"}}}",
                        "{\"v\": 12.0, \"w\": 1}", "{\"v\": \"12.0\", \"w\": 1}"),
                row("unknown boolean word kept", "{\"properties\": {\"v\": {\"type\": \"boolean\"}}}",
                        "{\"v\": \" Maybe \"}", "{\"v\": \" Maybe \"}"),
                row("items type as a string never wraps", "{\"properties\": {\"v\": {\"type\": \"array\","
                        + " \"items\": {\"type\": \"string\"}}}}", "{\"v\": 10}", "{\"v\": 10}"),
                row("local ref", "{\"definitions\": {\"n\": {\"properties\": {\"x\": {\"type\": \"integer\"}}}},"
                        + " \"properties\": {\"v\": {\"$ref\": \"#/definitions/n\"}}}", "{\"v\": {\"x\": \"3\"}}",
                        "{\"v\": {\"x\": 3}}"));
    }

    private static Arguments row(String name, String schema, String input, String expected) {
        return Arguments.of(name, schema, input, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void normalises(String name, String schema, String input, String expected) {
        ObjectNode record = Components.object(input);
        ObjectNode before = record.deepCopy();

        ObjectNode result = new SchemaNormalizer(Components.json(schema)).normalize(record);

        JsonAssertions.assertJson(result, expected);
        assertThat(record).as("the input is not modified").isEqualTo(before);
    }

    @Test
    void returnsTheInputWhenNothingChanges() {
        ObjectNode record = Components.object("{\"value\": \"12\", \"other\": {\"a\": [1]}}");

        assertThat(new SchemaNormalizer(Components.json(SIMPLE)).normalize(record)).isSameAs(record);
    }
}
