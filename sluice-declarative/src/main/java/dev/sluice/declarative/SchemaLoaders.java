package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.schema.JsonFileSchemaLoaderSpec;
import dev.sluice.declarative.schema.SchemaLoader;
import dev.sluice.declarative.schema.SchemaLoaderSpec;
import dev.sluice.protocol.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** A stream's schema from its loaders: none (a schema file by name), one, or several merged. */
final class SchemaLoaders {

    private SchemaLoaders() {
    }

    static SchemaLoader of(List<SchemaLoaderSpec> specs, BuildContext context, String streamName) {
        if (specs.isEmpty()) {
            return new JsonFileSchemaLoaderSpec(null, null).build(context, streamName);
        }
        if (specs.size() == 1) {
            return specs.get(0).build(context, streamName);
        }
        List<SchemaLoader> loaders = specs.stream().map(spec -> spec.build(context, streamName)).toList();
        return () -> merged(loaders);
    }

    /**
     * Loads the schema the first time it runs (again after a failure), as the reference's partitions ask for the
     * stream's schema before reading: a schema from the API is requested in a read too, and its failure fails the
     * slice. A loader of the API memoizes its schema, so discover and every slice share one request.
     */
    static Runnable once(SchemaLoader loader) {
        AtomicBoolean loaded = new AtomicBoolean();
        return () -> {
            if (!loaded.get()) {
                loader.load();
                loaded.set(true);
            }
        };
    }

    /** The reference's composite loader: properties merged, earlier loaders win, in a draft-07 object schema. */
    private static ObjectNode merged(List<SchemaLoader> loaders) {
        ObjectNode properties = Json.object();
        for (SchemaLoader loader : loaders) {
            JsonNode own = loader.load().path("properties");
            Iterator<Map.Entry<String, JsonNode>> fields = own.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!properties.has(field.getKey())) {
                    properties.set(field.getKey(), field.getValue());
                }
            }
        }
        ObjectNode schema = Json.object();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.putArray("type").add("null").add("object");
        schema.set("properties", properties);
        return schema;
    }
}
