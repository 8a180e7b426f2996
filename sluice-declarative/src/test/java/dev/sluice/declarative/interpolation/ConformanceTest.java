package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates chosen to reach Python's and Jinja's corners (string methods, slicing, %-formatting, big ints, float
 * text, loops, undefined values, macros, filters), each compared with what real Jinja2 plus the CDK's eval rules
 * produce ({@code conformance.json}, written by {@code src/test/jinja-oracle/generate.py}).
 */
class ConformanceTest {

    private static final JsonNode FIXTURE = OracleExpectations.load("conformance.json");
    private static final InterpolationContext CONTEXT = OracleExpectations.context(FIXTURE.get("context"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : FIXTURE.get("cases")) {
            cases.add(Arguments.of(c.get("template").asText(), c.get("expected")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void matchesJinja(String template, JsonNode expected) {
        OracleExpectations.check(template, CONTEXT, expected);
    }
}
