package dev.sluice.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.util.List;

/** A source of {@link ListStream}s, plus the JSON helpers the sync tests share. */
final class ListSource implements Source {

    private final List<Stream> streams;

    ListSource(Stream... streams) {
        this.streams = List.of(streams);
    }

    @Override
    public ConnectorSpecification spec() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.putObject("properties");
        return ConnectorSpecification.of("https://example.com/list-source", schema);
    }

    @Override
    public List<Stream> streams(Config config) {
        return streams;
    }

    /** {@code schema("id", "integer", "name", "string")}; a type may be a JSON array text like {@code ["null","string"]}. */
    static ObjectNode schema(String... nameTypePairs) {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            String type = nameTypePairs[i + 1];
            ObjectNode property = properties.putObject(nameTypePairs[i]);
            if (type.startsWith("[")) {
                property.set("type", parse(type));
            } else {
                property.put("type", type);
            }
        }
        return schema;
    }

    /** A record from JSON text. */
    static ObjectNode row(String json) {
        return (ObjectNode) parse(json);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
