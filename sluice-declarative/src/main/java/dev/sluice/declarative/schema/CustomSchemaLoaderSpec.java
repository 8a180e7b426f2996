package dev.sluice.declarative.schema;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomSchemaLoader} — produces the stream's JSON schema. Its class, named by {@code class_name} and loaded from the source's class
 * loader, implements {@link SchemaLoader}; the component's other fields and {@code $parameters} reach it through
 * its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code schema_loader: {type: CustomSchemaLoader, class_name: com.example.SchemaFromDescribe}}</pre>
 */
@JsonTypeName("CustomSchemaLoader")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomSchemaLoaderSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements SchemaLoaderSpec {

    public CustomSchemaLoaderSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public SchemaLoader build(BuildContext context, String streamName) {
        SchemaLoader loader = CustomComponents.create(SchemaLoader.class, "CustomSchemaLoader", this, className, fields, parameters, context);
        // Callers may edit what a loader returns: hand each a copy, whatever the class does.
        return () -> loader.load().deepCopy();
    }
}
