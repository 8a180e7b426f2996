package dev.sluice.declarative.asyncjob;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.declarative.extractor.DownloadExtractor;
import dev.sluice.declarative.extractor.RecordExtractor;
import dev.sluice.declarative.extractor.ResponseToFileExtractor;
import dev.sluice.declarative.extractor.ValueExtractor;
import dev.sluice.declarative.paginator.Page;
import dev.sluice.declarative.paginator.Paginator;
import dev.sluice.declarative.requester.HttpRequester;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.PageTokens;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of an {@code AsyncRetriever} over HTTP (the reference's {@code AsyncHttpJobRepository}). Each request
 * sees the job's slice, with extra fields as the reference adds them: polling, abort and delete requests see
 * {@code creation_response} (the creation response's decoded body, with {@code headers} and {@code request} added
 * unless the body has such keys); download requests also see {@code polling_response} and {@code download_target};
 * a {@code download_target_requester} sees only {@code polling_response}. Thread-safe: downloads run on reading
 * threads while the orchestrator polls.
 */
public final class HttpJobRepository implements JobRepository {

    /** The requests of the jobs, as the manifest declares them. */
    public record Requesters(HttpRequester creation, HttpRequester polling, HttpRequester download,
            @Nullable HttpRequester downloadTarget, @Nullable HttpRequester abort, @Nullable HttpRequester delete) {

        public Requesters {
            requireNonNull(creation, "creation is null");
            requireNonNull(polling, "polling is null");
            requireNonNull(download, "download is null");
        }
    }

    /**
     * How responses are read.
     *
     * @param decoder          decodes creation, polling and download-target responses
     * @param statuses         the API's statuses, each with what it means
     * @param downloadTargets  where the results' URLs are, or null for one download without a target
     * @param downloadPaginator pages of a download
     */
    public record Responses(Decoder decoder, ValueExtractor status, Map<String, JobStatus> statuses,
            @Nullable ValueExtractor downloadTargets, Decoder downloadDecoder, DownloadExtractor downloadExtractor,
            Paginator downloadPaginator) {

        public Responses {
            requireNonNull(decoder, "decoder is null");
            requireNonNull(status, "status is null");
            statuses = Map.copyOf(statuses);
            requireNonNull(downloadDecoder, "downloadDecoder is null");
            requireNonNull(downloadExtractor, "downloadExtractor is null");
            requireNonNull(downloadPaginator, "downloadPaginator is null");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(HttpJobRepository.class);

    private final Requesters requesters;
    private final Responses responses;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, ObjectNode> creationResponses = new ConcurrentHashMap<>();
    private final Map<String, Decoded> pollingResponses = new ConcurrentHashMap<>();

    /** A response with its decoded documents. */
    private record Decoded(HttpResponse response, List<JsonNode> documents) {

        /** What templates see: the first document (an object) with the response's headers and request added. */
        ObjectNode context() {
            JsonNode first = documents.isEmpty() ? null : documents.get(0);
            ObjectNode context = first != null && first.isObject() ? ((ObjectNode) first).deepCopy() : Json.object();
            if (!context.has("headers")) {
                ObjectNode headers = context.putObject("headers");
                response.headers().map().forEach((name, values) -> {
                    if (!values.isEmpty()) {
                        headers.put(name, values.get(0));
                    }
                });
            }
            if (!context.has("request")) {
                context.putObject("request").put("url", response.request().uri().toString())
                        .put("method", response.request().method());
            }
            return context;
        }
    }

    /**
     * @param timeout how long a job may run ({@code polling_job_timeout})
     */
    public HttpJobRepository(Requesters requesters, Responses responses, Duration timeout, Clock clock) {
        this.requesters = requireNonNull(requesters, "requesters is null");
        this.responses = requireNonNull(responses, "responses is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public AsyncJob start(StreamSlice slice) {
        Decoded created = send(requesters.creation(), slice, "creation_requester");
        String id = UUID.randomUUID().toString();
        creationResponses.put(id, created.context());
        return AsyncJob.started(id, slice, timeout, clock);
    }

    @Override
    public void updateStatuses(Collection<AsyncJob> jobs) {
        for (AsyncJob job : jobs) {
            Decoded polled = send(requesters.polling(), creationSlice(job), "polling_requester");
            JobStatus status = status(polled);
            if (status != job.status()) {
                log.debug("Async job {} went from {} to {}", job.id(), job.status(), status);
            }
            job.update(status);
            if (status == JobStatus.COMPLETED) {
                pollingResponses.put(job.id(), polled);
            }
        }
    }

    private JobStatus status(Decoded polled) {
        List<JsonNode> found = new ArrayList<>(1);
        for (JsonNode document : polled.documents()) {
            responses.status().values(document, found::add);
        }
        // The reference looks up str(value): a missing status is 'None'.
        String api = found.isEmpty() ? "None" : found.get(0).isTextual() ? found.get(0).textValue()
                : Json.write(found.get(0));
        JobStatus status = responses.statuses().get(api);
        if (status == null) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "API status `" + api + "` is unknown. Contact "
                    + "the connector developer to make sure this status is supported.",
                    "API status `" + api + "` is not in status_mapping " + responses.statuses().keySet(), null);
        }
        return status;
    }

    @Override
    public void fetchRecords(AsyncJob job, Consumer<ObjectNode> records) {
        Decoded polled = pollingResponses.get(job.id());
        ObjectNode creation = creationResponses.get(job.id());
        if (polled == null || creation == null) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Async job " + job.id()
                    + " has no completed polling response to download from");
        }
        for (String target : downloadTargets(polled)) {
            ObjectNode extra = job.slice().extraFields().deepCopy();
            extra.put("download_target", target);
            extra.set("creation_response", creation);
            extra.set("polling_response", polled.context());
            download(job.slice().withExtraFields(extra), records);
        }
    }

    private List<String> downloadTargets(Decoded polled) {
        ValueExtractor extractor = responses.downloadTargets();
        if (extractor == null) {
            // One download request without a target.
            return List.of("");
        }
        Decoded source = polled;
        if (requesters.downloadTarget() != null) {
            ObjectNode extra = Json.object();
            extra.set("polling_response", polled.context());
            source = send(requesters.downloadTarget(), new StreamSlice(Json.object(), Json.object(), extra),
                    "download_target_requester");
        }
        List<String> targets = new ArrayList<>();
        for (JsonNode document : source.documents()) {
            extractor.values(document, value -> targets.add(value.isTextual() ? value.textValue() : Json.write(value)));
        }
        return targets;
    }

    private void download(StreamSlice slice, Consumer<ObjectNode> records) {
        Paginator paginator = responses.downloadPaginator();
        JsonNode token = paginator.initialToken();
        while (true) {
            Optional<Page> page = downloadPage(slice, token, paginator, records);
            if (page.isEmpty()) {
                return;
            }
            JsonNode next = paginator.nextToken(page.get());
            if (next == null || next.isNull()) {
                return;
            }
            PageTokens.requireAdvanced(next, token, page.get().response().request());
            token = next;
        }
    }

    private Optional<Page> downloadPage(StreamSlice slice, @Nullable JsonNode token, Paginator paginator,
            Consumer<ObjectNode> records) {
        RequestOptions options = paginator.requestOptions(token);
        String path = paginator.path(token);
        ResponseToFileExtractor file = responses.downloadExtractor().file();
        ObjectNode[] last = {null};
        int[] count = {0};
        Consumer<ObjectNode> counted = record -> {
            count[0]++;
            last[0] = record;
            records.accept(record);
        };
        if (file != null) {
            Optional<ResponseToFileExtractor.SavedBody> saved = requesters.download().stream(slice, token, options,
                    path, file::save);
            if (saved.isEmpty()) {
                return Optional.empty();
            }
            file.readRows(saved.get(), counted);
            return Optional.of(new Page(saved.get().head(), List.of(), count[0], last[0], count[0], token));
        }
        RecordExtractor extractor = requireNonNull(responses.downloadExtractor().documents());
        Optional<Decoded> response = requesters.download().send(slice, token, options, path,
                sent -> new Decoded(sent, responses.downloadDecoder().decode(sent)));
        if (response.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode document : response.get().documents()) {
            extractor.extract(document, counted);
        }
        return Optional.of(new Page(response.get().response(), response.get().documents(), count[0], last[0],
                count[0], token));
    }

    @Override
    public void abort(AsyncJob job) {
        if (requesters.abort() != null && creationResponses.containsKey(job.id())) {
            send(requesters.abort(), creationSlice(job), "abort_requester");
        }
    }

    @Override
    public void delete(AsyncJob job) {
        if (requesters.delete() != null) {
            send(requesters.delete(), creationSlice(job), "delete_requester");
        }
        // The job's responses are not needed any more, whether or not the API is asked to delete it.
        creationResponses.remove(job.id());
        pollingResponses.remove(job.id());
    }

    /** The job's slice with {@code creation_response} added to its extra fields. */
    private StreamSlice creationSlice(AsyncJob job) {
        ObjectNode creation = creationResponses.get(job.id());
        ObjectNode extra = job.slice().extraFields().deepCopy();
        extra.set("creation_response", creation == null ? Json.object() : creation);
        return job.slice().withExtraFields(extra);
    }

    private Decoded send(HttpRequester requester, StreamSlice slice, String which) {
        return requester.send(slice, null, RequestOptions.NONE, null,
                sent -> new Decoded(sent, responses.decoder().decode(sent)))
                .orElseThrow(() -> new ConnectorException(FailureType.SYSTEM_ERROR, "The " + which
                        + " received no response (its error handler ignored it); an async job needs one"));
    }
}
