package dev.sluice.declarative.requester;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.auth.LoginRequester;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.RequestOptionApplier;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.custom.RequestDraft;
import dev.sluice.declarative.custom.RequestPreparer;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.http.ExchangeObserver;
import dev.sluice.http.HttpExecutor;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponseException;
import dev.sluice.http.ResponseReader;
import dev.sluice.http.StreamingResponseReader;
import dev.sluice.http.Urls;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.source.ConnectorException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link HttpRequesterSpec}: renders and sends one request. Thread-safe. */
public final class HttpRequester implements LoginRequester {

    /** The slice's extra field that holds the current property chunk (a list of names). */
    public static final String QUERY_PROPERTIES = "query_properties";

    /** The methods the reference sends a body with. */
    private static final Set<String> BODY_METHODS = Set.of("GET", "POST", "PUT", "PATCH");

    private final InterpolatedString base;
    private final @Nullable InterpolatedString path;
    private final String method;
    private final RequestTemplates templates;
    private final HttpExecutor executor;
    private final InterpolationContext interpolation;
    private final @Nullable String queryPropertiesKey;
    private final SpecLocation location;
    private final RequestPreparer preparer;

    /**
     * @param queryPropertiesKey the parameter the slice's property chunk is sent under, or null
     * @param location where the manifest declared this requester, which its errors name
     * @param preparer  what may change each request before it is sent (a {@code CustomRequester}'s class)
     */
    HttpRequester(InterpolatedString base, @Nullable InterpolatedString path, String method,
            RequestTemplates templates, HttpExecutor executor, InterpolationContext interpolation,
            @Nullable String queryPropertiesKey, SpecLocation location, RequestPreparer preparer) {
        this.location = location;
        this.preparer = preparer;
        this.base = base;
        this.path = path;
        this.method = method;
        this.templates = templates;
        this.executor = executor;
        this.interpolation = interpolation;
        this.queryPropertiesKey = queryPropertiesKey;
    }

    /**
     * Sends the request for a slice and page token, with options from other components (paginator, cursor,
     * partition router) added; {@code pathOverride} replaces the path (a {@code RequestPath} page token).
     * The response is read with {@code reader} inside the retry loop. Empty when the error handler ignored it.
     */
    public <T> Optional<T> send(StreamSlice slice, @Nullable JsonNode nextPageToken, RequestOptions extra,
            @Nullable String pathOverride, ResponseReader<T> reader) {
        HttpRequest request = build(slice, nextPageToken, extra, pathOverride);
        return location.around(() -> executor.send(request, reader));
    }

    /** This requester with {@code observer} also shown every attempt (see {@code ExchangeLabels}). */
    @Override
    public HttpRequester alsoObservedBy(ExchangeObserver observer) {
        HttpExecutor observed = executor.alsoObservedBy(observer);
        return observed == executor ? this : new HttpRequester(base, path, method, templates, observed, interpolation,
                queryPropertiesKey, location, preparer);
    }

    @Override
    public <T> Optional<T> login(ResponseReader<T> reader) {
        return send(StreamSlice.EMPTY, null, RequestOptions.NONE, null, reader);
    }

    /**
     * Like {@link #send}, with a successful body handed to {@code reader} as it streams in (see
     * {@link HttpExecutor#stream}).
     */
    public <T> Optional<T> stream(StreamSlice slice, @Nullable JsonNode nextPageToken, RequestOptions extra,
            @Nullable String pathOverride, StreamingResponseReader<T> reader) {
        HttpRequest request = build(slice, nextPageToken, extra, pathOverride);
        try {
            return executor.stream(request, reader);
        } catch (HttpResponseException e) {
            // Only the exchange's own failure: the reader hands records on to code that is not this requester's.
            throw location.isKnown() ? e.locatedAt(location.describe()) : e;
        }
    }

    /** Whether the error handler reads the bodies of successful responses (then they cannot be streamed). */
    public boolean inspectsSuccessfulBodies() {
        return executor.inspectsSuccessfulBodies();
    }

