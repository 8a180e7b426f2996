package dev.sluice.examples.chunking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.chunking.MockApiServer.Answer;
import dev.sluice.protocol.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A HubSpot-style CRM API for the {@code contacts} example. Like HubSpot, it refuses a request whose URL is
 * too long with 414, so a client must split the properties it asks for into chunks of limited length.
 * <ul>
 *   <li>{@code GET /crm/v3/properties/contacts}: {@code {"results": [{"name", "label", "type", "fieldType",
 *       "groupName"}]}}, every contact property, one page.
 *   <li>{@code GET /crm/v3/objects/contacts?limit=L&after=A&properties=p1,p2}: {@code {"results": [{"id",
 *       "properties": {...}, "createdAt", "updatedAt", "archived"}], "paging": {"next": {"after": "..."}}}},
 *       contacts in id order after {@code A}, at most {@code L} (1 to 100, default 10). {@code properties} holds
 *       the requested properties (null when a contact has no value) plus {@code createdate},
 *       {@code hs_object_id} and {@code lastmodifieddate}, as HubSpot always returns them; unknown names are
 *       ignored.
 * </ul>
 * Every request needs {@code Authorization: Bearer <token>} (401 otherwise). A request target (path and query)
 * longer than {@link Options#maxRequestTarget()} characters is refused with 414 {@code URI Too Long}.
 */
public final class HubSpotMockApi implements AutoCloseable {

    /** The contact properties the properties endpoint lists (those of a real portal, abridged). */
    public static final List<String> PROPERTIES = List.of("firstname", "lastname", "email", "phone", "mobilephone",
            "company", "website", "jobtitle", "address", "city", "state", "zip", "country", "industry",
            "annualrevenue", "numemployees", "lifecyclestage", "hs_lead_status", "hubspot_owner_id",
            "hs_analytics_source", "hs_analytics_source_data_1", "hs_analytics_source_data_2",
            "hs_analytics_first_url", "hs_analytics_last_url", "hs_analytics_num_page_views",
            "hs_analytics_num_visits", "hs_analytics_first_timestamp", "hs_analytics_last_timestamp",
            "hs_email_domain", "hs_email_open", "hs_email_click", "hs_email_bounce", "hs_email_optout",
            "hs_email_last_open_date", "hs_email_last_click_date", "hs_email_sends_since_last_engagement",
            "hs_latest_source", "hs_latest_source_data_1", "hs_latest_source_timestamp", "hs_persona",
            "hs_language", "hs_timezone", "hs_social_twitter_clicks", "hs_social_facebook_clicks",
            "hs_social_linkedin_clicks", "hs_social_num_broadcast_clicks", "hs_sales_email_last_replied",
            "hs_sequences_enrolled_count", "hs_time_to_first_engagement", "hs_predictivecontactscore_v2",
            "hs_predictivescoringtier", "notes_last_contacted", "notes_last_updated", "num_contacted_notes",
            "num_notes", "num_associated_deals", "recent_deal_amount", "recent_deal_close_date", "total_revenue",
            "first_deal_created_date", "days_to_close", "hs_marketable_status", "hs_marketable_reason_type",
            "hs_object_source", "hs_object_source_label", "message", "date_of_birth", "gender", "marital_status",
            "school", "degree", "field_of_study", "graduation_date", "work_email", "twitterhandle", "linkedinbio",
            "followercount");

    /** The properties HubSpot returns whether or not they were asked for. */
    public static final List<String> ALWAYS_RETURNED = List.of("createdate", "hs_object_id", "lastmodifieddate");

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    /**
     * @param contacts         how many contacts (ids 1001, 1002, ...)
     * @param maxRequestTarget the longest request target served; longer ones get 414
     * @param omitted          for the data-quality example: requests asking for this property do not return the
     *                         contact with this id (empty for none)
     */
    public record Options(int port, String token, int contacts, int maxRequestTarget, Duration latency,
            Map<String, String> omitted) {

        public Options {
            omitted = Map.copyOf(omitted);
        }

        public static Options defaults() {
            return new Options(0, "hubspot-example-token", 250, 700, Duration.ZERO, Map.of());
        }

        public Options withPort(int newPort) {
            return new Options(newPort, token, contacts, maxRequestTarget, latency, omitted);
        }

        /** Requests asking for {@code property} leave contact {@code id} out. */
        public Options omitting(String property, String id) {
            return new Options(port, token, contacts, maxRequestTarget, latency, Map.of(property, id));
        }
    }

    private final Options options;
    private final MockApiServer server;

    private HubSpotMockApi(Options options) {
        this.options = options;
        this.server = MockApiServer.start(options.port(), options.token(), options.latency(), this::answer);
    }

    public static HubSpotMockApi start(Options options) {
        return new HubSpotMockApi(options);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** Requests to {@code path} so far. */
    public long requestCount(String path) {
        return server.requests().stream().filter(request -> request.path().equals(path)).count();
    }

    /** Requests refused because of their length. */
    public long refusedCount() {
        return server.requests().stream().filter(request -> request.status() == 414).count();
    }

    /** The value of {@code property} for contact {@code id}: what a merged record must hold. */
    public static String value(String property, int id) {
        if (property.equals("email") || property.equals("work_email")) {
            return "contact" + id + "@example.com";
        }
        return property + "-" + id;
    }

    /** Contacts have no value (null) for some properties, as real ones do. */
    public static boolean hasValue(String property, int id) {
        return (id + property.length()) % 7 != 0;
    }

    private Answer answer(String target, String path, Map<String, String> query) {
        if (target.length() > options.maxRequestTarget()) {
            return Answer.error(414, "URI Too Long: the request target has " + target.length()
                    + " characters; at most " + options.maxRequestTarget() + " are accepted");
        }
        return switch (path) {
            case "/crm/v3/properties/contacts" -> Answer.ok(properties());
            case "/crm/v3/objects/contacts" -> contacts(query);
            default -> Answer.error(404, "Not found: " + path);
        };
    }

    private static ObjectNode properties() {
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        for (String name : PROPERTIES) {
            results.addObject().put("name", name).put("label", label(name)).put("type", "string")
                    .put("fieldType", "text").put("groupName", "contactinformation");
        }
        return body;
    }

    private static String label(String name) {
        String spaced = name.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private Answer contacts(Map<String, String> query) {
        int limit;
        int after;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "10"));
            after = Integer.parseInt(query.getOrDefault("after", "1000"));
        } catch (NumberFormatException e) {
            return Answer.error(400, "limit and after must be integers");
        }
        if (limit < 1 || limit > 100) {
            return Answer.error(400, "limit must be between 1 and 100, got " + limit);
        }
        Set<String> requested = new LinkedHashSet<>(query.containsKey("properties")
                ? Arrays.asList(query.get("properties").split(",")) : List.of("firstname", "lastname", "email"));
        requested.retainAll(PROPERTIES);
        String omittedId = requested.stream().map(options.omitted()::get).filter(id -> id != null).findFirst()
                .orElse("");
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        int last = Math.min(1000 + options.contacts(), after + limit);
        for (int id = after + 1; id <= last; id++) {
            // An omitted contact leaves a gap: the page still ends where it would have.
            if (!String.valueOf(id).equals(omittedId)) {
                results.add(contact(id, requested));
            }
        }
        if (last < 1000 + options.contacts()) {
            body.putObject("paging").putObject("next").put("after", String.valueOf(last))
                    .put("link", "/crm/v3/objects/contacts?after=" + last);
        }
        return Answer.ok(body);
    }

    private static ObjectNode contact(int id, Set<String> requested) {
        ObjectNode contact = Json.object().put("id", String.valueOf(id));
        ObjectNode properties = contact.putObject("properties");
        String created = EPOCH.plusSeconds(id * 3600L).toString();
        String modified = EPOCH.plusSeconds(id * 7200L).toString();
        properties.put("createdate", created).put("hs_object_id", String.valueOf(id)).put("lastmodifieddate", modified);
        for (String property : requested) {
            properties.put(property, hasValue(property, id) ? value(property, id) : null);
        }
        contact.put("createdAt", created).put("updatedAt", modified).put("archived", false);
        return contact;
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code java -cp ... dev.sluice.examples.chunking.HubSpotMockApi [port]}: serves until killed. */
    public static void main(String[] args) throws InterruptedException {
        Options options = Options.defaults().withPort(args.length > 0 ? Integer.parseInt(args[0]) : 8731);
        HubSpotMockApi api = start(options);
        System.err.println("HubSpot-style mock API on " + api.baseUri() + " (token " + options.token()
                + ", requests longer than " + options.maxRequestTarget() + " characters get 414)");
        Thread.currentThread().join();
    }
}
