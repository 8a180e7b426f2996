package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Small helpers shared by the interpolation tests. */
final class Fixtures {

    /** The reference's tests freeze time here. */
    static final Clock FROZEN = Clock.fixed(Instant.parse("2021-09-01T00:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad fixture JSON: " + text, e);
        }
    }

    static InterpolationContext context(String configJson) {
        return InterpolationContext.of(json(configJson)).withClock(FROZEN);
    }

    /** Evaluates with no type restriction, as most of the reference's callers do. */
    static JsonNode eval(String template, InterpolationContext context) {
        return Template.compile(template).eval(context, LiteralTypes.ANY);
    }

    static String render(String template, InterpolationContext context) {
        return Template.compile(template).render(context);
    }
}
