package dev.sluice.launcher;

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
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A code-first source for the launcher's tests: one stream {@code greetings} at {@code <base_url>/greetings}, records
 * at {@code data}, one page. It logs its API key through SLF4J while parsing, so a test sees both the LOG message
 * and its masking. Config: {@code {"base_url": "http://127.0.0.1:1234", "api_key": "secret"}}.
 */
public final class GreetingsSource implements Source {

    @Override
    public ConnectorSpecification spec() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.putArray("required").add("base_url").add("api_key");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("base_url").put("type", "string");
        properties.putObject("api_key").put("type", "string").put("airbyte_secret", true);
        return ConnectorSpecification.of(null, schema);
    }

    @Override
    public List<Stream> streams(Config config) {
        return List.of(new Greetings(config.requireString("base_url"), config.requireString("api_key")));
    }

    static final class Greetings extends HttpStream {
        private static final Logger log = LoggerFactory.getLogger(Greetings.class);

        private final String base;
        private final String apiKey;

        Greetings(String base, String apiKey) {
            this.base = base.endsWith("/") ? base : base + "/";
            this.apiKey = apiKey;
        }

        @Override
        public String name() {
            return "greetings";
        }

        @Override
        public ObjectNode jsonSchema() {
            ObjectNode schema = Json.object().put("type", "object");
            schema.putObject("properties").putObject("id").put("type", "integer");
            return schema;
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
            return "greetings";
        }

        @Override
        protected @Nullable ObjectNode nextPageToken(HttpResponse response) {
            return null;
        }

        @Override
        protected List<ObjectNode> parseResponse(HttpResponse response, Slice slice) {
            log.info("Parsing greetings read with the key {}", apiKey);
            log.debug("Greetings answered with status {}", response.status());
            List<ObjectNode> records = new ArrayList<>();
            response.json().path("data").forEach(node -> records.add((ObjectNode) node));
            return records;
        }
    }
}
