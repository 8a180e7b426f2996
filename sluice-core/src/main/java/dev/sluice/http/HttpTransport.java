package dev.sluice.http;

import dev.sluice.source.RunContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Sends one request and hands back what came back; the retry loop ({@link HttpExecutor}) sits above it. An
 * implementation keeps Sluice's guarantees: a connect timeout, a read timeout that also covers the body, and
 * HTTP/1.1 with redirects followed. Transport failures (refused, reset, timed out, cut off) are
 * {@link IOException}s. Thread-safe; share one per source. {@link #jdk(Options)} is the JDK client's.
 */
public interface HttpTransport {

    /** Timeouts and limits. */
    record Options(Duration connectTimeout, Duration readTimeout, long maxBodyBytes) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(30), Duration.ofSeconds(300),
                defaultMaxBodyBytes());

        /**
         * 512 MB, or a sixth of the heap when that is less: a body read whole needs up to three times its size
         * while it grows and is copied, so a larger limit would end in an OutOfMemoryError instead of a clear
         * error. Streamed pages are not read whole and have no such limit.
         */
        private static long defaultMaxBodyBytes() {
            return Math.min(512L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 6);
        }

        /**
         * The defaults, overridden by the system properties {@code sluice.http.connect-timeout} and
         * {@code sluice.http.read-timeout} (seconds, fractions allowed) and {@code sluice.http.max-body-bytes}.
         */
        public static Options fromSystemProperties() {
            return new Options(seconds("sluice.http.connect-timeout", DEFAULTS.connectTimeout()),
                    seconds("sluice.http.read-timeout", DEFAULTS.readTimeout()),
                    Long.getLong("sluice.http.max-body-bytes", DEFAULTS.maxBodyBytes()));
        }

        private static Duration seconds(String property, Duration fallback) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " must be a number of seconds, got '" + value + "'", e);
            }
        }
    }

    /** A transport on the JDK's {@code java.net.http} client with these options. */
    static HttpTransport jdk(Options options) {
        return new JdkHttpTransport(options);
    }

    /** A run's transport: one connection pool per run, with the options the system properties set. */
    RunContext.Service<HttpTransport> SERVICE = RunContext.Service.of("HTTP transport", HttpTransport.class,
            run -> jdk(Options.fromSystemProperties()));

    Options options();

    /** Sends the request and returns once the headers arrived; the caller must close the response's body. */
    OpenedResponse open(HttpRequest request) throws IOException;

    /** Sends the request and reads the whole body (at most {@link Options#maxBodyBytes()}). */
    default HttpResponse exchange(HttpRequest request) throws IOException {
        return readWhole(open(request));
    }

    /**
     * Reads the whole body of an opened response and closes it.
     *
     * @throws ResponseTooLargeException when the body exceeds {@link Options#maxBodyBytes()}
     */
    default HttpResponse readWhole(OpenedResponse opened) throws IOException {
        long limit = options().maxBodyBytes();
        try (InputStream body = opened.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] chunk = new byte[16384];
            long total = 0;
            int n;
            while ((n = body.read(chunk)) >= 0) {
                total += n;
                if (total > limit) {
                    throw ResponseTooLargeException.of(opened.request(), limit);
                }
                out.write(chunk, 0, n);
            }
            return new HttpResponse(opened.request(), opened.status(), opened.headers(), out.toByteArray());
        }
    }

    /** A body over the size limit: not retried, reported as a system error. */
    final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(String message) {
            super(message);
        }

        static ResponseTooLargeException of(HttpRequest request, long limit) {
            return new ResponseTooLargeException("The response to " + request.describe() + " exceeds " + limit
                    + " bytes, the most read into memory (set the system property sluice.http.max-body-bytes, and "
                    + "a heap large enough for it, to allow more)");
        }
    }
}
