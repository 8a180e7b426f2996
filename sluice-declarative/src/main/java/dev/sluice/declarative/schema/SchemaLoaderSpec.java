package dev.sluice.declarative.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code DeclarativeStream.schema_loader} admits (a list of them is merged). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(InlineSchemaLoaderSpec.class),
        @JsonSubTypes.Type(JsonFileSchemaLoaderSpec.class),
        @JsonSubTypes.Type(CustomSchemaLoaderSpec.class),
        @JsonSubTypes.Type(DynamicSchemaLoaderSpec.class)})
public sealed interface SchemaLoaderSpec permits InlineSchemaLoaderSpec, JsonFileSchemaLoaderSpec, CustomSchemaLoaderSpec,
        DynamicSchemaLoaderSpec {

    /** @param streamName the stream's name, which the default file path is derived from */
    SchemaLoader build(BuildContext context, String streamName);
}