    /** The request as it would be sent (before authentication). */
    public HttpRequest build(StreamSlice slice, @Nullable JsonNode nextPageToken, RequestOptions extra,
            @Nullable String pathOverride) {
        return location.around(() -> {
            HttpRequest request = request(slice, nextPageToken, extra, pathOverride);
            HttpRequest prepared = preparer.prepare(new RequestDraft(request, slice, nextPageToken));
            if (prepared == null) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, preparer.getClass().getName()
                        + " prepared no request (null) for " + request.method() + " " + request.uri().getPath());
            }
            return prepared;
        });
    }

    private HttpRequest request(StreamSlice slice, @Nullable JsonNode nextPageToken, RequestOptions extra,
            @Nullable String pathOverride) {
        InterpolationContext context = context(slice, nextPageToken);
        RequestOptions options = withQueryProperties(templates.render(context), slice).plus(extra);
        HttpRequest request = new HttpRequest(method, RequestOptionApplier.withParameters(url(context, pathOverride),
                options.parameters()), options.headers(), null);
        if (!BODY_METHODS.contains(method)) {
            return request;
        }
        Map<String, List<String>> form = templates.formFields(context);
        for (Map.Entry<String, String> field : options.bodyData().entrySet()) {
            if (form.containsKey(field.getKey())) {
                throw new ManifestException("Request body collision, duplicate keys detected at key path: "
                        + field.getKey());
            }
            form.put(field.getKey(), List.of(field.getValue()));
        }
        String raw = templates.rawBody(context);
        boolean json = !options.bodyJson().isEmpty();
        boolean data = !form.isEmpty() || (raw != null && !raw.isEmpty());
        if (json && data) {
            throw new ManifestException("At the same time only one of the 'request_body_data' and "
                    + "'request_body_json' functions can return data");
        }
        if (raw != null && !raw.isEmpty() && !form.isEmpty()) {
            throw new ManifestException("request_body_data: a text body cannot be combined with form fields "
                    + form.keySet());
        }
        if (json) {
            return request.withBody(Json.write(options.bodyJson()).getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }
        if (!form.isEmpty()) {
            return request.withBody(RequestOptionApplier.repeatedFormBody(form).getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
        }
        return raw == null || raw.isEmpty() ? request
                : request.withBody(raw.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /**
     * {@code url_base} joined with {@code path} (or {@code url} alone). A page token given as the path
     * ({@code RequestPath}) is resolved as it is: a full URL replaces the URL, and an absolute path replaces the
     * base's path, as Python's {@code urljoin} does with a next link.
     */
    private URI url(InterpolationContext context, @Nullable String pathOverride) {
        String url = base.evalString(context);
        if (pathOverride == null) {
            return Urls.join(url, path == null ? "" : path.evalString(context));
        }
        return URI.create(url.endsWith("/") ? url : url + "/").resolve(pathOverride);
    }

    /**
     * The requester's own parameters plus, when a {@code QueryProperties} is declared among them, the slice's
     * property chunk joined with commas, after the others (as the reference orders them).
     */
    private RequestOptions withQueryProperties(RequestOptions own, StreamSlice slice) {
        if (queryPropertiesKey == null) {
            return own;
        }
        JsonNode chunk = slice.extraFields().get(QUERY_PROPERTIES);
        if (chunk == null || chunk.isNull()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "QueryProperties component is defined but "
                    + "stream_partition does not contain query_properties (slice " + slice + ")");
        }
        if (!chunk.isArray()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "QueryProperties component is defined but "
                    + "stream_slice.extra_fields.query_properties is not a list: " + chunk);
        }
        List<String> names = new ArrayList<>();
        chunk.forEach(name -> names.add(name.asText()));
        return own.plus(RequestOptions.parameter(queryPropertiesKey, Json.nodes().textNode(String.join(",", names))));
    }

    private InterpolationContext context(StreamSlice slice, @Nullable JsonNode nextPageToken) {
        InterpolationContext context = interpolation.with("stream_slice", slice.toInterpolationValue())
                .with("next_page_token", RecordContext.tokenValue(nextPageToken));
        Iterator<Map.Entry<String, JsonNode>> extra = slice.extraFields().fields();
        while (extra.hasNext()) {
            Map.Entry<String, JsonNode> field = extra.next();
            context = context.with(field.getKey(), field.getValue());
        }
        return context;
    }
}
