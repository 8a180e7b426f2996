package dev.sluice.declarative.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.extractor.RecordFilterSlotSpec;
import dev.sluice.declarative.retriever.RetrieverSpec;
import dev.sluice.declarative.retriever.StreamRetriever;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.declarative.transform.TransformationSpec;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DynamicSchemaLoader} — the stream's schema is built from what an API says about its fields: the first
 * record the {@code retriever} reads holds, at {@code schema_type_identifier.schema_pointer}, one definition per
 * field, whose name is at {@code key_pointer} and whose API type at {@code type_pointer} ({@code types_mapping}
 * turns API types into Airbyte types). The properties are then filtered by {@code schema_filter} (each property
 * is the record {@code {name: schema}}) and changed by {@code schema_transformations} (applied to the mapping of
 * all properties). Loaded at most once per run of the stream.
 * <pre>{@code
 * schema_loader:
 *   type: DynamicSchemaLoader
 *   retriever:
 *     type: SimpleRetriever
 *     requester: {type: HttpRequester, url_base: "https://api.example.com", path: /tables/people/fields}
 *     record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
 *   schema_type_identifier:
 *     schema_pointer: [fields]
 *     key_pointer: [name]
 *     type_pointer: [type]
 *     types_mapping:
 *       - {current_type: singleLineText, target_type: string}
 * }</pre>
 */
@JsonTypeName("DynamicSchemaLoader")
public record DynamicSchemaLoaderSpec(
        @JsonProperty(value = "retriever", required = true) RetrieverSpec retriever,
        @JsonProperty(value = "schema_type_identifier", required = true) SchemaTypeIdentifierSpec schemaTypeIdentifier,
        @JsonProperty("schema_filter") @Nullable RecordFilterSlotSpec schemaFilter,
        @JsonProperty("schema_transformations") @Nullable List<TransformationSpec> schemaTransformations,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements SchemaLoaderSpec {

    /** The reference builds the schema retriever under this name, without the stream's transformations. */
    static final String RETRIEVER_NAME = "dynamic_properties";

    public DynamicSchemaLoaderSpec {
        requireNonNull(retriever, "retriever is required");
        requireNonNull(schemaTypeIdentifier, "schema_type_identifier is required");
        schemaTransformations = schemaTransformations == null ? List.of() : List.copyOf(schemaTransformations);
    }

    @Override
    public SchemaLoader build(BuildContext context, String streamName) {
        // The schema retriever normalizes nothing: the reference reads it with an empty records schema.
        StreamRetriever fields = retriever.build(context, RETRIEVER_NAME, List.of(), Json::object, false);
        BiPredicate<ObjectNode, RecordContext> filter = schemaFilter == null ? null : schemaFilter.build(context);
        List<RecordTransformation> steps = schemaTransformations.stream().map(step -> step.build(context)).toList();
        return new DynamicSchemaLoader(streamName, fields, schemaTypeIdentifier.build(context), filter, steps,
                context.interpolation(), context.location(this));
    }
}
