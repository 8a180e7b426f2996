package dev.sluice.bench.transport;

import java.io.IOException;
import java.net.URI;

/** The clients of the comparison, each opening a {@link PageFetcher} on the page server at a base URI. */
public enum TransportClient {
    /** The measuring ceiling: a hand-written request and a Content-Length body on a plain socket. */
    SOCKET {
        @Override
        public PageFetcher open(URI base) throws IOException {
            return new SocketFetcher(base);
        }
    },
    /** The JDK {@code java.net.http.HttpClient}: {@code send} with {@code BodyHandlers.ofInputStream()}. */
    JDK {
        @Override
        public PageFetcher open(URI base) {
            return new JdkClientFetcher(base);
        }
    },
    /** Sluice's transport today: {@code HttpTransport.jdk} (the JDK client with its own body subscriber). */
    SLUICE_JDK {
        @Override
        public PageFetcher open(URI base) {
            return new SluiceTransportFetcher(base);
        }
    },
    /** Apache HttpClient 5, classic (blocking) API, one pooled connection. */
    APACHE5 {
        @Override
        public PageFetcher open(URI base) {
            return new ApacheClientFetcher(base);
        }
    },
    /** Jetty 12's client, blocking through {@code InputStreamResponseListener}. */
    JETTY12 {
        @Override
        public PageFetcher open(URI base) throws IOException {
            return new JettyClientFetcher(base);
        }
    },
    /** OkHttp 5, {@code Call.execute()} and the body's byte stream. */
    OKHTTP5 {
        @Override
        public PageFetcher open(URI base) {
            return new OkHttpFetcher(base);
        }
    };

    public abstract PageFetcher open(URI base) throws IOException;
}
