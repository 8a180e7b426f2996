package dev.sluice.declarative.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's {@code test_flatten_fields.py} table; key order is the reference's too. */
class FlattenFieldsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "string values | true | {\"FirstName\": \"John\", \"LastName\": \"Doe\"} | {\"LastName\": \"Doe\", \"FirstName\": \"John\"}",
        "int values | true | {\"123Number\": 123, \"456Another123\": 456} | {\"456Another123\": 456, \"123Number\": 123}",
        "nested dict | true | {\"NestedRecord\": {\"FirstName\": \"John\", \"LastName\": \"Doe\"}, \"456Another123\": 456}"
                + " | {\"456Another123\": 456, \"LastName\": \"Doe\", \"FirstName\": \"John\"}",
        "list of dicts | true | {\"ListExample\": [{\"A\": \"a\"}, {\"A\": \"b\"}]}"
                + " | {\"ListExample.1.A\": \"b\", \"ListExample.0.A\": \"a\"}",
        "nested dict with list and strings | true | {\"MixedCase123\": {\"Nested\": [{\"Key\": {\"Value\": \"test1\"}},"
                + " {\"Key\": {\"Value\": \"test2\"}}]}, \"SimpleKey\": \"SimpleValue\"}"
                + " | {\"SimpleKey\": \"SimpleValue\", \"Nested.1.Key.Value\": \"test2\", \"Nested.0.Key.Value\": \"test1\"}",
        "list of strings | true | {\"List\": [\"Item1\", \"Item2\", \"Item3\"]}"
                + " | {\"List.2\": \"Item3\", \"List.1\": \"Item2\", \"List.0\": \"Item1\"}",
        "lists kept | false | {\"List\": [\"Item1\", \"Item2\", \"Item3\"]} | {\"List\": [\"Item1\", \"Item2\", \"Item3\"]}",
        "lists kept, nested | false | {\"RootField\": {\"NestedList\": [{\"Key\": {\"Value\": \"test1\"}}]},"
                + " \"SimpleKey\": \"SimpleValue\"}"
                + " | {\"SimpleKey\": \"SimpleValue\", \"NestedList\": [{\"Key\": {\"Value\": \"test1\"}}]}",
        "duplicated key takes the parent name | false | {\"RootField\": {\"List\": [{\"Key\": 1}]}, \"List\": [1, 3, 6],"
                + " \"SimpleKey\": \"SimpleValue\"}"
                + " | {\"SimpleKey\": \"SimpleValue\", \"List\": [1, 3, 6], \"RootField.List\": [{\"Key\": 1}]}",
        "empty containers vanish | true | {\"a\": {}, \"b\": [], \"c\": null} | {\"c\": null}",
    })
    void flattens(String name, boolean flattenLists, String input, String expected) {
        ObjectNode result = Transformations.apply("{type: FlattenFields, flatten_lists: " + flattenLists + "}", input);

        JsonAssertions.assertJson(result, expected);
        assertThat(keys(result)).as("key order").isEqualTo(keys(Components.object(expected)));
    }

    private static List<String> keys(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
