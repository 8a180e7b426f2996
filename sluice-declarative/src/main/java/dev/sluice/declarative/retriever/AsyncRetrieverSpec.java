package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.asyncjob.HttpJobRepository;
import dev.sluice.declarative.asyncjob.JobOrchestrator;
import dev.sluice.declarative.asyncjob.JobPolicy;
import dev.sluice.declarative.asyncjob.JobSlots;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.declarative.decoder.DecoderSpec;
import dev.sluice.declarative.decoder.JsonDecoderSpec;
import dev.sluice.declarative.extractor.DownloadExtractor;
import dev.sluice.declarative.extractor.DownloadExtractorSpec;
import dev.sluice.declarative.extractor.DpathExtractor;
import dev.sluice.declarative.extractor.RecordSelector;
import dev.sluice.declarative.extractor.RecordSelectorSpec;
import dev.sluice.declarative.extractor.ValueExtractorSpec;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.paginator.Paginator;
import dev.sluice.declarative.paginator.PaginatorSpec;
import dev.sluice.declarative.partition.PartitionRouterSpec;
import dev.sluice.declarative.requester.HttpRequester;
import dev.sluice.declarative.requester.RequesterSpec;
import dev.sluice.declarative.transform.RecordTransformation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: AsyncRetriever} — reads a stream through server-side jobs (report APIs): for each slice, the
 * {@code creation_requester} creates a job; the {@code polling_requester} asks after it every 5 seconds, its
 * {@code status_extractor} reading the API's status and {@code status_mapping} saying what it means; once it
 * completed, the {@code download_requester} fetches the results — once, or once per URL that
 * {@code download_target_extractor} finds in the polling response (or in the response of a
 * {@code download_target_requester}) — paged by {@code download_paginator}, decoded by {@code download_decoder} and
 * extracted by {@code download_extractor} ({@code ResponseToFileExtractor} for bodies too large for memory). A job
 * that fails or runs longer than {@code polling_job_timeout} minutes (60 by default) is retried, up to 3 jobs per
 * slice ({@code failed_retry_wait_time_in_seconds} delays the retry of a failed one); a timed-out job is aborted
 * with the {@code abort_requester}, a downloaded one deleted with the {@code delete_requester}. The manifest's
 * {@code max_concurrent_async_job_count} bounds the jobs running at once across all streams.
 * <pre>{@code
 * retriever:
 *   type: AsyncRetriever
 *   record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
 *   creation_requester: {type: HttpRequester, url_base: "https://api.example.com", path: /reports, http_method: POST}
 *   polling_requester: {type: HttpRequester, url_base: "https://api.example.com", path: "/reports/{{ creation_response.id }}"}
 *   status_extractor: {type: DpathExtractor, field_path: [status]}
 *   status_mapping: {running: [pending, running], completed: [done], failed: [error], timeout: []}
 *   download_target_extractor: {type: DpathExtractor, field_path: [url]}
 *   download_requester: {type: HttpRequester, url_base: "{{ download_target }}", path: ""}
 *   download_extractor: {type: ResponseToFileExtractor}
 * }</pre>
 */
