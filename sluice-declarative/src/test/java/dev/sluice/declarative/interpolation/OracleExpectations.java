package dev.sluice.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Expectations written by {@code src/test/jinja-oracle/generate.py} (real Jinja2 plus the CDK's eval rules):
 * {@code {"ok": value}} or {@code {"error": "PythonExceptionName"}}.
 */
final class OracleExpectations {

    private OracleExpectations() {
    }

    static JsonNode load(String resource) {
        try (InputStream in = OracleExpectations.class.getResourceAsStream("/interpolation/" + resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binds every top-level entry of a JSON object as a variable ({@code config} first). */
    static InterpolationContext context(JsonNode variables) {
        InterpolationContext context = InterpolationContext.of(variables.path("config")).withClock(Fixtures.FROZEN);
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            if (!variable.getKey().equals("config")) {
                context = context.with(variable.getKey(), variable.getValue());
            }
        }
        return context;
    }

    static void check(String template, InterpolationContext context, JsonNode expected) {
        if (expected.has("error")) {
            String error = expected.get("error").asText();
            if (error.equals("TemplateSyntaxError")) {
                assertThatThrownBy(() -> Template.compile(template)).as(template).isInstanceOf(ManifestException.class);
                return;
            }
            FailureType type = error.equals("PermissionError") ? FailureType.CONFIG_ERROR : FailureType.SYSTEM_ERROR;
            assertThatThrownBy(() -> Template.compile(template).eval(context, LiteralTypes.ANY)).as(template)
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.failureType()).isEqualTo(type));
            return;
        }
        JsonNode actual = Template.compile(template).eval(context, LiteralTypes.ANY);
        assertThat(sameValue(actual, expected.get("ok"))).as("%s gave %s, Jinja2 gives %s", template, actual,
                expected.get("ok")).isTrue();
    }

    /** JSON equality where numbers compare by value but an int never equals a float (Python's 1 vs 1.0). */
    static boolean sameValue(@Nullable JsonNode actual, JsonNode expected) {
        if (actual == null || actual.isNull()) {
            return expected.isNull();
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.isIntegralNumber() == expected.isIntegralNumber()
                    && actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        if (actual.isContainerNode() && expected.isContainerNode()) {
            if (actual.getNodeType() != expected.getNodeType() || actual.size() != expected.size()) {
                return false;
            }
            if (actual.isArray()) {
                for (int i = 0; i < actual.size(); i++) {
                    if (!sameValue(actual.get(i), expected.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!actual.has(name) || !sameValue(actual.get(name), expected.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return actual.equals(expected);
    }
}
