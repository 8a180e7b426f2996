package dev.sluice.examples.demo.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how each request is answered: admin requests directly; data requests are logged, delayed by the
 * configured latency, then answered through the first matching fault or normally.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Clock clock;
    private final Duration latency;
    private final FaultPlan faults;
    private final RequestLog requests;
    private final DataRoutes data;
    private final AdminRoutes admin;

    Dispatcher(DemoApiOptions options, FaultPlan faults, RequestLog requests, DataRoutes data, AdminRoutes admin) {
        this.clock = Clock.systemUTC();
        this.latency = options.latency();
        this.faults = faults;
        this.requests = requests;
        this.data = data;
        this.admin = admin;
    }

    Clock clock() {
        return clock;
    }

    /** Answers one request and returns whether the connection stays open for another. */
    boolean serve(Connection connection, RequestParser.Incoming incoming) throws IOException {
        RecordedRequest request = incoming.request();
        if (request.path().startsWith(AdminRoutes.PREFIX)) {
            Exchange exchange = new Exchange(connection, incoming.keepAlive(), () -> admin.respond(request));
            exchange.respond();
            return exchange.keepAlive();
        }
        requests.record(request);
        Exchange exchange = new Exchange(connection, incoming.keepAlive(), () -> data.respond(request));
        if (!latency.isZero()) {
            exchange.pause(latency);
        }
        Optional<Fault> fault = faults.take(request);
        if (fault.isPresent()) {
            // The path only: the query may carry an API key.
            log.info("Injecting {} into {} {}", fault.get(), request.method(), request.path());
            fault.get().deliver(exchange);
        } else {
            exchange.respond();
        }
        return exchange.keepAlive();
    }
}
