package dev.sluice.declarative.requester.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** property_chunking.md §6.2 ({@code test_group_by_key.py}), then the keys the reference cannot join. */
class GroupByKeyTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of("id"), "{\"id\": \"0\", \"first_name\": \"Belinda\", \"last_name\": \"Lindsey\"}", "0"),
                Arguments.of(List.of("last_name", "first_name"),
                        "{\"id\": \"1\", \"first_name\": \"Zion\", \"last_name\": \"Lindsey\"}", "Lindsey,Zion"),
                Arguments.of(List.of(""), "{}", null),
                // Sluice divergence 5: any value type is stringified as Python's str() (the reference raises).
                Arguments.of(List.of("id"), "{\"id\": 123}", "123"),
                Arguments.of(List.of("date", "id"), "{\"date\": \"2024-01-02\", \"id\": 7}", "2024-01-02,7"),
                Arguments.of(List.of("id"), "{\"id\": 1.5}", "1.5"),
                Arguments.of(List.of("id"), "{\"id\": true}", "True"),
                Arguments.of(List.of("id"), "{\"id\": [\"a\", 1]}", "['a', 1]"),
                // falsy values mean "no key", as Python's truthiness
                Arguments.of(List.of("id"), "{\"id\": 0}", null),
                Arguments.of(List.of("id"), "{\"id\": 0.0}", null),
                Arguments.of(List.of("id"), "{\"id\": false}", null),
                Arguments.of(List.of("id"), "{\"id\": \"\"}", null),
                Arguments.of(List.of("id"), "{\"id\": null}", null),
                Arguments.of(List.of("id"), "{\"id\": []}", null),
                Arguments.of(List.of("id", "date"), "{\"id\": \"a\"}", null),
                Arguments.of(List.of(), "{\"id\": \"a\"}", null));
    }

    @ParameterizedTest(name = "{0} of {1} = {2}")
    @MethodSource("cases")
    void groupKey(List<String> keys, String record, String expected) throws Exception {
        ObjectNode data = (ObjectNode) Json.MAPPER.readTree(record);

        assertThat(new GroupByKey(keys).groupKey(data)).isEqualTo(expected);
    }
}
