package dev.sluice.bench.transport;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** OkHttp 5 (okhttp-jvm), HTTP/1.1 only, {@code Call.execute()} and the body's byte stream. */
final class OkHttpFetcher implements PageFetcher {

    private final OkHttpClient client;
    private final String base;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];

    OkHttpFetcher(URI base) {
        this.base = base.toString();
        this.client = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(Timeouts.CONNECT)
                .readTimeout(Timeouts.READ)
                .build();
    }

    @Override
    public long fetch(String path) throws IOException {
        Request request = new Request.Builder().url(base + path).build();
        try (Response response = client.newCall(request).execute(); ResponseBody body = response.body()) {
            return PageFetcher.drain(body.byteStream(), buffer);
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
