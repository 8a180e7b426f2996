package dev.sluice.examples.linkedin.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server that speaks the LinkedIn Marketing API (version 202502) the way the LinkedIn Ads connector calls
 * it, with the data of a {@link LinkedInAdsData}. It refuses what LinkedIn refuses, so a port that encodes or
 * chunks wrongly fails:
 * <ul>
 *   <li>every call needs {@code Authorization: Bearer <token>} (401) and a {@code Linkedin-Version} header (426);
 *   <li>Rest.li 2.0 calls ({@code adCampaigns}, {@code adCampaignGroups}, {@code adAnalytics}, {@code conversions},
 *       {@code leadForms}, {@code leadFormResponses}) need {@code X-Restli-Protocol-Version: 2.0.0}, and their
 *       Rest.li values ({@code List(...)}, {@code (value:...)}, {@code (start:(...),end:(...))}, the campaign
 *       {@code search}) must arrive with their parentheses, colons and commas unescaped and the URNs inside a
 *       {@code List(...)} escaped ({@code urn%3Ali%3A...}); anything else is a 400 as LinkedIn answers it;
 *   <li>an analytics call may ask for at most {@value #MAX_ANALYTICS_FIELDS} fields, all of them known (400);
 *   <li>{@code creatives} is a FINDER and needs {@code X-RestLi-Method: FINDER} (400).
 * </ul>
 * Collections page like LinkedIn's: cursor pages ({@code pageSize}, {@code pageToken},
 * {@code metadata.nextPageToken}) for accounts, campaigns, campaign groups and creatives, offset pages
 * ({@code start}, {@code count}) for the others. Analytics rows hold only the requested fields.
 */
public final class LinkedInAdsApiMock implements AutoCloseable {

    /** The ported connector's manifest on the class path. */
    public static final String MANIFEST_RESOURCE = "/linkedin_ads/manifest.yaml";

    /** LinkedIn's limit on the fields of one analytics call. */
    public static final int MAX_ANALYTICS_FIELDS = 20;

    /** At most this many elements per cursor page, whatever pageSize asks for, so that paging is exercised. */
    public static final int CURSOR_PAGE_LIMIT = 2;

    private static final Pattern ACCOUNT_PATH = Pattern.compile("/rest/adAccounts/(\\d+)/(adCampaigns|adCampaignGroups|creatives)");
    private static final Pattern URN_LIST = Pattern.compile("List\\((urn%3Ali%3A(sponsoredCampaign|sponsoredCreative)%3A(\\d+))\\)");
    private static final Pattern VALUE = Pattern.compile("\\(value:([A-Z0-9_]+)\\)");
    private static final Pattern DATE_RANGE = Pattern.compile(
            "\\(start:\\(year:(\\d{4}),month:(\\d{1,2}),day:(\\d{1,2})\\),end:\\(year:(\\d{4}),month:(\\d{1,2}),day:(\\d{1,2})\\)\\)");
    private static final Pattern OWNER = Pattern.compile("\\(sponsoredAccount:urn%3Ali%3AsponsoredAccount%3A(\\d+)\\)");

    /** One request as the server saw it: method, raw target (path and raw query) and the status answered. */
    public record Request(String method, String target, int status, String error) {
    }

