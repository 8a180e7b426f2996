package dev.sluice.declarative.requester.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** property_chunking.md §6.1: the reference's {@code test_property_chunking.py}. */
class PropertyChunkingTest {

    private static final PropertyLimitType COUNT = PropertyLimitType.PROPERTY_COUNT;
    private static final PropertyLimitType CHARACTERS = PropertyLimitType.CHARACTERS;
    private static final List<String> SEVEN = names("rick chelsea victoria tim saxon lochlan piper");
    private static final List<String> ISLANDS = names("maui taormina koh_samui saint_jean_cap_ferrat");
    /** Stands for "selected = the fields themselves" in the table. */
    private static final Set<String> ALL = Set.of("<all>");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, SEVEN, List.of(), COUNT, 2, ALL,
                        List.of(names("rick chelsea"), names("victoria tim"), names("saxon lochlan"), names("piper"))),
                Arguments.of(2, names("rick chelsea victoria tim"), names("mook gaitok"), COUNT, 2, ALL,
                        List.of(names("mook gaitok rick chelsea"), names("mook gaitok victoria tim"))),
                Arguments.of(3, SEVEN, List.of(), COUNT, 0, ALL, List.of(SEVEN)),
                Arguments.of(4, names("kate laurie jaclyn"), List.of(), CHARACTERS, 20, ALL,
                        List.of(names("kate laurie"), names("jaclyn"))),
                Arguments.of(5, names("laurie jaclyn kaitlin"), List.of(), CHARACTERS, 17, ALL,
                        List.of(names("laurie"), names("jaclyn"), names("kaitlin"))),
                Arguments.of(6, List.of(), List.of(), COUNT, 5, Set.of(), List.of(List.of())),
                Arguments.of(7, ISLANDS, names("white lotus"), COUNT, 3, Set.of(), List.of(names("white lotus"))),
                Arguments.of(8, ISLANDS, names("white lotus"), COUNT, 2, null,
                        List.of(names("white lotus maui taormina"), names("white lotus koh_samui saint_jean_cap_ferrat"))));
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void chunksAsTheReference(int number, List<String> fields, List<String> alwaysInclude, PropertyLimitType type,
            int limit, Set<String> selected, List<List<String>> expected) {
        Set<String> configured = selected == ALL ? new HashSet<>(fields) : selected;
        PropertyChunking chunking = new PropertyChunking(type, limit, GroupByKey.ID);

        assertThat(chunking.chunks(fields, alwaysInclude, configured)).isEqualTo(expected);
    }

    @Test
    void case9WithoutALimitAppendsTheAlwaysIncludedAndLeavesTheInputAlone() {
        List<String> fields = new ArrayList<>(SEVEN);
        PropertyChunking chunking = new PropertyChunking(COUNT, 0, GroupByKey.ID);

        List<List<String>> chunks = chunking.chunks(fields, List.of("id"), null);

        List<String> expected = new ArrayList<>(SEVEN);
        expected.add("id");
        assertThat(chunks).containsExactly(expected);
        assertThat(fields).isEqualTo(SEVEN);
    }

    @Test
    void case10TheDefaultMergeKeyIsTheId() {
        PropertyChunking chunking = new PropertyChunking(COUNT, 10, GroupByKey.ID);

        assertThat(chunking.mergeKey(Json.object().put("id", "0"))).isEqualTo("0");
        assertThat(chunking.mergeKey(Json.object().put("name", "x"))).isNull();
    }

    @Test
    void aPropertyOverTheLimitGetsAChunkOfItsOwnAfterAnEmptyOne() {
        PropertyChunking chunking = new PropertyChunking(CHARACTERS, 5, GroupByKey.ID);

        assertThat(chunking.chunks(names("toolong ab"), List.of(), null))
                .containsExactly(List.of(), names("toolong"), names("ab"));
    }

    @Test
    void charactersCountCodePointsAsPythonLenDoes() {
        PropertyChunking chunking = new PropertyChunking(CHARACTERS, 8, GroupByKey.ID);

        // "😀" is 1 character for Python's len (2 UTF-16 units): 1 + 3 and 1 + 3 fit a limit of 8 together.
        assertThat(chunking.chunks(List.of("😀", "a"), List.of(), null)).containsExactly(List.of("😀", "a"));
    }

    private static List<String> names(String spaced) {
        return Arrays.asList(spaced.split(" "));
    }
}
