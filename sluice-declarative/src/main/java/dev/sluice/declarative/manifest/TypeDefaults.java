package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code type} a component gets when the manifest leaves it out, keyed by where the component sits:
 * {@code "<parent type>.<field>"}, as in the reference's {@code DEFAULT_MODEL_TYPES}. A component with a
 * {@code class_name} and no {@code type} is a custom component and is looked up in the second table
 * ({@code CUSTOM_COMPONENTS_MAPPING}).
 *
 * <p>Two entries are kept although they never help, because the reference has them:
 * {@code DynamicDeclarativeStream.components_resolver} names {@code ConfigComponentResolver} (the real type
 * is {@code ConfigComponentsResolver}, so such a resolver later fails validation), and
 * {@code SchemaTypeIdentifier.types_map} names a field that does not exist ({@code types_mapping}).
 */
public final class TypeDefaults {

    /** The type of the manifest's top level when it has none. */
    public static final String ROOT_TYPE = "DeclarativeSource";

    private static final Map<String, String> DEFAULT_TYPES = Map.ofEntries(
            Map.entry("CompositeErrorHandler.error_handlers", "DefaultErrorHandler"),
            Map.entry("CursorPagination.decoder", "JsonDecoder"),
            Map.entry("DatetimeBasedCursor.end_datetime", "MinMaxDatetime"),
            Map.entry("DatetimeBasedCursor.end_time_option", "RequestOption"),
            Map.entry("DatetimeBasedCursor.start_datetime", "MinMaxDatetime"),
            Map.entry("DatetimeBasedCursor.start_time_option", "RequestOption"),
            Map.entry("DeclarativeSource.check", "CheckStream"),
            Map.entry("DeclarativeSource.spec", "Spec"),
            Map.entry("DeclarativeSource.streams", "DeclarativeStream"),
            Map.entry("DeclarativeStream.retriever", "SimpleRetriever"),
            Map.entry("DeclarativeStream.schema_loader", "JsonFileSchemaLoader"),
            Map.entry("DynamicDeclarativeStream.stream_template", "DeclarativeStream"),
            Map.entry("DynamicDeclarativeStream.components_resolver", "ConfigComponentResolver"),
            Map.entry("HttpComponentsResolver.retriever", "SimpleRetriever"),
            Map.entry("HttpComponentsResolver.components_mapping", "ComponentMappingDefinition"),
            Map.entry("ConfigComponentsResolver.stream_config", "StreamConfig"),
            Map.entry("ConfigComponentsResolver.components_mapping", "ComponentMappingDefinition"),
            Map.entry("DefaultErrorHandler.response_filters", "HttpResponseFilter"),
            Map.entry("DefaultPaginator.decoder", "JsonDecoder"),
            Map.entry("DefaultPaginator.page_size_option", "RequestOption"),
            Map.entry("DpathExtractor.decoder", "JsonDecoder"),
            Map.entry("DpathExtractor.record_expander", "RecordExpander"),
            Map.entry("HttpRequester.error_handler", "DefaultErrorHandler"),
            Map.entry("ListPartitionRouter.request_option", "RequestOption"),
            Map.entry("ParentStreamConfig.request_option", "RequestOption"),
            Map.entry("ParentStreamConfig.stream", "DeclarativeStream"),
            Map.entry("RecordSelector.extractor", "DpathExtractor"),
            Map.entry("RecordSelector.record_filter", "RecordFilter"),
            Map.entry("SimpleRetriever.paginator", "NoPagination"),
            Map.entry("SimpleRetriever.record_selector", "RecordSelector"),
            Map.entry("SimpleRetriever.requester", "HttpRequester"),
            Map.entry("SubstreamPartitionRouter.parent_stream_configs", "ParentStreamConfig"),
            Map.entry("AddFields.fields", "AddedFieldDefinition"),
            Map.entry("CustomPartitionRouter.parent_stream_configs", "ParentStreamConfig"),
            Map.entry("DynamicSchemaLoader.retriever", "SimpleRetriever"),
            Map.entry("SchemaTypeIdentifier.types_map", "TypesMap"));

    private static final Map<String, String> CUSTOM_TYPES = Map.ofEntries(
            Map.entry("CompositeErrorHandler.backoff_strategies", "CustomBackoffStrategy"),
            Map.entry("DeclarativeStream.retriever", "CustomRetriever"),
            Map.entry("DeclarativeStream.transformations", "CustomTransformation"),
            Map.entry("DefaultErrorHandler.backoff_strategies", "CustomBackoffStrategy"),
            Map.entry("DefaultPaginator.pagination_strategy", "CustomPaginationStrategy"),
            Map.entry("HttpRequester.authenticator", "CustomAuthenticator"),
            Map.entry("HttpRequester.error_handler", "CustomErrorHandler"),
            Map.entry("RecordSelector.extractor", "CustomRecordExtractor"),
            Map.entry("SimpleRetriever.partition_router", "CustomPartitionRouter"));

    private TypeDefaults() {
    }

    /** The default type for a component without {@code type} at {@code "Parent.field"}, if any. */
    public static Optional<String> defaultType(String parentField) {
        return Optional.ofNullable(DEFAULT_TYPES.get(parentField));
    }

    /** The custom component type for a component with {@code class_name} at {@code "Parent.field"}, if any. */
    public static Optional<String> customType(String parentField) {
        return Optional.ofNullable(CUSTOM_TYPES.get(parentField));
    }

    /** The type to give {@code component}, which has no {@code type}, found at {@code "Parent.field"}. */
    public static Optional<String> typeFor(String parentField, ObjectNode component) {
        return component.has("class_name") ? customType(parentField) : defaultType(parentField);
    }

    /** The whole default table, for documentation and tests. */
    public static Map<String, String> defaultTypes() {
        return DEFAULT_TYPES;
    }

    /** The whole custom-component table, for documentation and tests. */
    public static Map<String, String> customTypes() {
        return CUSTOM_TYPES;
    }

    /**
     * The tree with {@link #ROOT_TYPE} set on its top level when the manifest has no {@code type} there
     * (appended last, as the reference does). A shallow copy; the input is not changed.
     */
    public static ManifestTree withRootType(ManifestTree tree) {
        if (!tree.root().isObject() || tree.root().has("type")) {
            return tree;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.setAll((ObjectNode) tree.root());
        root.put("type", ROOT_TYPE);
        LineMap lines = tree.lines().copy();
        lines.copyLines(tree.lines(), tree.root(), root);
        lines.setField(root, "type", lines.lineOf(root));
        return new ManifestTree(root, lines);
    }
}
