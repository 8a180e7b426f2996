package dev.sluice.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A source whose {@code streams} fails unexpectedly (not with a {@code ConnectorException}) and quotes its
 * secret {@code api_key} in the message, plain and URL-encoded, and in the message of the cause.
 */
public final class LeakingSource implements Source {

    @Override
    public ConnectorSpecification spec() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.putObject("properties").putObject("api_key").put("type", "string").put("airbyte_secret", true);
        return ConnectorSpecification.of(null, schema);
    }

    @Override
    public List<Stream> streams(Config config) {
        String key = config.requireString("api_key");
        IllegalArgumentException cause = new IllegalArgumentException("the key " + key + " has expired");
        throw new IllegalStateException("GET https://api.example.com/items?api_key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8) + " failed for key " + key, cause);
    }
}
