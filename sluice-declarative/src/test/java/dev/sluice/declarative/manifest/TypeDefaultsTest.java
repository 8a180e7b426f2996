package dev.sluice.declarative.manifest;

import static dev.sluice.declarative.manifest.Trees.object;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeDefaultsTest {

    /** declarative.md §3, in the order it lists them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DeclarativeSource.check, CheckStream", "DeclarativeSource.spec, Spec",
            "DeclarativeSource.streams, DeclarativeStream", "DeclarativeStream.retriever, SimpleRetriever",
            "DeclarativeStream.schema_loader, JsonFileSchemaLoader", "SimpleRetriever.requester, HttpRequester",
            "SimpleRetriever.record_selector, RecordSelector", "SimpleRetriever.paginator, NoPagination",
            "RecordSelector.extractor, DpathExtractor", "RecordSelector.record_filter, RecordFilter",
            "HttpRequester.error_handler, DefaultErrorHandler", "DefaultErrorHandler.response_filters, HttpResponseFilter",
            "CompositeErrorHandler.error_handlers, DefaultErrorHandler", "DefaultPaginator.page_size_option, RequestOption",
            "DatetimeBasedCursor.start_datetime, MinMaxDatetime", "DatetimeBasedCursor.end_datetime, MinMaxDatetime",
            "DatetimeBasedCursor.start_time_option, RequestOption", "DatetimeBasedCursor.end_time_option, RequestOption",
            "ListPartitionRouter.request_option, RequestOption", "ParentStreamConfig.request_option, RequestOption",
            "SubstreamPartitionRouter.parent_stream_configs, ParentStreamConfig",
            "ParentStreamConfig.stream, DeclarativeStream", "AddFields.fields, AddedFieldDefinition",
            "DynamicDeclarativeStream.stream_template, DeclarativeStream",
            "HttpComponentsResolver.retriever, SimpleRetriever",
            "HttpComponentsResolver.components_mapping, ComponentMappingDefinition",
            "ConfigComponentsResolver.stream_config, StreamConfig",
            "ConfigComponentsResolver.components_mapping, ComponentMappingDefinition",
            "DynamicSchemaLoader.retriever, SimpleRetriever", "CursorPagination.decoder, JsonDecoder",
            "DefaultPaginator.decoder, JsonDecoder", "DpathExtractor.decoder, JsonDecoder",
            "DpathExtractor.record_expander, RecordExpander",
            "CustomPartitionRouter.parent_stream_configs, ParentStreamConfig",
            "DynamicDeclarativeStream.components_resolver, ConfigComponentResolver",
            "SchemaTypeIdentifier.types_map, TypesMap",
    })
    void defaultTypes(String parentField, String type) {
        assertThat(TypeDefaults.defaultType(parentField)).contains(type);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DeclarativeStream.retriever, CustomRetriever", "DeclarativeStream.transformations, CustomTransformation",
            "HttpRequester.authenticator, CustomAuthenticator", "HttpRequester.error_handler, CustomErrorHandler",
            "RecordSelector.extractor, CustomRecordExtractor",
            "DefaultPaginator.pagination_strategy, CustomPaginationStrategy",
            "SimpleRetriever.partition_router, CustomPartitionRouter",
            "DefaultErrorHandler.backoff_strategies, CustomBackoffStrategy",
            "CompositeErrorHandler.backoff_strategies, CustomBackoffStrategy",
    })
    void customTypesWhenTheComponentHasAClassName(String parentField, String type) {
        assertThat(TypeDefaults.typeFor(parentField, object("{\"class_name\": \"x.Y\"}"))).contains(type);
    }

    @Test
    void theTablesHaveNothingElse() {
        assertThat(TypeDefaults.defaultTypes()).hasSize(36);
        assertThat(TypeDefaults.customTypes()).hasSize(9);
        assertThat(TypeDefaults.typeFor("HttpRequester.authenticator", object("{}"))).isEmpty();
        assertThat(TypeDefaults.typeFor("SimpleRetriever.paginator", object("{\"class_name\": \"x.Y\"}"))).isEmpty();
    }

    @Test
    void theTopLevelBecomesADeclarativeSourceWithoutChangingTheInput() {
        ManifestTree loaded = ManifestLoader.fromYaml("version: 1.0.0\nstreams: []\n");

        ManifestTree typed = TypeDefaults.withRootType(loaded);

        assertThat(Trees.ordered(typed.root())).isEqualTo("{\"version\":\"1.0.0\",\"streams\":[],\"type\":\"DeclarativeSource\"}");
        assertThat(loaded.root().has("type")).isFalse();
        assertThat(typed.lines().lineOf(typed.root(), "streams")).isEqualTo(2);
        assertThat(TypeDefaults.withRootType(typed)).isSameAs(typed);
    }
}
