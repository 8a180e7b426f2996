package dev.sluice.declarative.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: HttpRequestRegexMatcher} — the requests a policy applies to; {@code weight} (an integer or a template
 * over {@code config}) is what each costs.
 * <pre>{@code {type: HttpRequestRegexMatcher, method: GET, url_base: "https://api.example.com",
 *  url_path_pattern: "^/v1/reports", params: {format: csv}, headers: {X-Sandbox: "true"}, weight: 5}}</pre>
 */
@JsonTypeName("HttpRequestRegexMatcher")
public record HttpRequestRegexMatcherSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty("method") @Nullable String method,
        @JsonProperty("url_base") @Nullable String urlBase,
        @JsonProperty("url_path_pattern") @Nullable String urlPathPattern,
        @JsonProperty("params") @Nullable ObjectNode params,
        @JsonProperty("headers") @Nullable ObjectNode headers,
        @JsonProperty("weight") @Nullable String weight) {

    public HttpRequestRegexMatcherSpec {
        if (urlPathPattern != null) {
            try {
                Pattern.compile(urlPathPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("url_path_pattern is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }

    /** Whether a request matches, for a component outside this package (a token quota pool's classifier). */
    public Predicate<HttpRequest> predicate(BuildContext context) {
        return build(context)::matches;
    }

    HttpRequestRegexMatcher build(BuildContext context) {
        return new HttpRequestRegexMatcher(method, urlBase,
                urlPathPattern == null || urlPathPattern.isEmpty() ? null : Pattern.compile(urlPathPattern),
                texts(params), texts(headers), weight == null ? null : BudgetNumbers.integer("weight", weight, context));
    }

    /** Values as the reference compares them: Python's {@code str()} of each. */
    private static Map<String, String> texts(@Nullable ObjectNode values) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (values == null) {
            return texts;
        }
        for (Map.Entry<String, JsonNode> field : values.properties()) {
            texts.put(field.getKey(), pythonText(field.getValue()));
        }
        return texts;
    }

    private static String pythonText(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
