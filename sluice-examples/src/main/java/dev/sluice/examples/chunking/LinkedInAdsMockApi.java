package dev.sluice.examples.chunking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.chunking.MockApiServer.Answer;
import dev.sluice.protocol.Json;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A LinkedIn-Marketing-style ad analytics API for the {@code ad_campaign_analytics} example. Like LinkedIn, it
 * answers at most 20 fields per call and refuses more (or an unknown field) with 400, so a client must split
 * the metrics into chunks and merge the rows back by date range and pivot.
 * <ul>
 *   <li>{@code GET /rest/adAnalytics?q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&fields=f1,f2&start=S&count=C}:
 *       {@code {"elements": [...], "paging": {"start", "count", "total"}}}: one row per campaign and day, ordered
 *       by day then campaign, from offset {@code S} (default 0), at most {@code C} (1 to 100, default 10). A row
 *       holds the requested fields: {@code dateRange} ({@code {"start": {"year", "month", "day"}, "end": ...}}),
 *       {@code pivotValues} ({@code ["urn:li:sponsoredCampaign:501"]}), and metrics (integers; {@code cost*}
 *       and {@code conversionValueInLocalCurrency} as decimal strings, as LinkedIn sends them).
 * </ul>
 * Every request needs {@code Authorization: Bearer <token>} (401 otherwise).
 */
public final class LinkedInAdsMockApi implements AutoCloseable {

    /** At most this many fields per call, as LinkedIn's analytics finder. */
    public static final int MAX_FIELDS = 20;

    /** The metrics the example requests. */
    public static final List<String> METRICS = List.of("actionClicks", "adUnitClicks", "approximateMemberReach",
            "cardClicks", "cardImpressions", "clicks", "commentLikes", "comments", "companyPageClicks",
            "conversionValueInLocalCurrency", "costInLocalCurrency", "costInUsd", "documentCompletions",
            "documentFirstQuartileCompletions", "documentMidpointCompletions", "documentThirdQuartileCompletions",
            "downloadClicks", "externalWebsiteConversions", "externalWebsitePostClickConversions",
            "externalWebsitePostViewConversions", "follows", "fullScreenPlays", "impressions", "jobApplications",
            "jobApplyClicks", "landingPageClicks", "leadGenerationMailContactInfoShares",
            "leadGenerationMailInterestedClicks", "likes", "oneClickLeadFormOpens", "oneClickLeads", "opens",
            "otherEngagements", "postClickJobApplications", "postClickJobApplyClicks", "postClickRegistrations",
            "postViewJobApplications", "postViewJobApplyClicks", "postViewRegistrations", "reactions",
            "registrations", "sends", "shares", "talentLeads", "textUrlClicks", "totalEngagements",
            "validWorkEmailLeads", "videoCompletions", "videoFirstQuartileCompletions", "videoMidpointCompletions",
            "videoStarts", "videoThirdQuartileCompletions", "videoViews", "viralCardClicks", "viralCardImpressions",
            "viralClicks", "viralCommentLikes", "viralComments", "viralCompanyPageClicks",
            "viralDocumentCompletions");

    /** The campaigns rows are reported for. */
    public static final List<Integer> CAMPAIGNS = List.of(501, 502, 503, 504);

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    /** @param days how many days from 2024-01-01 (one row per campaign and day) */
    public record Options(int port, String token, int days, Duration latency) {

