package dev.sluice.examples.demo.api;

import dev.sluice.source.ConfigException;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo API: a deterministic HTTP/1.1 JSON server on 127.0.0.1 with scriptable faults.
 * <pre>{@code
 * try (DemoApi api = DemoApi.start(DemoApiOptions.defaults())) {
 *     api.faults().times(2, "/employees?page=8", new Fault.Status(503));
 *     // a connector reads all 50 pages from api.baseUri(), retrying page 8 twice
 *     assertThat(api.requests().forPath("/employees")).hasSize(52);
 *     assertThat(api.faults().pending()).isEmpty();
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code GET /health}: {@code {"status": "ok"}}; never needs the API key.
 *   <li>{@code GET /employees?page=N&page_size=S}: {@code {"data": [...], "next_page": N+1 or null, "total": T}};
 *       pages start at 1, {@code page_size} defaults to 100 (at most 1,000). Each row has {@code id},
 *       {@code first_name}, {@code last_name}, {@code email}, {@code department}, {@code salary} (a number with two
 *       decimals), {@code active}, {@code hired_at} (a date), {@code address} ({@code street}, {@code city},
 *       {@code postal_code}, {@code country}), {@code tags} (strings) and {@code updated_at} (a 2024 instant).
 *   <li>{@code GET /employee_benefits}: {@code {"benefits": [{"id", "employee_id", "plan": {"name", "tier"},
 *       "monthly_cost", "starts_on"}]}}, one page.
 *   <li>{@code GET /time_off_requests?updated_since=T&page=N&page_size=S}: the {@code /employees} envelope with
 *       rows {@code id}, {@code employee_id}, {@code status}, {@code starts_on}, {@code ends_on},
 *       {@code updated_at}, ascending by {@code updated_at} (which grows with {@code id}); {@code updated_since}
 *       keeps rows updated strictly after {@code T}, and {@code total} counts the rows kept.
 *   <li>{@code GET /departments}: {@code {"data": [{"id": 1, "name": "Engineering"}, ...]}}, the departments of the
 *       employees (ids 1 to 8), one page; see {@link #listDepartments}.
 *   <li>{@code GET /departments/{id}/employees?updated_from=A&updated_to=B&page=N&page_size=S}: the
 *       {@code /employees} envelope with the rows of the department's employees, ascending by {@code id}; the optional
 *       {@code updated_from} and {@code updated_to} keep rows with {@code A <= updated_at <= B} (both inclusive), and
 *       {@code total} counts the rows kept. Department ids outside 1 to 8 answer 404.
 * </ul>
 * Unknown paths answer 404, other methods 405, bad parameters 400, all as {@code {"error": "..."}}. With
 * {@link DemoApiOptions#apiKey()} set, the data endpoints need the key in {@code X-Api-Key} or {@code api_key},
 * else 401 {@code {"error": "invalid api key"}}.
 *
 * <h2>Admin endpoints</h2>
 * Open without the API key, neither logged nor faulted, for a server started by {@code sluice demo-api}:
 * <ul>
 *   <li>{@code POST /_admin/faults} schedules one rule, or an array of rules, and answers 201
 *       {@code {"scheduled": n}}. A rule is
 *       {@code {"path": "/employees", "query": {"page": "8"}, "times": 2, "fault": {"type": "STATUS", "status": 503}}}:
 *       {@code query} (default none) and {@code times} (a positive integer or {@code "always"}, default 1) are
 *       optional. The fault is {@code {"type": T, ...}} with, by {@code T}:
 *       {@code STATUS} {@code status}, optional {@code body} (a string) and {@code headers} (an object of strings);
 *       {@code RATE_LIMIT} {@code retry_after_seconds}; {@code RATE_LIMIT_HTTP_DATE} {@code retry_at}
 *       (an ISO-8601 instant); {@code DELAY} and {@code STALL_MID_BODY} {@code millis}; {@code DROP_CONNECTION},
 *       {@code RESET}, {@code TRUNCATED_BODY}, {@code MALFORMED_JSON}, {@code TRUNCATED_JSON} and
 *       {@code EMPTY_200} nothing else. See {@link Fault} for each; unknown keys answer 400.
 *   <li>{@code DELETE /_admin/faults} unschedules all: {@code {"cleared": n}}.
 *   <li>{@code GET /_admin/requests[?path=/employees]}: {@code {"requests": [{"received_at", "method", "path",
 *       "query": {name: [values]}, "headers": {lower-case name: [values]}, "body"}]}}, oldest first.
 *   <li>{@code DELETE /_admin/requests} empties the log: {@code {"cleared": n}}.
 *   <li>{@code POST /_admin/time_off_requests} with {@code {"append": n}} adds n newer time-off requests:
 *       {@code {"total": t}}.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops accepting, closes every open connection (ending stalls and delays) and
 * waits for the server's threads to finish.
 */
public final class DemoApi implements AutoCloseable {

    // Hand-written on ServerSocket rather than the JDK HttpServer: the faults need the raw socket, which HttpServer
    // hides. It cannot send a TCP reset (SO_LINGER 0), promise a Content-Length and then close early, or stall in
    // the middle of a body, and it answers malformed framing itself.

    private static final Logger log = LoggerFactory.getLogger(DemoApi.class);

    private final DemoApiOptions options;
    private final ServerSocket serverSocket;
    private final FaultPlan faults = new FaultPlan();
    private final RequestLog requests = new RequestLog();
    private final TimeOffData timeOff;
    private final DepartmentData departments;
    private final Dispatcher dispatcher;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoApi(DemoApiOptions options, ServerSocket serverSocket) {
        this.options = options;
        this.serverSocket = serverSocket;
        EmployeeData employees = new EmployeeData(options.seed(), options.employeeCount());
        this.timeOff = new TimeOffData(options.seed(), options.timeOffRequestCount(), options.employeeCount());
        BenefitData benefits = new BenefitData(options.seed(), options.benefitCount(), options.employeeCount());
        this.departments = new DepartmentData(employees);
        this.dispatcher = new Dispatcher(options, faults, requests,
                new DataRoutes(options.apiKey(), employees, benefits, timeOff, departments),
                new AdminRoutes(faults, requests, timeOff));
        String prefix = "demo-api-" + serverSocket.getLocalPort();
        AtomicInteger threadCount = new AtomicInteger();
        // A cached pool with a ceiling: threads come and go with connections, and one beyond the ceiling is refused.
        this.workers = new ThreadPoolExecutor(0, options.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> daemon(task, prefix + "-conn-" + threadCount.incrementAndGet()));
        this.acceptor = daemon(this::acceptLoop, prefix + "-accept");
    }

    /**
     * Binds 127.0.0.1:{@code options.port()} and starts serving; returns once the socket is listening.
     *
     * @throws ConfigException when the port cannot be bound (typically: already in use)
     */
    public static DemoApi start(DemoApiOptions options) {
        ServerSocket serverSocket = bind(options.port());
        DemoApi api = new DemoApi(options, serverSocket);
        api.acceptor.start();
        log.info("Demo API listening on {} ({})", api.baseUri(), options);
        return api;
    }

    /** The port listened on; the chosen one when {@link DemoApiOptions#port()} was 0. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: {@code baseUri().resolve("/employees")}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public DemoApiOptions options() {
        return options;
    }

    /** The faults scheduled for the coming requests; change it at any time. */
    public FaultPlan faults() {
        return faults;
    }

    /** Every data request received so far. */
    public RequestLog requests() {
        return requests;
    }

    /** Adds {@code rows} time-off requests newer than all others, for incremental-read tests; returns the total. */
    public int appendTimeOffRequests(int rows) {
        return timeOff.append(rows);
    }

    /**
     * From now on {@code /departments} lists only the first {@code count} of the 8 departments (all 8 at start), as
     * if the others did not exist yet; their {@code /departments/{id}/employees} still answer.
     *
     * @throws IllegalArgumentException for a count below 0 or above 8
     */
    public void listDepartments(int count) {
        departments.list(count);
    }

    /** How many time-off requests exist now. */
    public int timeOffRequestCount() {
        return timeOff.count();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(serverSocket);
        openSockets.forEach(DemoApi::closeQuietly);
        workers.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Demo API threads still running 5 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Demo API on port {} stopped", port());
    }

    private static ServerSocket bind(int port) {
        ServerSocket serverSocket = null;
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            return serverSocket;
        } catch (IOException e) {
            if (serverSocket != null) {
                closeQuietly(serverSocket);
            }
            throw new ConfigException("The demo API cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another port, or 0 for any free one", e);
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    log.warn("Demo API stopped accepting connections", e);
                }
                return;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        Connection connection;
        try {
            connection = new Connection(socket, dispatcher, options.idleTimeout());
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        openSockets.add(socket);
        if (closed.get()) { // close() may have swept openSockets before the add
            openSockets.remove(socket);
            closeQuietly(socket);
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    connection.run();
                } finally {
                    openSockets.remove(socket);
                }
            });
        } catch (RejectedExecutionException e) {
            openSockets.remove(socket);
            if (closed.get()) {
                closeQuietly(socket);
            } else {
                log.warn("Demo API refused a connection: all {} connections are busy", options.maxConnections());
                connection.refuse(Response.error(503, "too many connections"));
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true); // a forgotten close() must not keep a test JVM or the CLI alive
        return thread;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("Ignoring failure to close {}: {}", closeable, e.toString());
        }
    }
}
