package dev.sluice.builder.testread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.infer.DatetimeFormatInferrer;
import dev.sluice.builder.infer.SchemaInferrer;
import dev.sluice.declarative.component.ExchangeLabel;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Groups a read's events into slices, pages, auxiliary requests and logs exactly as the reference's
 * {@code get_message_groups} ({@code test_reader/message_grouper.py}) groups its messages: a page is closed by the
 * next page request or slice start, and records belong to the page open when they arrive; a slice is closed by the
 * next slice start only once it has a page (a slice without requests gives its place to the next), and carries the
 * latest state seen so far; token and parent-stream requests are the read's auxiliary requests. Every request and
 * response is shown through {@code masker}.
 */
final class MessageGrouper {

    /** The reference's name for the retriever of a {@code PropertiesFromEndpoint}. */
    static final String PROPERTIES_RETRIEVER = "dynamic_properties";

    record Grouped(List<StreamReadSlice> slices, List<LogMessageView> logs, List<AuxiliaryRequest> auxiliaryRequests,
            @Nullable ObjectNode latestConfigUpdate) {
    }

    private final String stream;
    private final SecretMasker masker;
    private final SchemaInferrer schema;
    private final DatetimeFormatInferrer datetimes;

    MessageGrouper(String stream, SecretMasker masker, SchemaInferrer schema, DatetimeFormatInferrer datetimes) {
        this.stream = stream;
        this.masker = masker;
        this.schema = schema;
        this.datetimes = datetimes;
    }

    Grouped group(List<ReadEvent> events) {
        List<StreamReadSlice> slices = new ArrayList<>();
        List<LogMessageView> logs = new ArrayList<>();
        List<AuxiliaryRequest> auxiliary = new ArrayList<>();
        ObjectNode configUpdate = null;
        boolean pageInSlice = false;
        List<JsonNode> pageRecords = new ArrayList<>();
        List<StreamReadPage> slicePages = new ArrayList<>();
        ObjectNode descriptor = null;
        HttpRequestView pageRequest = null;
        HttpResponseView pageResponse = null;
        JsonNode latestState = null;
        for (ReadEvent event : events) {
            if (event instanceof ReadEvent.Exchange exchange) {
                if (isPage(exchange.label())) {
                    if (pageInSlice) {
                        slicePages.add(new StreamReadPage(pageRecords, pageRequest, pageResponse));
                        pageRecords = new ArrayList<>();
                    }
                    pageInSlice = true;
                    pageRequest = request(exchange.request());
                    pageResponse = response(exchange.response());
                } else {
                    auxiliary.add(auxiliary(exchange));
                }
            } else if (event instanceof ReadEvent.SliceStarted started) {
                if (pageInSlice) {
                    slicePages.add(new StreamReadPage(pageRecords, pageRequest, pageResponse));
                    pageRecords = new ArrayList<>();
                    pageRequest = null;
                    pageResponse = null;
                    slices.add(slice(slicePages, descriptor, latestState));
                    slicePages = new ArrayList<>();
                    pageInSlice = false;
                }
                descriptor = started.descriptor();
            } else if (event instanceof ReadEvent.RecordRead record) {
                pageRecords.add(record.data());
                schema.accumulate(record.data());
                datetimes.accumulate(record.data());
            } else if (event instanceof ReadEvent.StateEmitted state) {
                latestState = state.message();
            } else if (event instanceof ReadEvent.Logged logged) {
                logs.add(logged.log());
            } else if (event instanceof ReadEvent.ConfigUpdated updated) {
                configUpdate = updated.config();
            }
        }
        if (pageRequest != null || pageResponse != null || !pageRecords.isEmpty()) {
            slicePages.add(new StreamReadPage(pageRecords, pageRequest, pageResponse));
            slices.add(slice(slicePages, descriptor, latestState));
        }
        return new Grouped(slices, logs, auxiliary, configUpdate);
    }

    /**
     * A page of the stream read. The reference hides the pages of other streams (a properties endpoint's
     * {@code dynamic_properties} retriever); Sluice shows them as auxiliary requests instead.
     */
    private boolean isPage(ExchangeLabel label) {
        return stream.equals(label.streamName());
    }

    private AuxiliaryRequest auxiliary(ReadEvent.Exchange exchange) {
        ExchangeLabel label = exchange.label();
        boolean parent = label.streamName() != null && !PROPERTIES_RETRIEVER.equals(label.streamName());
        // As the reference's handle_auxiliary_request: a parent stream's request is titled and typed as such.
        String title = parent ? "Parent stream: " + label.title() : label.title();
        String type = parent ? "PARENT_STREAM" : label.type();
        return new AuxiliaryRequest(title, type, label.description(), request(exchange.request()),
                response(exchange.response()));
    }

    private static StreamReadSlice slice(List<StreamReadPage> pages, @Nullable ObjectNode descriptor,
            @Nullable JsonNode state) {
        return new StreamReadSlice(pages, descriptor, state == null ? List.of() : List.of(state), List.of());
    }

    HttpRequestView request(HttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, masker.mask(value)));
        byte[] body = request.body();
        return new HttpRequestView(masker.mask(request.uri().toString()), headers, request.method(),
                body == null ? null : masker.mask(new String(body, StandardCharsets.UTF_8)));
    }

    HttpResponseView response(HttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        // As requests' dict(response.headers): a repeated header's values joined with ", ".
        response.headers().map().forEach((name, values) -> headers.put(name, masker.mask(String.join(", ", values))));
        return new HttpResponseView(response.status(), masker.mask(response.bodyText()), headers);
    }
}