        public static Options defaults() {
            return new Options(0, "linkedin-example-token", 30, Duration.ZERO);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, token, days, latency);
        }
    }

    private final Options options;
    private final MockApiServer server;

    private LinkedInAdsMockApi(Options options) {
        this.options = options;
        this.server = MockApiServer.start(options.port(), options.token(), options.latency(), this::answer);
    }

    public static LinkedInAdsMockApi start(Options options) {
        return new LinkedInAdsMockApi(options);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public long requestCount() {
        return server.requests().size();
    }

    /** Requests refused with 400. */
    public long refusedCount() {
        return server.requests().stream().filter(request -> request.status() == 400).count();
    }

    /** How many rows there are: one per campaign and day. */
    public int rowCount() {
        return CAMPAIGNS.size() * options.days();
    }

    /** The value of {@code metric} for a campaign on a day: what a merged record must hold. */
    public static Object value(String metric, int campaign, LocalDate day) {
        int base = Math.floorMod((metric.hashCode() * 31 + campaign) * 31 + day.getDayOfYear(), 1000);
        if (metric.startsWith("cost") || metric.equals("conversionValueInLocalCurrency")) {
            return String.format(Locale.ROOT, "%d.%02d", base, campaign % 100);
        }
        return base;
    }

    private Answer answer(String target, String path, Map<String, String> query) {
        if (!path.equals("/rest/adAnalytics")) {
            return Answer.error(404, "Not found: " + path);
        }
        if (!"analytics".equals(query.get("q")) || !"CAMPAIGN".equals(query.get("pivot"))
                || !"DAILY".equals(query.get("timeGranularity"))) {
            return Answer.error(400, "expected q=analytics, pivot=CAMPAIGN and timeGranularity=DAILY");
        }
        Set<String> fields = new LinkedHashSet<>(Arrays.asList(query.getOrDefault("fields", "").split(",")));
        fields.remove("");
        if (fields.size() > MAX_FIELDS) {
            return Answer.error(400, "Too many fields requested: " + fields.size() + "; at most " + MAX_FIELDS
                    + " fields can be requested per call");
        }
        List<String> unknown = fields.stream().filter(field -> !METRICS.contains(field)
                && !field.equals("dateRange") && !field.equals("pivotValues")).toList();
        if (!unknown.isEmpty()) {
            return Answer.error(400, "Invalid fields: " + unknown);
        }
        int start;
        int count;
        try {
            start = Integer.parseInt(query.getOrDefault("start", "0"));
            count = Integer.parseInt(query.getOrDefault("count", "10"));
        } catch (NumberFormatException e) {
            return Answer.error(400, "start and count must be integers");
        }
        if (start < 0 || count < 1 || count > 100) {
            return Answer.error(400, "start must be >= 0 and count between 1 and 100");
        }
        ObjectNode body = Json.object();
        ArrayNode elements = body.putArray("elements");
        for (int row = start; row < Math.min(start + count, rowCount()); row++) {
            elements.add(row(row, fields));
        }
        body.putObject("paging").put("start", start).put("count", count).put("total", rowCount());
        return Answer.ok(body);
    }

    private static ObjectNode row(int index, Set<String> fields) {
        LocalDate day = FIRST_DAY.plusDays(index / CAMPAIGNS.size());
        int campaign = CAMPAIGNS.get(index % CAMPAIGNS.size());
        ObjectNode row = Json.object();
        for (String field : fields) {
            switch (field) {
                case "dateRange" -> {
                    ObjectNode range = row.putObject("dateRange");
                    date(range.putObject("start"), day);
                    date(range.putObject("end"), day);
                }
                case "pivotValues" -> row.putArray("pivotValues").add("urn:li:sponsoredCampaign:" + campaign);
                default -> {
                    Object value = value(field, campaign, day);
                    if (value instanceof String text) {
                        row.put(field, text);
                    } else {
                        row.put(field, (Integer) value);
                    }
                }
            }
        }
        return row;
    }

    private static void date(ObjectNode node, LocalDate day) {
        node.put("year", day.getYear()).put("month", day.getMonthValue()).put("day", day.getDayOfMonth());
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code java -cp ... dev.sluice.examples.chunking.LinkedInAdsMockApi [port]}: serves until killed. */
    public static void main(String[] args) throws InterruptedException {
        Options options = Options.defaults().withPort(args.length > 0 ? Integer.parseInt(args[0]) : 8732);
        LinkedInAdsMockApi api = start(options);
        System.err.println("LinkedIn-Ads-style mock API on " + api.baseUri() + " (token " + options.token()
                + ", at most " + MAX_FIELDS + " fields per call)");
        Thread.currentThread().join();
    }
}