@JsonTypeName("AsyncRetriever")
public record AsyncRetrieverSpec(
        @JsonProperty(value = "record_selector", required = true) RecordSelectorSpec recordSelector,
        @JsonProperty(value = "status_mapping", required = true) AsyncJobStatusMapSpec statusMapping,
        @JsonProperty(value = "status_extractor", required = true) ValueExtractorSpec statusExtractor,
        @JsonProperty("download_target_extractor") @Nullable ValueExtractorSpec downloadTargetExtractor,
        @JsonProperty("download_extractor") @Nullable DownloadExtractorSpec downloadExtractor,
        @JsonProperty(value = "creation_requester", required = true) RequesterSpec creationRequester,
        @JsonProperty(value = "polling_requester", required = true) RequesterSpec pollingRequester,
        @JsonProperty("polling_job_timeout") @Nullable String pollingJobTimeout,
        @JsonProperty("failed_retry_wait_time_in_seconds") @Nullable String failedRetryWaitTimeInSeconds,
        @JsonProperty("download_target_requester") @Nullable RequesterSpec downloadTargetRequester,
        @JsonProperty(value = "download_requester", required = true) RequesterSpec downloadRequester,
        @JsonProperty("download_paginator") @Nullable PaginatorSpec downloadPaginator,
        @JsonProperty("abort_requester") @Nullable RequesterSpec abortRequester,
        @JsonProperty("delete_requester") @Nullable RequesterSpec deleteRequester,
        @JsonProperty("partition_router") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Nullable List<PartitionRouterSpec> partitionRouter,
        @JsonProperty("decoder") @Nullable DecoderSpec decoder,
        @JsonProperty("download_decoder") @Nullable DecoderSpec downloadDecoder,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements RetrieverSpec {

    /** The reference's default job timeout outside the Connector Builder (model_to_component_factory.py). */
    static final int DEFAULT_TIMEOUT_MINUTES = 60;

    public AsyncRetrieverSpec {
        Objects.requireNonNull(recordSelector, "record_selector is required");
        Objects.requireNonNull(statusMapping, "status_mapping is required");
        Objects.requireNonNull(statusExtractor, "status_extractor is required");
        Objects.requireNonNull(creationRequester, "creation_requester is required");
        Objects.requireNonNull(pollingRequester, "polling_requester is required");
        Objects.requireNonNull(downloadRequester, "download_requester is required");
        partitionRouter = partitionRouter == null ? List.of() : List.copyOf(partitionRouter);
        if (downloadTargetRequester != null && downloadTargetExtractor == null) {
            throw new IllegalArgumentException(
                    "`download_target_extractor` required if using a `download_target_requester`");
        }
    }

    @Override
    public StreamRetriever build(BuildContext context, String streamName, List<RecordTransformation> transformations,
            Supplier<ObjectNode> schema, boolean transformBeforeFilteringByDefault) {
        Decoder decoding = decoder == null ? JsonDecoderSpec.DEFAULT : decoder.build(context);
        RecordSelector selector = recordSelector.build(context, decoding, transformations, schema,
                transformBeforeFilteringByDefault);
        Decoder downloadDecoding = downloadDecoder == null ? JsonDecoderSpec.DEFAULT : downloadDecoder.build(context);
        DownloadExtractor downloads = downloadExtractor == null
                ? DownloadExtractor.ofDocuments(new DpathExtractor(List.of()))
                : downloadExtractor.buildDownload(context);
        Paginator pages = downloadPaginator == null ? Paginator.NONE : downloadPaginator.build(context);
        HttpJobRepository repository = new HttpJobRepository(
                new HttpJobRepository.Requesters(creationRequester.build(context), pollingRequester.build(context),
                        downloadRequester.build(context), optional(downloadTargetRequester, context),
                        optional(abortRequester, context), optional(deleteRequester, context)),
                new HttpJobRepository.Responses(decoding, statusExtractor.buildValues(context),
                        statusMapping.statuses(),
                        downloadTargetExtractor == null ? null : downloadTargetExtractor.buildValues(context),
                        downloadDecoding, downloads, pages),
                Duration.ofMinutes(minutes(context)), context.clock());
        Integer waitSeconds = integer(failedRetryWaitTimeInSeconds, "failed_retry_wait_time_in_seconds", context);
        JobPolicy policy = new JobPolicy(JobPolicy.DEFAULT_MAX_ATTEMPTS,
                waitSeconds == null ? null : Duration.ofSeconds(waitSeconds), JobPolicy.DEFAULT_POLL_INTERVAL);
        JobSlots slots = context.run().service(JobSlots.SERVICE);
        return new AsyncRetriever(selector, context.interpolation(), () -> new JobOrchestrator(streamName,
                repository, slots, context.clock(), context.sleeper(), policy));
    }

    /** {@code polling_job_timeout} in minutes; the reference's default when it is left out, or renders to 0. */
    private int minutes(BuildContext context) {
        Integer minutes = integer(pollingJobTimeout, "polling_job_timeout", context);
        return minutes == null || minutes == 0 ? DEFAULT_TIMEOUT_MINUTES : minutes;
    }

    private @Nullable Integer integer(@Nullable String template, String field, BuildContext context) {
        if (template == null) {
            return null;
        }
        JsonNode value = InterpolatedString.of(template, BuildContext.parameters(parameters))
                .eval(context.interpolation());
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            int result = value.isNumber() ? value.intValue() : Integer.parseInt(value.asText().strip());
            if (result < 0 || (result == 0 && field.startsWith("failed"))) {
                throw new IllegalArgumentException(field + " must be a positive number, got " + result);
            }
            return result;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must render to an integer, got '" + value.asText() + "'");
        }
    }

    private static @Nullable HttpRequester optional(@Nullable RequesterSpec spec, BuildContext context) {
        return spec == null ? null : spec.build(context);
    }
}
