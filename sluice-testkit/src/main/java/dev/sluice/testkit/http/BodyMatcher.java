package dev.sluice.testkit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How an expected body is compared with the body sent. */
sealed interface BodyMatcher {

    /** Why {@code sent} does not match, or empty when it does. */
    Optional<String> difference(String sent);

    /** JSON compared as JSON: key order and spacing do not matter. */
    record JsonBody(JsonNode expected) implements BodyMatcher {
        @Override
        public Optional<String> difference(String sent) {
            JsonNode actual;
            try {
                actual = Json.parse(sent);
            } catch (JsonProcessingException e) {
                return Optional.of("body: expected JSON " + Json.write(expected) + " but was not JSON: " + sent);
            }
            return expected.equals(actual) ? Optional.empty()
                    : Optional.of("body: expected JSON " + Json.write(expected) + " but was " + Json.write(actual));
        }

        @Override
        public String toString() {
            return Json.write(expected);
        }
    }

    /** A form, compared by its decoded fields (order of fields ignored, values in order). */
    record FormBody(Map<String, List<String>> fields) implements BodyMatcher {
        public FormBody {
            fields = Map.copyOf(fields);
        }

        @Override
        public Optional<String> difference(String sent) {
            Map<String, List<String>> actual = FormFields.parse(sent);
            return fields.equals(actual) ? Optional.empty()
                    : Optional.of("body: expected form " + fields + " but was " + actual);
        }

        @Override
        public String toString() {
            return "form " + fields;
        }
    }

    /** Text compared exactly. */
    record TextBody(String expected) implements BodyMatcher {
        @Override
        public Optional<String> difference(String sent) {
            return expected.equals(sent) ? Optional.empty()
                    : Optional.of("body: expected \"" + expected + "\" but was \"" + sent + "\"");
        }

        @Override
        public String toString() {
            return "\"" + expected + "\"";
        }
    }
}
