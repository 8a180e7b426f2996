package dev.sluice.declarative.requester.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * property_chunking.md §6.3 ({@code test_query_properties.py}). The selector's transformation is the reference's
 * {@code RemoveFields([["remove_me"]])}, written here as a plain {@link RecordTransformation}.
 */
class QueryPropertiesTest {

    private static final List<String> L9 = names("ace snake santa clover junpei june seven lotus nine");
    private static final List<String> ENDPOINT = names("alice clover dio k luna phi quark sigma tenmyouji");
    static final RecordTransformation REMOVE_ME = (record, context) -> {
        ObjectNode copy = record.deepCopy();
        copy.remove("remove_me");
        return copy;
    };

    static Stream<Arguments> cases() {
        List<String> withRemoveMe = new ArrayList<>(L9);
        withRemoveMe.add("remove_me");
        List<String> some = names("santa clover junpei june remove_me");
        return Stream.of(
                Arguments.of(1, withRemoveMe, List.of(), 3, some, List.of(names("santa clover junpei"), names("june"))),
                Arguments.of(2, L9, List.of("zero"), 3, L9, List.of(names("zero ace snake santa"),
                        names("zero clover junpei june"), names("zero seven lotus nine"))),
                Arguments.of(3, L9, List.of("zero"), null, some, List.of(names("zero santa clover junpei june"))),
                Arguments.of(4, L9, List.of("zero"), null, L9,
                        List.of(names("zero ace snake santa clover junpei june seven lotus nine"))),
                Arguments.of(5, null, List.of(), 5, ENDPOINT,
                        List.of(names("alice clover dio k luna"), names("phi quark sigma tenmyouji"))),
                Arguments.of(6, L9, List.of(), 3, names("santa clover junpei june"),
                        List.of(names("santa clover junpei"), names("june"))),
                Arguments.of(7, null, List.of(), 5, names("luna phi sigma remove_me"), List.of(names("luna phi sigma"))),
                Arguments.of(8, L9, List.of(), 3, null,
                        List.of(names("ace snake santa"), names("clover junpei june"), names("seven lotus nine"))));
    }

    /**
     * @param listed     the static property list, or null for the endpoint's
     * @param countLimit the property_count limit, or null without property_chunking
     * @param configured the configured stream's property names, or null without a property selector
     */
    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void chunksAsTheReference(int number, @Nullable List<String> listed, List<String> alwaysInclude,
            @Nullable Integer countLimit, @Nullable List<String> configured, List<List<String>> expected) {
        Supplier<List<String>> properties = listed == null ? () -> ENDPOINT : () -> listed;
        PropertyChunking chunking = countLimit == null ? null
                : new PropertyChunking(PropertyLimitType.PROPERTY_COUNT, countLimit, GroupByKey.ID);
        JsonSchemaPropertySelector selector = configured == null ? null
                : new JsonSchemaPropertySelector(schema(configured), List.of(REMOVE_ME), context());
        QueryProperties query = new QueryProperties(properties, alwaysInclude, chunking, selector);

        assertThat(query.chunks()).isEqualTo(expected);
    }

    @Test
    void propertiesAreFetchedAgainForEveryPageButTheEndpointCachesThem() {
        AtomicInteger calls = new AtomicInteger();
        QueryProperties query = new QueryProperties(() -> {
            calls.incrementAndGet();
            return L9;
        }, List.of(), null, null);

        assertThat(query.chunks()).containsExactly(L9);
        assertThat(query.chunks()).containsExactly(L9);
        assertThat(calls).as("the supplier is asked per page; PropertiesFromEndpoint caches").hasValue(2);
    }

    static ObjectNode schema(List<String> properties) {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode declared = schema.putObject("properties");
        properties.forEach(name -> declared.putObject(name).put("type", "string"));
        return schema;
    }

    static RecordContext context() {
        return RecordContext.of(InterpolationContext.of(Json.object()), StreamSlice.EMPTY, null);
    }

    private static List<String> names(String spaced) {
        return Arrays.asList(spaced.split(" "));
    }
}
