package dev.sluice.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo connector's manifest from sluice-examples, as text. */
final class DemoManifest {

    private DemoManifest() {
    }

    static String text() {
        try (InputStream in = DemoManifest.class.getResourceAsStream("/dev/sluice/examples/demo/demo-manifest.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest with no retries, so a fault fails a request at once. */
    static String withoutRetries() {
        return text().replace("    http_method: GET\n",
                "    http_method: GET\n    error_handler: {type: DefaultErrorHandler, max_retries: 0}\n");
    }
}
