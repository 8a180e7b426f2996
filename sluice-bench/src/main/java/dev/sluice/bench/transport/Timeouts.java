package dev.sluice.bench.transport;

import java.time.Duration;

/** The timeouts every client is given: Sluice's defaults, so no client is measured without the guarantees it needs. */
final class Timeouts {

    static final Duration CONNECT = Duration.ofSeconds(30);
    static final Duration READ = Duration.ofSeconds(300);

    private Timeouts() {
    }
}
