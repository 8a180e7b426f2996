package dev.sluice.testkit.standard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.HttpStream;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.Slice;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP source for the standard tests over {@link dev.sluice.testkit.http.HttpMocker}: {@code employees}
 * pages with {@code page_token} (resumable full refresh), {@code events} reads what changed {@code since} its
 * cursor (incremental). Config: {@code {"base_url": "...", "api_key": "..."}}.
 */
public final class PeopleApiSource implements Source {

    @Override
    public ConnectorSpecification spec() {
        ObjectNode schema = Json.object().put("$schema", "http://json-schema.org/draft-07/schema#")
                .put("type", "object");
        schema.putArray("required").add("base_url").add("api_key");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("base_url").put("type", "string");
        properties.putObject("api_key").put("type", "string").put("airbyte_secret", true);
        return ConnectorSpecification.of("https://example.com/people", schema);
    }

    @Override
    public List<Stream> streams(Config config) {
        String base = config.requireString("base_url") + "/";
        String key = config.requireString("api_key");
        return List.of(new Employees(base, key), new Events(base, key));
    }

    private abstract static class PeopleStream extends HttpStream {
        private final String base;
        private final String key;

        PeopleStream(String base, String key) {
            this.base = base;
            this.key = key;
        }

        @Override
        protected String urlBase() {
            return base;
        }

        @Override
        protected Map<String, String> requestHeaders(Slice slice, StreamState state, @Nullable ObjectNode pageToken) {
            return Map.of("X-Api-Key", key);
        }

        static JsonNode json(HttpResponse response) {
            try {
                return Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<ObjectNode> objects(JsonNode array) {
            List<ObjectNode> records = new ArrayList<>();
            array.forEach(record -> records.add((ObjectNode) record));
            return records;
        }

        @Override
        public ObjectNode jsonSchema() {
            ObjectNode schema = Json.object().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("id").put("type", "integer");
            properties.putObject("name").putArray("type").add("string").add("null");
            properties.putObject("kind").putArray("type").add("string").add("null");
            properties.putObject("updated_at").put("type", "string").put("format", "date-time");
            return schema;
        }

        @Override
        public PrimaryKey primaryKey() {
            return PrimaryKey.of("id");
        }
    }

    private static final class Employees extends PeopleStream {
        Employees(String base, String key) {
            super(base, key);
        }

        @Override
        public String name() {
            return "employees";
        }

        @Override
        protected String path(Slice slice, @Nullable ObjectNode pageToken) {
            return "v1/employees";
        }

        @Override
        protected Map<String, String> requestParameters(Slice slice, StreamState state,
                @Nullable ObjectNode pageToken) {
            return pageToken == null ? Map.of() : Map.of("page_token", pageToken.get("page_token").asText());
        }

        @Override
        protected @Nullable ObjectNode nextPageToken(HttpResponse response) {
            JsonNode next = json(response).path("next_page_token");
            return next.isTextual() ? Json.object().put("page_token", next.asText()) : null;
        }

        @Override
        protected List<ObjectNode> parseResponse(HttpResponse response, Slice slice) {
            return objects(json(response).path("data"));
        }
    }

    private static final class Events extends PeopleStream {
        Events(String base, String key) {
            super(base, key);
        }

        @Override
        public String name() {
            return "events";
        }

        @Override
        public List<String> cursorField() {
            return List.of("updated_at");
        }

        @Override
        protected String path(Slice slice, @Nullable ObjectNode pageToken) {
            return "v1/events";
        }

        @Override
        protected Map<String, String> requestParameters(Slice slice, StreamState state,
                @Nullable ObjectNode pageToken) {
            Map<String, String> query = new LinkedHashMap<>();
            if (state.json().hasNonNull("updated_at")) {
                query.put("since", state.json().get("updated_at").asText());
            }
            return query;
        }

        @Override
        protected @Nullable ObjectNode nextPageToken(HttpResponse response) {
            return null;
        }

        @Override
        protected List<ObjectNode> parseResponse(HttpResponse response, Slice slice) {
            return objects(json(response).path("events"));
        }
    }
}
