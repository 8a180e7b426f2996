package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ExchangeLabel;
import dev.sluice.declarative.component.ExchangeLabels;
import dev.sluice.declarative.component.PageLimit;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.declarative.decoder.DecoderSpec;
import dev.sluice.declarative.decoder.JsonDecoderSpec;
import dev.sluice.declarative.decoder.StreamingJson;
import dev.sluice.declarative.extractor.RecordSelector;
import dev.sluice.declarative.extractor.RecordSelectorSpec;
import dev.sluice.declarative.paginator.Paginator;
import dev.sluice.declarative.paginator.PaginatorSpec;
import dev.sluice.declarative.partition.PartitionRouterSpec;
import dev.sluice.declarative.requester.HttpRequester;
import dev.sluice.declarative.requester.RequesterSpec;
import dev.sluice.declarative.requester.properties.ParameterComponentSpec;
import dev.sluice.declarative.transform.RecordTransformation;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: SimpleRetriever} — requests pages with the {@code requester} until the {@code paginator} has no
 * next token, selecting records from each response with the {@code record_selector}. {@code partition_router} is one
 * router or a list of them (their cartesian product); an empty list is none.
 * <pre>{@code
 * retriever:
 *   type: SimpleRetriever
 *   requester: {type: HttpRequester, url_base: "https://api.example.com", path: "/users"}
 *   record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: ["data"]}}
 *   paginator: {type: NoPagination}
 * }</pre>
 */
@JsonTypeName("SimpleRetriever")
public record SimpleRetrieverSpec(
        @JsonProperty(value = "requester", required = true) RequesterSpec requester,
        @JsonProperty(value = "record_selector", required = true) RecordSelectorSpec recordSelector,
        @JsonProperty("paginator") @Nullable PaginatorSpec paginator,
        @JsonProperty("decoder") @Nullable DecoderSpec decoder,
        @JsonProperty("partition_router") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Nullable List<PartitionRouterSpec> partitionRouter,
        @JsonProperty("ignore_stream_slicer_parameters_on_paginated_requests")
        @Nullable Boolean ignoreStreamSlicerParametersOnPaginatedRequests,
        @JsonProperty("pagination_reset") @Nullable PaginationResetSpec paginationReset,
        @JsonProperty("name") @Nullable String name,
        @JsonProperty("primary_key") @Nullable JsonNode primaryKey,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PageRetrieverSpec {

    public SimpleRetrieverSpec {
        java.util.Objects.requireNonNull(requester, "requester is required");
        java.util.Objects.requireNonNull(recordSelector, "record_selector is required");
        partitionRouter = partitionRouter == null ? List.of() : List.copyOf(partitionRouter);
        // airbyte_cdk model_to_component_factory.create_simple_retriever refuses the combination: filtered records
        // would not be counted against the limit.
        if (paginationReset != null && paginationReset.recordLimit() != null && recordSelector.recordFilter() != null) {
            throw new IllegalArgumentException("PaginationResetLimits are not supported while having record filter.");
        }
    }

    @Override
    public SimpleRetriever build(BuildContext context, String streamName, List<RecordTransformation> transformations,
            Supplier<ObjectNode> schema, boolean transformBeforeFilteringByDefault) {
        Decoder decoding = decoder == null ? JsonDecoderSpec.DEFAULT : decoder.build(context);
        RecordSelector selector = recordSelector.build(context, decoding, transformations, schema,
                transformBeforeFilteringByDefault);
        Paginator pages = paginator == null ? Paginator.NONE : paginator.build(context);
        ExchangeLabels labels = context.run().service(ExchangeLabels.SERVICE);
        HttpRequester http = requester.build(context).alsoObservedBy(labels.observer(ExchangeLabel.stream(streamName)));
        ParameterComponentSpec query = requester.effectiveQueryProperties();
        PageLimit limit = context.run().service(PageLimit.SERVICE);
        ChunkedPageReader chunks = query == null ? null : new ChunkedPageReader(streamName, http, selector,
                query.build(context, streamName), limit.chunksInOrder() ? 1 : ChunkedPageReader.DEFAULT_CONCURRENCY,
                context.run());
        return new SimpleRetriever(http, selector, pages,
                Boolean.TRUE.equals(ignoreStreamSlicerParametersOnPaginatedRequests), context.interpolation(), chunks,
                labels.needsBodies() ? null : streaming(selector, http, pages), streamName, paginationReset,
                limit.maxPagesPerSlice());
    }

    /**
     * How to stream pages, or null to read them whole: a JSON body whose records are at a plain key path, an error
     * handler that classifies successful responses by status alone, and a paginator whose templates read
     * {@code response} nowhere at or under the records' path (it sees the body with the records taken out).
     */
    private static @Nullable StreamingJson streaming(RecordSelector selector, HttpRequester http, Paginator pages) {
        List<String> path = selector.streamablePath();
        if (path == null || http.inspectsSuccessfulBodies() || pages.responsePaths().overlaps(path)) {
            return null;
        }
        return new StreamingJson(path);
    }
}
