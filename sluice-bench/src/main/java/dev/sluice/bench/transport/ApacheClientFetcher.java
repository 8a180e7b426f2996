package dev.sluice.bench.transport;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5's classic (blocking) client with its default interceptors and one pooled connection. */
final class ApacheClientFetcher implements PageFetcher {

    private final CloseableHttpClient client;
    private final URI base;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];

    ApacheClientFetcher(URI base) {
        this.base = base;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(Timeouts.CONNECT.toMillis(), TimeUnit.MILLISECONDS))
                        .setSocketTimeout(Timeout.of(Timeouts.READ.toMillis(), TimeUnit.MILLISECONDS))
                        .build())
                .setMaxConnTotal(1)
                .setMaxConnPerRoute(1)
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections).build();
    }

    @Override
    public long fetch(String path) throws IOException {
        return client.execute(new HttpGet(base.resolve(path)),
                response -> PageFetcher.drain(response.getEntity().getContent(), buffer));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
