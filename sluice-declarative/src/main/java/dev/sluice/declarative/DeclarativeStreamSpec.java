package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.retriever.RetrieverSpec;
import dev.sluice.declarative.retriever.SimpleRetrieverSpec;
import dev.sluice.declarative.schema.SchemaLoader;
import dev.sluice.declarative.schema.SchemaLoaderSpec;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.declarative.transform.TransformationSpec;
import dev.sluice.source.PrimaryKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DeclarativeStream} — a named stream: how to retrieve its records, its schema, primary key,
 * transformations and, for incremental sync, its cursor.
 * <pre>{@code
 * streams:
 *   - type: DeclarativeStream
 *     name: users
 *     primary_key: id
 *     retriever: {...}
 *     schema_loader: {type: InlineSchemaLoader, schema: {$ref: "#/schemas/users"}}
 * }</pre>
 */
@JsonTypeName("DeclarativeStream")
public record DeclarativeStreamSpec(
        @JsonProperty("name") @Nullable String name,
        @JsonProperty(value = "retriever", required = true) RetrieverSpec retriever,
        @JsonProperty("incremental_sync") @Nullable JsonNode incrementalSync,
        @JsonProperty("primary_key") @Nullable JsonNode primaryKey,
        @JsonProperty("schema_loader") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Nullable List<SchemaLoaderSpec> schemaLoader,
        @JsonProperty("transformations") @Nullable List<TransformationSpec> transformations,
        @JsonProperty("state_migrations") @Nullable JsonNode stateMigrations,
        @JsonProperty("file_uploader") @Nullable JsonNode fileUploader,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements StreamSpec {

    public DeclarativeStreamSpec {
        java.util.Objects.requireNonNull(retriever, "retriever is required");
        schemaLoader = schemaLoader == null ? List.of() : List.copyOf(schemaLoader);
        transformations = transformations == null ? List.of() : List.copyOf(transformations);
        if (fileUploader != null && !fileUploader.isNull()) {
            throw new IllegalArgumentException("unsupported component FileUploader");
        }
        try {
            PrimaryKey.parse(primaryKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("primary_key: " + e.getMessage(), e);
        }
    }

    @Override
    public String streamName() {
        return name == null ? "" : name;
    }

    @Override
    public DeclarativeStream build(BuildContext context) {
        String streamName = streamName();
        SchemaLoader schema = SchemaLoaders.of(schemaLoader, context, streamName);
        List<RecordTransformation> steps = transformations.stream().map(spec -> spec.build(context)).toList();
        CursorDeclaration cursor = CursorDeclaration.of(incrementalSync, context, parameters);
        SimpleRetrieverSpec simple = (SimpleRetrieverSpec) retriever;
        return new DeclarativeStream(streamName, PrimaryKey.parse(primaryKey), schema, cursor,
                () -> simple.build(context, streamName, steps, schema::load, cursor.clientSide()),
                simple.partitionRouter() != null && !simple.partitionRouter().isNull());
    }

    /** The cursor field name for the catalog, from {@code incremental_sync.cursor_field}. */
    static String cursorField(JsonNode incremental, BuildContext context, @Nullable ObjectNode parameters) {
        JsonNode field = incremental.get("cursor_field");
        if (field == null || !field.isTextual()) {
            throw new IllegalArgumentException("incremental_sync.cursor_field must be a string");
        }
        return InterpolatedString.of(field.asText(), BuildContext.parameters(parameters)).evalString(context.interpolation());
    }
}