    private record Answer(int status, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, String message) {
            return new Answer(status, Json.object().put("status", status).put("code", status == 400
                    ? "ILLEGAL_ARGUMENT" : "ERROR").put("message", message));
        }
    }

    private final LinkedInAdsData data;
    private final String token;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LinkedInAdsApiMock(LinkedInAdsData data, String token, int port) {
        this.data = data;
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the LinkedIn Ads mock on port " + port, e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the mock on a free port of 127.0.0.1. */
    public static LinkedInAdsApiMock start(LinkedInAdsData data, String token) {
        return new LinkedInAdsApiMock(data, token, 0);
    }

    /** {@code http://127.0.0.1:PORT}: the API answers under {@code /rest/}, as {@code https://api.linkedin.com}. */
    public URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public LinkedInAdsData data() {
        return data;
    }

    /**
     * The example's manifest (resource {@code linkedin_ads/manifest.yaml}) with LinkedIn's hosts
     * ({@code https://api.linkedin.com/} and the token endpoint's {@code https://www.linkedin.com/}) replaced by
     * this mock's origin: the one change a local run needs.
     */
    public String manifestPointedHere() {
        String manifest;
        try (InputStream in = LinkedInAdsApiMock.class.getResourceAsStream(MANIFEST_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST_RESOURCE + " is not on the class path");
            }
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifest.replace("https://api.linkedin.com/", origin() + "/")
                .replace("https://www.linkedin.com/", origin() + "/");
    }

    /**
     * A config for this mock: the access-token credentials it accepts, {@code start_date}, the accounts 1001
     * and 1002 (1003 is left out) and one custom report per entry of {@code reports}
     * ({@code name:PIVOT:GRANULARITY}).
     */
    public ObjectNode config(LocalDate startDate, String... reports) {
        ObjectNode config = Json.object().put("start_date", startDate.toString());
        config.putObject("credentials").put("auth_method", "access_token").put("access_token", token);
        config.putArray("account_ids").add(1001).add(1002);
        ArrayNode custom = config.putArray("ad_analytics_reports");
        for (String report : reports) {
            String[] parts = report.split(":");
            custom.addObject().put("name", parts[0]).put("pivot_by", parts[1]).put("time_granularity", parts[2]);
        }
        return config;
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests answered with a status of 400 or more. */
    public List<Request> refused() {
        return requests.stream().filter(request -> request.status() >= 400).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            URI uri = exchange.getRequestURI();
            String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            String target = rawQuery.isEmpty() ? uri.getRawPath() : uri.getRawPath() + "?" + rawQuery;
            Answer answer;
            try {
                answer = answer(exchange, uri.getRawPath(), rawQueryParameters(rawQuery));
            } catch (RuntimeException e) {
                answer = Answer.error(400, "Invalid request: " + e.getMessage());
            }
            requests.add(new Request(exchange.getRequestMethod(), target, answer.status(),
                    answer.status() >= 400 ? answer.body().path("message").asText() : ""));
            byte[] body = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    private Answer answer(HttpExchange exchange, String path, Map<String, String> raw) {
        if (!exchange.getRequestMethod().equals("GET")) {
            return Answer.error(405, "Only GET is served");
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.error(401, "Invalid access token");
        }
        String version = exchange.getRequestHeaders().getFirst("Linkedin-Version");
        if (version == null || !version.matches("\\d{6}")) {
            return Answer.error(426, "A valid Linkedin-Version header (YYYYMM) is required");
        }
        boolean restli2 = "2.0.0".equals(exchange.getRequestHeaders().getFirst("X-Restli-Protocol-Version"));
        Matcher account = ACCOUNT_PATH.matcher(path);
        if (path.equals("/rest/adAccounts")) {
            require(raw, "q", "search");
            return cursorPage(data.accounts(), raw);
        }
        if (path.equals("/rest/adAccountUsers")) {
            require(raw, "q", "accounts");
            long id = accountOf(decoded(raw, "accounts"));
            return offsetPage(data.accountUsers(id), raw);
        }
        if (account.matches()) {
            long id = Long.parseLong(account.group(1));
            if (data.account(id) == null) {
                return Answer.error(404, "No ad account " + id);
            }
            switch (account.group(2)) {
                case "adCampaigns" -> {
                    return restli2 ? search(raw, LinkedInAdsData.CAMPAIGN_STATUSES, data.campaigns(id))
                            : needsRestli2();
                }
                case "adCampaignGroups" -> {
                    return restli2 ? search(raw, LinkedInAdsData.CAMPAIGN_GROUP_STATUSES, data.campaignGroups(id))
                            : needsRestli2();
                }
                default -> {
                    if (!"FINDER".equals(exchange.getRequestHeaders().getFirst("X-RestLi-Method"))) {
                        return Answer.error(400, "creatives: the criteria finder needs X-RestLi-Method: FINDER");
                    }
                    require(raw, "q", "criteria");
                    return cursorPage(data.creatives(id), raw);
                }
            }
        }
        if (!restli2) {
            return needsRestli2();
        }
        return switch (path) {
            case "/rest/conversions" -> {
                require(raw, "q", "account");
                yield offsetPage(data.conversions(accountOf(decoded(raw, "account"))), raw);
            }
            case "/rest/leadForms" -> {
                require(raw, "q", "owner");
                yield offsetPage(data.leadForms(owner(raw)), raw);
            }
            case "/rest/leadFormResponses" -> {
                require(raw, "q", "owner");
                if (!"(leadType:SPONSORED)".equals(raw.get("leadType"))) {
                    throw new IllegalArgumentException("leadType must be (leadType:SPONSORED), got " + raw.get("leadType"));
                }
                yield offsetPage(data.leadFormResponses(owner(raw)), raw);
            }
            case "/rest/adAnalytics" -> analytics(raw);
            default -> Answer.error(404, "No resource at " + path);
        };
    }

    private static Answer needsRestli2() {
        return Answer.error(400, "This resource needs X-Restli-Protocol-Version: 2.0.0");
    }

    /** The campaigns' and campaign groups' finder: {@code search=(status:(values:List(A,B,...)))}, unescaped. */
    private static Answer search(Map<String, String> raw, List<String> statuses, List<ObjectNode> elements) {
        require(raw, "q", "search");
        String search = raw.get("search");
        String expected = "(status:(values:List(" + String.join(",", statuses) + ")))";
        if (!expected.equals(search)) {
            throw new IllegalArgumentException("search must be the Rest.li 2.0 value " + expected
                    + " with its parentheses, colons and commas unescaped; got " + search);
        }
        return cursorPage(elements, raw);
    }

    private Answer analytics(Map<String, String> raw) {
        require(raw, "q", "analytics");
        String pivot = restliValue(raw, "pivot");
        String granularity = restliValue(raw, "timeGranularity");
        if (!List.of("DAILY", "MONTHLY", "YEARLY", "ALL").contains(granularity)) {
            throw new IllegalArgumentException("Unknown timeGranularity " + granularity);
        }
        Matcher range = DATE_RANGE.matcher(raw.getOrDefault("dateRange", ""));
        if (!range.matches()) {
            throw new IllegalArgumentException("dateRange must be (start:(year:Y,month:M,day:D),end:(year:Y,month:M,"
                    + "day:D)) with its parentheses, colons and commas unescaped; got " + raw.get("dateRange"));
        }
        LocalDate start = LocalDate.of(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)),
                Integer.parseInt(range.group(3)));
        LocalDate end = LocalDate.of(Integer.parseInt(range.group(4)), Integer.parseInt(range.group(5)),
                Integer.parseInt(range.group(6)));
        String facet = raw.containsKey("campaigns") ? "campaigns" : "creatives";
        Matcher urns = URN_LIST.matcher(raw.getOrDefault(facet, ""));
        if (!urns.matches() || !(facet.equals("campaigns") == urns.group(2).equals("sponsoredCampaign"))) {
            throw new IllegalArgumentException(facet + " must be a Rest.li 2.0 List(...) of URNs whose colons are "
                    + "escaped (List(urn%3Ali%3A...)) and whose parentheses are not; got " + raw.get(facet));
        }
        String fieldsText = decoded(raw, "fields");
        List<String> fields = List.of(fieldsText.split(","));
        if (fields.size() > MAX_ANALYTICS_FIELDS) {
            throw new IllegalArgumentException("Too many fields requested: " + fields.size() + ", at most "
                    + MAX_ANALYTICS_FIELDS + " per call");
        }
        for (String field : fields) {
            if (!LinkedInAdsData.ANALYTICS_FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field " + field);
            }
        }
        String entity = "urn:li:" + urns.group(2) + ":" + urns.group(3);
        ObjectNode body = Json.object();
        ArrayNode elements = body.putArray("elements");
        for (LinkedInAdsData.AnalyticsRow row : data.analytics(entity, pivot, granularity, start, end)) {
            elements.add(row.project(fields));
        }
        body.putObject("paging").put("start", 0).put("count", 10).putArray("links");
        return Answer.ok(body);
    }

    private static String restliValue(Map<String, String> raw, String name) {
        Matcher value = VALUE.matcher(raw.getOrDefault(name, ""));
        if (!value.matches()) {
            throw new IllegalArgumentException(name + " must be the Rest.li 2.0 value (value:X) with its parentheses "
                    + "and colon unescaped; got " + raw.get(name));
        }
        return value.group(1);
    }

    private static long owner(Map<String, String> raw) {
        Matcher owner = OWNER.matcher(raw.getOrDefault("owner", ""));
        if (!owner.matches()) {
            throw new IllegalArgumentException("owner must be (sponsoredAccount:urn%3Ali%3AsponsoredAccount%3AID); got "
                    + raw.get("owner"));
        }
        return Long.parseLong(owner.group(1));
    }

    private static long accountOf(String urn) {
        String prefix = "urn:li:sponsoredAccount:";
        if (!urn.startsWith(prefix)) {
            throw new IllegalArgumentException("expected a sponsoredAccount URN, got " + urn);
        }
        return Long.parseLong(urn.substring(prefix.length()));
    }

    private static Answer cursorPage(List<ObjectNode> elements, Map<String, String> raw) {
        int size = Integer.parseInt(decoded(raw, "pageSize"));
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000");
        }
        int from = raw.containsKey("pageToken") ? Integer.parseInt(decoded(raw, "pageToken").substring("page-".length())) : 0;
        int to = Math.min(elements.size(), from + Math.min(size, CURSOR_PAGE_LIMIT));
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray("elements");
        elements.subList(Math.min(from, elements.size()), to).forEach(element -> page.add(element.deepCopy()));
        ObjectNode metadata = body.putObject("metadata");
        if (to < elements.size()) {
            metadata.put("nextPageToken", "page-" + to);
        }
        return Answer.ok(body);
    }

    private static Answer offsetPage(List<ObjectNode> elements, Map<String, String> raw) {
        int start = raw.containsKey("start") ? Integer.parseInt(decoded(raw, "start")) : 0;
        int count = raw.containsKey("count") ? Integer.parseInt(decoded(raw, "count")) : 10;
        if (start < 0 || count < 1 || count > 1000) {
            throw new IllegalArgumentException("start must be >= 0 and count between 1 and 1000");
        }
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray("elements");
        int to = Math.min(elements.size(), start + count);
        elements.subList(Math.min(start, elements.size()), to).forEach(element -> page.add(element.deepCopy()));
        body.putObject("paging").put("start", start).put("count", count).put("total", elements.size());
        return Answer.ok(body);
    }

    private static void require(Map<String, String> raw, String name, String value) {
        if (!value.equals(raw.containsKey(name) ? decoded(raw, name) : null)) {
            throw new IllegalArgumentException(name + " must be " + value + ", got " + raw.get(name));
        }
    }

    private static String decoded(Map<String, String> raw, String name) {
        String value = raw.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing query parameter " + name);
        }
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** The query's parameters with their values as sent (still escaped): Rest.li values are checked raw. */
    private static Map<String, String> rawQueryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (parameters.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                repeated.add(name);
            }
        }
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException("repeated query parameters " + repeated);
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * {@code java -cp ... dev.sluice.examples.linkedin.mock.LinkedInAdsApiMock [port] [token]}: serves the default
     * data set until killed (dates relative to today).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8733;
        String token = args.length > 1 ? args[1] : "linkedin-example-token";
        LinkedInAdsApiMock mock = new LinkedInAdsApiMock(LinkedInAdsData.relativeTo(LocalDate.now(java.time.ZoneOffset.UTC)), token, port);
        System.err.println("LinkedIn Ads mock API on " + mock.origin() + "/rest/ (token " + token + ")");
        Thread.currentThread().join();
    }
}
