package dev.sluice.declarative.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: JsonFileSchemaLoader} — the schema from a JSON file. The reference reads
 * {@code ./<package>/schemas/<name>.json} from the connector's Python package; Sluice reads {@code file_path}
 * relative to the working directory, then falls back to {@code schemas/<name>.json} on the classpath, and to
 * an empty schema (as the reference's default loader does) when neither exists.
 * <pre>{@code schema_loader: {type: JsonFileSchemaLoader, file_path: "./schemas/users.json"}}</pre>
 */
@JsonTypeName("JsonFileSchemaLoader")
public record JsonFileSchemaLoaderSpec(
        @JsonProperty("file_path") @Nullable String filePath,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements SchemaLoaderSpec {

    private static final Logger log = LoggerFactory.getLogger(JsonFileSchemaLoaderSpec.class);

    @Override
    public SchemaLoader build(BuildContext context, String streamName) {
        String path = filePath == null || filePath.isEmpty() ? "schemas/" + streamName + ".json"
                : InterpolatedString.of(filePath, BuildContext.parameters(parameters)).evalString(context.interpolation());
        ObjectNode schema = read(path, streamName);
        return schema::deepCopy;
    }

    private static ObjectNode read(String path, String streamName) {
        Path file = Path.of(path);
        try {
            if (Files.isRegularFile(file)) {
                JsonNode node = Json.read(file);
                if (node.isObject()) {
                    return (ObjectNode) node;
                }
            }
            String resource = "schemas/" + streamName + ".json";
            try (var in = JsonFileSchemaLoaderSpec.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    JsonNode node = Json.MAPPER.readTree(in);
                    if (node.isObject()) {
                        return (ObjectNode) node;
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read the schema file {}: {}; using an empty schema", path, e.getMessage());
        }
        log.warn("No schema file {} for stream {}; using an empty schema", path, streamName);
        return Json.object();
    }
}
