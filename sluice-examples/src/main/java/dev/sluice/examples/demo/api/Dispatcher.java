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
            Exchange exchange = new Exchange(connection, incoming.keepAlive(), () -> answer(admin::route, request));
            exchange.respond();
            return exchange.keepAlive();
        }
        requests.record(request);
        Exchange exchange = new Exchange(connection, incoming.keepAlive(), () -> answer(data::route, request));
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

    /** A set of endpoints; a refusal is an exception so that it cannot be mistaken for an answer. */
    private interface Routes {
        Response route(RecordedRequest request) throws RequestException;
    }

    private static Response answer(Routes routes, RecordedRequest request) {
        try {
            return routes.route(request);
        } catch (RequestException e) {
            return e.toResponse();
        }
    }
}
