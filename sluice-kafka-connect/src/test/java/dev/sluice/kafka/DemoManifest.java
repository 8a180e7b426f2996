package dev.sluice.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo connector's manifest from sluice-examples, and the partitioned one of these tests, as text. */
final class DemoManifest {

    private DemoManifest() {
    }

    static String text() {
        return resource("/dev/sluice/examples/demo/demo-manifest.yaml");
    }

    /**
     * {@code departments}, {@code department_employees} (a partition per department, a cursor per partition) and
     * {@code engineering_employees} (no router: its history is split into date ranges).
     */
    static String departments() {
        return resource("/dev/sluice/kafka/departments-manifest.yaml");
    }

    private static String resource(String name) {
        try (InputStream in = DemoManifest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest with no retries, so a fault fails a request at once. */
    static String withoutRetries() {
        return withoutRetries(text());
    }

    /** The manifest with no retries, so a fault fails a request at once. */
    static String withoutRetries(String manifest) {
        return manifest.replace("    http_method: GET\n",
                "    http_method: GET\n    error_handler: {type: DefaultErrorHandler, max_retries: 0}\n");
    }
}
