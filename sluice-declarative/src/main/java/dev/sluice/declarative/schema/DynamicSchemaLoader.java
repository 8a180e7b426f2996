package dev.sluice.declarative.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.declarative.retriever.RecordGate;
import dev.sluice.declarative.retriever.StreamRetriever;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link DynamicSchemaLoaderSpec}, with the reference's semantics
 * ({@code airbyte_cdk/sources/declarative/schema/dynamic_schema_loader.py}): only the first record of an unsliced
 * read counts (pages are requested until one holds a record, and no further); a later definition of the same name
 * replaces the earlier one's type in its place; the filter runs on each {@code {name: schema}} pair before the
 * transformations, which run on the mapping of all properties. The schema is loaded once, on first use, and shared
 * by discover and every slice of a read (the reference's {@code CachingSchemaLoaderDecorator}). Thread-safe.
 */
final class DynamicSchemaLoader implements SchemaLoader {

    /** The schema retriever's partition router is never listed: the reference reads one empty slice. */
    private static final RecordGate FIRST_PAGE_WITH_RECORDS = new RecordGate() {
        @Override
        public boolean stopAfter(ObjectNode last) {
            return true;
        }
    };

    private final String streamName;
    private final StreamRetriever retriever;
    private final SchemaTypeIdentifier identifier;
    private final @Nullable BiPredicate<ObjectNode, RecordContext> filter;
    private final List<RecordTransformation> transformations;
    private final InterpolationContext config;
    private final SpecLocation location;
    private @Nullable ObjectNode loaded;

    DynamicSchemaLoader(String streamName, StreamRetriever retriever, SchemaTypeIdentifier identifier,
            @Nullable BiPredicate<ObjectNode, RecordContext> filter, List<RecordTransformation> transformations,
            InterpolationContext config, SpecLocation location) {
        this.streamName = requireNonNull(streamName, "streamName is null");
        this.retriever = requireNonNull(retriever, "retriever is null");
        this.identifier = requireNonNull(identifier, "identifier is null");
        this.filter = filter;
        this.transformations = List.copyOf(transformations);
        this.config = requireNonNull(config, "config is null");
        this.location = requireNonNull(location, "location is null");
    }

    @Override
    public synchronized ObjectNode load() {
        if (loaded == null) {
            loaded = location.around(this::fetch);
        }
        return loaded.deepCopy();
    }

    private ObjectNode fetch() {
        ObjectNode first;
        try {
            first = firstRecord();
        } catch (ConnectorException e) {
            throw new ConnectorException(e.failureType(),
                    "Could not read the schema of stream '" + streamName + "' from the API: " + e.userMessage(),
                    "Schema loader request of stream '" + streamName + "' failed: " + e.getMessage(), e);
        }
        ObjectNode schema = Json.object();
        schema.put("$schema", "https://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.put("additionalProperties", true);
        schema.set("properties", transformed(filtered(properties(first))));
        return schema;
    }

    private @Nullable ObjectNode firstRecord() {
        ObjectNode[] first = new ObjectNode[1];
        retriever.read(StreamSlice.EMPTY, RequestOptions.NONE, FIRST_PAGE_WITH_RECORDS, record -> {
            if (first[0] == null) {
                first[0] = record;
            }
        });
        return first[0];
    }

    private ObjectNode properties(@Nullable ObjectNode record) {
        ObjectNode properties = Json.object();
        // An empty record is falsy in the reference: no fields, whatever the pointer.
        if (record == null || record.isEmpty()) {
            return properties;
        }
        for (JsonNode definition : identifier.definitions(record, config)) {
            String key = identifier.key(definition, config);
            properties.set(key, identifier.type(definition, config).schema());
        }
        return properties;
    }

    private ObjectNode filtered(ObjectNode properties) {
        if (filter == null) {
            return properties;
        }
        RecordContext context = recordContext();
        ObjectNode kept = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            ObjectNode pair = Json.object();
            pair.set(field.getKey(), field.getValue());
            if (filter.test(pair, context)) {
                kept.set(field.getKey(), field.getValue());
            }
        }
        return kept;
    }

    private ObjectNode transformed(ObjectNode properties) {
        RecordContext context = recordContext();
        ObjectNode result = properties;
        for (RecordTransformation transformation : transformations) {
            result = transformation.apply(result, context);
        }
        return result;
    }

    private RecordContext recordContext() {
        return RecordContext.of(config, StreamSlice.EMPTY, null);
    }
}
