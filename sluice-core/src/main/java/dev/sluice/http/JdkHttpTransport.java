package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

/**
 * The transport on one JDK {@link HttpClient} (and so one connection pool): HTTP/1.1, redirects followed, a
 * connect timeout, and a read timeout that also covers the body (defaults 30 s and 300 s; the reference has
 * none and can hang forever), which the JDK client alone does not give ({@link ResponseBodyStream}).
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;
    private final Options options;

    public JdkHttpTransport(Options options) {
        this.options = requireNonNull(options, "options is null");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    public OpenedResponse open(HttpRequest request) throws IOException {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(options.readTimeout());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        byte[] body = request.body();
        builder.method(request.method(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        java.net.http.HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), info -> new ResponseBodyStream(options.readTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending " + request.method() + " request");
        }
        return new OpenedResponse(request, response.statusCode(), ResponseHeaders.of(response.headers().map()),
                response.body());
    }
}
