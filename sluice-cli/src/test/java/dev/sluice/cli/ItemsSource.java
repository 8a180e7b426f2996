package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.Authenticator;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.HttpStream;
import dev.sluice.http.RetryAfterBackoff;
import dev.sluice.http.RetryPolicy;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.Slice;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A code-first connector for the hostile-API tests: one stream {@code items} at {@code <base_url>/<path>}, records
 * at {@code data}, the next page's number at {@code next_page} (sent back as {@code page}), the API key as the
 * query parameter {@code api_key}: added by its authenticator, or with {@code key_as_parameter: true} as one of the
 * request's parameters (then it is part of the URL that error messages name). It retries twice, after the
 * {@code Retry-After} the API asks for or else 100 ms, so that a test of a persistent fault is quick. Config:
 * {@code {"base_url": "http://127.0.0.1:1234", "path": "items", "api_key": "secret", "key_as_parameter": false}};
 * instead of {@code path}, {@code streams} may name several streams and their paths (a path may carry a query):
 * {@code {"streams": {"a": "items?kind=a", "b": "items?kind=b"}}}.
 */
public final class ItemsSource implements Source {

    @Override
    public ConnectorSpecification spec() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.putArray("required").add("base_url");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("base_url").put("type", "string");
        properties.putObject("path").put("type", "string");
        properties.putObject("streams").put("type", "object");
        properties.putObject("api_key").put("type", "string").put("airbyte_secret", true);
        properties.putObject("key_as_parameter").put("type", "boolean");
        return ConnectorSpecification.of(null, schema);
    }

    @Override
    public List<Stream> streams(Config config) {
        String base = config.requireString("base_url");
        String key = config.get("api_key").map(JsonNode::asText).orElse(null);
        boolean asParameter = config.get("key_as_parameter").map(JsonNode::asBoolean).orElse(false);
        String slashed = base.endsWith("/") ? base : base + "/";
        Optional<JsonNode> named = config.get("streams");
        if (named.isEmpty()) {
            return List.of(new Items("items", slashed, config.requireString("path"), key, asParameter));
        }
        List<Stream> streams = new ArrayList<>();
        named.get().properties().forEach(entry ->
                streams.add(new Items(entry.getKey(), slashed, entry.getValue().asText(), key, asParameter)));
        return streams;
    }

    static final class Items extends HttpStream {
        private final String name;
        private final String base;
        private final String path;
        private final @Nullable String apiKey;
        private final boolean keyAsParameter;

        Items(String name, String base, String path, @Nullable String apiKey, boolean keyAsParameter) {
            this.name = name;
            this.base = base;
            this.path = path;
            this.apiKey = apiKey;
            this.keyAsParameter = keyAsParameter;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ObjectNode jsonSchema() {
            return Json.object().put("type", "object");
        }

        @Override
        public PrimaryKey primaryKey() {
            return PrimaryKey.of("id");
        }

        @Override
        protected String urlBase() {
            return base;
        }

        @Override
        protected String path(Slice slice, @Nullable ObjectNode pageToken) {
            return path;
        }

        @Override
        protected Map<String, String> requestParameters(Slice slice, StreamState state,
                @Nullable ObjectNode pageToken) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (pageToken != null) {
                parameters.put("page", pageToken.get("page").asText());
            }
            if (keyAsParameter && apiKey != null) {
                parameters.put("api_key", apiKey);
            }
            return parameters;
        }

        @Override
        protected Authenticator authenticator() {
            return apiKey == null || keyAsParameter ? Authenticator.NONE
                    : request -> request.withQueryParameter("api_key", apiKey);
        }

        @Override
        protected @Nullable ObjectNode nextPageToken(HttpResponse response) {
            JsonNode next = response.json().path("next_page");
            return next.isMissingNode() || next.isNull() ? null : Json.object().put("page", next.asText());
        }

        @Override
        protected List<ObjectNode> parseResponse(HttpResponse response, Slice slice) {
            List<ObjectNode> records = new ArrayList<>();
            response.json().path("data").forEach(node -> records.add((ObjectNode) node));
            return records;
        }

        @Override
        protected RetryPolicy retryPolicy() {
            BackoffStrategy retryAfter = new RetryAfterBackoff(clock());
            BackoffStrategy fixed = (response, attempt) -> Optional.of(Duration.ofMillis(100));
            return new RetryPolicy(2, RetryPolicy.DEFAULT.maxRetryTime(), List.of(retryAfter, fixed));
        }
    }
}
