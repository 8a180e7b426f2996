package dev.sluice.declarative.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small source → stream → retriever → paginator → strategy tree written with the conventions of
 * docs/declarative-components.md, standing in for the real spec records until they exist.
 */
final class FakeSpecs {

    private FakeSpecs() {
    }

    @JsonTypeName("DeclarativeSource")
    @NoAdditionalProperties
    record Source(
            @JsonProperty(value = "version", required = true) String version,
            @JsonProperty(value = "streams", required = true) List<Stream> streams,
            @JsonProperty("check") @Nullable Check check,
            @JsonProperty("definitions") @Nullable ObjectNode definitions,
            @JsonProperty("schemas") @Nullable ObjectNode schemas) {
        Source {
            streams = List.copyOf(streams);
        }
    }

    @JsonTypeName("CheckStream")
    record Check(@JsonProperty("stream_names") @Nullable List<String> streamNames) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
    @JsonSubTypes({@JsonSubTypes.Type(DeclarativeStream.class)})
    sealed interface Stream permits DeclarativeStream {
    }

    @JsonTypeName("DeclarativeStream")
    record DeclarativeStream(
            @JsonProperty("name") @Nullable String name,
            @JsonProperty(value = "retriever", required = true) Retriever retriever,
            @JsonProperty("primary_key") @Nullable JsonNode primaryKey,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements Stream {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
    @JsonSubTypes({@JsonSubTypes.Type(SimpleRetriever.class)})
    sealed interface Retriever permits SimpleRetriever {
    }

    @JsonTypeName("SimpleRetriever")
    record SimpleRetriever(
            @JsonProperty(value = "requester", required = true) HttpRequester requester,
            @JsonProperty(value = "record_selector", required = true) RecordSelector recordSelector,
            @JsonProperty("paginator") @Nullable Paginator paginator,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements Retriever {
    }

    enum HttpMethod { GET, POST }

    @JsonTypeName("HttpRequester")
    record HttpRequester(
            @JsonProperty("url_base") @Nullable String urlBase,
            @JsonProperty("path") @Nullable String path,
            @JsonProperty("http_method") @Nullable HttpMethod httpMethod,
            @JsonProperty("request_headers") Map<String, String> requestHeaders,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) {
        HttpRequester {
            requestHeaders = requestHeaders == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
        }
    }

    @JsonTypeName("RecordSelector")
    record RecordSelector(
            @JsonProperty(value = "extractor", required = true) DpathExtractor extractor,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) {
    }

    @JsonTypeName("DpathExtractor")
    record DpathExtractor(
            @JsonProperty(value = "field_path", required = true) List<String> fieldPath,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) {
        DpathExtractor {
            fieldPath = List.copyOf(requireNonNull(fieldPath, "field_path is required"));
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
    @JsonSubTypes({@JsonSubTypes.Type(DefaultPaginator.class), @JsonSubTypes.Type(NoPagination.class)})
    sealed interface Paginator permits DefaultPaginator, NoPagination {
    }

    @JsonTypeName("DefaultPaginator")
    record DefaultPaginator(
            @JsonProperty(value = "pagination_strategy", required = true) PaginationStrategy paginationStrategy,
            @JsonProperty("page_size_option") @Nullable RequestOption pageSizeOption,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements Paginator {
    }

    @JsonTypeName("NoPagination")
    record NoPagination(@JsonProperty("$parameters") @Nullable ObjectNode parameters) implements Paginator {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
    @JsonSubTypes({
            @JsonSubTypes.Type(CursorPagination.class),
            @JsonSubTypes.Type(PageIncrement.class),
            @JsonSubTypes.Type(OffsetIncrement.class)})
    sealed interface PaginationStrategy permits CursorPagination, PageIncrement, OffsetIncrement {
    }

    @JsonTypeName("CursorPagination")
    record CursorPagination(
            @JsonProperty(value = "cursor_value", required = true) String cursorValue,
            @JsonProperty("page_size") @Nullable String pageSize,
            @JsonProperty("stop_condition") @Nullable String stopCondition,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategy {
    }

    @JsonTypeName("PageIncrement")
    record PageIncrement(
            @JsonProperty("page_size") @Nullable String pageSize,
            @JsonProperty("start_from_page") @Nullable Integer startFromPage,
            @JsonProperty("inject_on_first_request") @Nullable Boolean injectOnFirstRequest,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategy {
        PageIncrement {
            if (startFromPage != null && startFromPage < 0) {
                throw new IllegalArgumentException("start_from_page must not be negative");
            }
        }
    }

    @JsonTypeName("OffsetIncrement")
    record OffsetIncrement(
            @JsonProperty("page_size") @Nullable String pageSize,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategy {
    }

    enum InjectInto {
        @JsonProperty("request_parameter") REQUEST_PARAMETER,
        @JsonProperty("header") HEADER,
        @JsonProperty("body_data") BODY_DATA,
        @JsonProperty("body_json") BODY_JSON
    }

    @JsonTypeName("RequestOption")
    record RequestOption(
            @JsonProperty(value = "inject_into", required = true) InjectInto injectInto,
            @JsonProperty("field_name") @Nullable String fieldName,
            @JsonProperty("$parameters") @Nullable ObjectNode parameters) {
    }
}
