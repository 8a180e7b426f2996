package dev.sluice.examples.linkedin.mock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The data the {@link LinkedInAdsApiMock} serves, as LinkedIn shapes it (epoch-millisecond
 * {@code changeAuditStamps}, nested {@code targetingCriteria}, {@code dateRange} objects, URN pivot values), with
 * every timestamp relative to {@code today}, so that a read with {@code start_date = today - 40 days} sees a
 * fixed set. Each incremental collection also holds one record modified {@value #OLD_DAYS} days ago, which a
 * client-side cursor from that start date drops. Tests compute the records they expect from the same methods.
 *
 * <ul>
 *   <li>Ad accounts 1001, 1002 and 1003 (three pages of at most two);
 *   <li>campaigns: three for 1001 (2001-2003), one for 1002 (2004), one for 1003; campaign groups: two recent
 *       and one old per account; creatives: three for 1001, one for 1002, one for 1003;
 *   <li>account users: one recent, one old per account; conversions: 501 for 1001 (one old), two for the
 *       others (one old); lead forms and lead form responses: two per account;
 *   <li>analytics: one row per period and pivot value of the requested campaign or creative; a campaign or
 *       creative pivot has the entity's own URN as its one value, the member pivots two values each.
 * </ul>
 */
public final class LinkedInAdsData {

    /** How many days before today the old records were modified. */
    public static final int OLD_DAYS = 400;

    public static final List<Long> ACCOUNTS = List.of(1001L, 1002L, 1003L);

    public static final List<String> CAMPAIGN_STATUSES = List.of("ACTIVE", "PAUSED", "ARCHIVED", "COMPLETED",
            "CANCELED", "DRAFT", "PENDING_DELETION", "REMOVED");

    public static final List<String> CAMPAIGN_GROUP_STATUSES = List.of("ACTIVE", "ARCHIVED", "CANCELED", "DRAFT",
            "PAUSED", "PENDING_DELETION", "REMOVED");

    /** The metrics of an analytics row, as the connector's {@code QueryProperties} lists them. */
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
            "viralDocumentCompletions", "viralDocumentFirstQuartileCompletions", "viralDocumentMidpointCompletions",
            "viralDocumentThirdQuartileCompletions", "viralDownloadClicks", "viralExternalWebsiteConversions",
            "viralExternalWebsitePostClickConversions", "viralExternalWebsitePostViewConversions", "viralFollows",
            "viralFullScreenPlays", "viralImpressions", "viralJobApplications", "viralJobApplyClicks",
            "viralLandingPageClicks", "viralLikes", "viralOneClickLeadFormOpens", "viralOneClickLeads",
            "viralOtherEngagements", "viralPostClickJobApplications", "viralPostClickJobApplyClicks",
            "viralPostClickRegistrations", "viralPostViewJobApplications", "viralPostViewJobApplyClicks",
            "viralPostViewRegistrations", "viralReactions", "viralRegistrations", "viralShares",
            "viralTotalEngagements", "viralVideoCompletions", "viralVideoFirstQuartileCompletions",
            "viralVideoMidpointCompletions", "viralVideoStarts", "viralVideoThirdQuartileCompletions",
            "viralVideoViews");

    /** The fields an analytics call may name: the metrics and the row's own {@code dateRange}, {@code pivotValues}. */
    public static final List<String> ANALYTICS_FIELDS;

    static {
        List<String> fields = new ArrayList<>(METRICS);
        fields.add("dateRange");
        fields.add("pivotValues");
        ANALYTICS_FIELDS = List.copyOf(fields);
    }

    /** The values of each member pivot (campaign and creative pivots have the entity's own URN). */
    public static final Map<String, List<String>> PIVOT_VALUES = Map.ofEntries(
            Map.entry("IMPRESSION_DEVICE_TYPE", List.of("DESKTOP_WEB", "MOBILE_APP")),
            Map.entry("MEMBER_COMPANY_SIZE", List.of("SIZE_11_TO_50", "SIZE_201_TO_500")),
            Map.entry("MEMBER_COUNTRY_V2", List.of("urn:li:geo:101165590", "urn:li:geo:103644278")),
            Map.entry("MEMBER_JOB_FUNCTION", List.of("urn:li:function:4", "urn:li:function:8")),
            Map.entry("MEMBER_JOB_TITLE", List.of("urn:li:title:100", "urn:li:title:10326")),
            Map.entry("MEMBER_INDUSTRY", List.of("urn:li:industry:4", "urn:li:industry:96")),
            Map.entry("MEMBER_SENIORITY", List.of("urn:li:seniority:3", "urn:li:seniority:6")),
            Map.entry("MEMBER_REGION_V2", List.of("urn:li:geo:90000084", "urn:li:geo:90009496")),
            Map.entry("MEMBER_COMPANY", List.of("urn:li:organization:1337", "urn:li:organization:2414183")));

    private final LocalDate today;

    private LinkedInAdsData(LocalDate today) {
        this.today = today;
    }

    /** The data set with its timestamps relative to {@code today}. */
    public static LinkedInAdsData relativeTo(LocalDate today) {
        return new LinkedInAdsData(today);
    }

    public LocalDate today() {
        return today;
    }

    /** Epoch milliseconds of {@code daysAgo} days before today, at {@code hour}:17:42 UTC. */
    public long millis(int daysAgo, int hour) {
        return today.minusDays(daysAgo).atTime(hour, 17, 42).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    public List<ObjectNode> accounts() {
        List<ObjectNode> accounts = new ArrayList<>();
        for (long id : ACCOUNTS) {
            ObjectNode account = Json.object().put("id", id).put("name", "Account " + id).put("currency", "USD")
                    .put("status", "ACTIVE").put("type", "BUSINESS").put("test", false)
                    .put("reference", "urn:li:organization:" + (id * 7)).put("notifiedOnCampaignOptimization", true)
                    .put("notifiedOnCreativeApproval", false).put("notifiedOnCreativeRejection", true)
                    .put("notifiedOnEndOfCampaign", false).put("notifiedOnNewFeaturesEnabled", false);
            account.putArray("servingStatuses").add("RUNNABLE");
            account.putObject("version").put("versionTag", String.valueOf(id % 7));
            stamps(account, 300, (int) (id % 10));
            accounts.add(account);
        }
        return accounts;
    }

    /** The account with this id, or null. */
    public @Nullable ObjectNode account(long id) {
        return accounts().stream().filter(account -> account.get("id").asLong() == id).findFirst().orElse(null);
    }

    public List<ObjectNode> accountUsers(long account) {
        List<ObjectNode> users = new ArrayList<>();
        int[] modifiedDaysAgo = {5, OLD_DAYS};
        for (int i = 0; i < modifiedDaysAgo.length; i++) {
            ObjectNode user = Json.object().put("account", accountUrn(account))
                    .put("user", "urn:li:person:user" + account + "x" + i).put("role", i == 0 ? "ACCOUNT_MANAGER" : "VIEWER");
            stamps(user, OLD_DAYS + 10, modifiedDaysAgo[i]);
            users.add(user);
        }
        return users;
    }

    public List<ObjectNode> campaignGroups(long account) {
        List<ObjectNode> groups = new ArrayList<>();
        int[] modifiedDaysAgo = {3, 12, OLD_DAYS};
        for (int i = 0; i < modifiedDaysAgo.length; i++) {
            long id = 3000 + account * 10 + i;
            ObjectNode group = Json.object().put("id", id).put("account", accountUrn(account))
                    .put("name", "Group " + id).put("status", "ACTIVE").put("test", false).put("backfilled", false);
            group.putObject("totalBudget").put("amount", "1000.00").put("currencyCode", "USD");
            group.putObject("runSchedule").put("start", millis(60, 0));
            group.putArray("servingStatuses").add("RUNNABLE");
            stamps(group, OLD_DAYS + 5, modifiedDaysAgo[i]);
            groups.add(group);
        }
        return groups;
    }

    /** The ids of an account's campaigns. */
    public static List<Long> campaignIds(long account) {
        return account == 1001 ? List.of(2001L, 2002L, 2003L) : List.of(2000L + account - 998);
    }

    public List<ObjectNode> campaigns(long account) {
        List<ObjectNode> campaigns = new ArrayList<>();
        for (long id : campaignIds(account)) {
            ObjectNode campaign = Json.object().put("id", id).put("account", accountUrn(account))
                    .put("campaignGroup", "urn:li:sponsoredCampaignGroup:" + (3000 + account * 10))
                    .put("name", "Campaign " + id).put("status", "ACTIVE").put("type", "SPONSORED_UPDATES")
                    .put("costType", "CPM").put("format", "SINGLE_IMAGE").put("locale", "en_US")
                    .put("objectiveType", "WEBSITE_VISIT").put("test", false);
            campaign.putObject("dailyBudget").put("amount", "50.00").put("currencyCode", "USD");
            campaign.putObject("version").put("versionTag", "3");
            ObjectNode targeting = campaign.putObject("targetingCriteria");
            ArrayNode and = targeting.putObject("include").putArray("and");
            and.addObject().putObject("or").putArray("urn:li:adTargetingFacet:locations").add("urn:li:geo:103644278");
            ObjectNode titles = and.addObject().putObject("or");
            titles.putArray("urn:li:adTargetingFacet:titles").add("urn:li:title:100").add("urn:li:title:" + id);
            titles.putArray("urn:li:adTargetingFacet:seniorities").add("urn:li:seniority:3");
            targeting.putObject("exclude").putObject("or").putArray("urn:li:adTargetingFacet:employers")
                    .add("urn:li:organization:" + id);
            stamps(campaign, 90, (int) (id % 20));
            campaigns.add(campaign);
        }
        return campaigns;
    }

    /** The numeric ids of an account's creatives. */
    public static List<Long> creativeIds(long account) {
        return account == 1001 ? List.of(4001L, 4002L, 4003L) : List.of(4000L + account - 998);
    }

    public List<ObjectNode> creatives(long account) {
        List<ObjectNode> creatives = new ArrayList<>();
        List<Long> campaigns = campaignIds(account);
        List<Long> ids = creativeIds(account);
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            ObjectNode creative = Json.object().put("id", "urn:li:sponsoredCreative:" + id)
                    .put("account", accountUrn(account))
                    .put("campaign", "urn:li:sponsoredCampaign:" + campaigns.get(i % campaigns.size()))
                    .put("intendedStatus", "ACTIVE").put("isServing", true).put("isTest", false)
                    .put("createdAt", millis(80, 9)).put("createdBy", "urn:li:person:creator")
                    .put("lastModifiedAt", millis(i + 1, 10)).put("lastModifiedBy", "urn:li:person:editor");
            creative.putObject("content").put("reference", "urn:li:share:" + (id * 3));
            creatives.add(creative);
        }
        return creatives;
    }

    /** 501 conversions for 1001 (one old), two for the others (one old): the old one comes first. */
    public List<ObjectNode> conversions(long account) {
        int count = account == 1001 ? 501 : 2;
        List<ObjectNode> conversions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = account * 1000 + i;
            ObjectNode conversion = Json.object().put("id", id).put("account", accountUrn(account))
                    .put("name", "Conversion " + id).put("enabled", true).put("type", "LEAD")
                    .put("attributionType", "LAST_TOUCH_BY_CAMPAIGN").put("postClickAttributionWindowSize", 30)
                    .put("viewThroughAttributionWindowSize", 7).put("created", millis(OLD_DAYS + 1, 8))
                    .put("lastModified", i == 0 ? millis(OLD_DAYS, 8) : millis(1 + i % 30, 8));
            conversion.putObject("value").put("amount", "5").put("currencyCode", "USD");
            conversions.add(conversion);
        }
        return conversions;
    }

    public List<ObjectNode> leadForms(long account) {
        List<ObjectNode> forms = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long id = account * 100 + i;
            ObjectNode form = Json.object().put("id", id).put("owner", accountUrn(account))
                    .put("name", "Form " + id).put("state", "PUBLISHED").put("creationLocale", "en_US")
                    .put("versionId", 1).put("created", millis(50, 7)).put("lastModified", millis(2, 7));
            form.putObject("content").put("headline", "Tell us more");
            forms.add(form);
        }
        return forms;
    }

    public List<ObjectNode> leadFormResponses(long account) {
        List<ObjectNode> responses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = "response-" + account + "-" + i;
            ObjectNode response = Json.object().put("id", id).put("leadType", "SPONSORED")
                    .put("submittedAt", millis(3, 11)).put("testLead", false)
                    .put("versionedLeadGenFormUrn", "urn:li:versionedLeadGenForm:(urn:li:leadGenForm:" + account * 100
                            + ",1)").put("submitter", "urn:li:person:lead" + i);
            response.putObject("owner").put("sponsoredAccount", accountUrn(account));
            responses.add(response);
        }
        return responses;
    }

    /**
     * The analytics rows of one campaign or creative URN for a pivot and time granularity over a date range (both
     * ends inclusive): one per period and pivot value.
     */
    public List<AnalyticsRow> analytics(String entity, String pivot, String granularity, LocalDate start,
            LocalDate end) {
        List<String> values = pivot.equals("CAMPAIGN") || pivot.equals("CREATIVE") ? List.of(entity)
                : PIVOT_VALUES.getOrDefault(pivot, List.of("urn:li:unknownPivot:" + pivot));
        List<AnalyticsRow> rows = new ArrayList<>();
        LocalDate from = start;
        while (!from.isAfter(end)) {
            LocalDate to = switch (granularity) {
                case "DAILY" -> from;
                case "MONTHLY" -> from.with(TemporalAdjusters.lastDayOfMonth());
                case "YEARLY" -> from.with(TemporalAdjusters.lastDayOfYear());
                default -> end;
            };
            if (to.isAfter(end)) {
                to = end;
            }
            for (String value : values) {
                rows.add(new AnalyticsRow(entity, value, from, to));
            }
            from = to.plusDays(1);
        }
        return rows;
    }

    /** One analytics row: the entity it was asked for, its pivot value and its period. */
    public record AnalyticsRow(String entity, String pivotValue, LocalDate start, LocalDate end) {

        /** The row with only these fields, as LinkedIn answers a call that names them. */
        public ObjectNode project(List<String> fields) {
            ObjectNode row = Json.object();
            for (String field : fields) {
                switch (field) {
                    case "dateRange" -> {
                        ObjectNode range = row.putObject("dateRange");
                        date(range.putObject("start"), start);
                        date(range.putObject("end"), end);
                    }
                    case "pivotValues" -> row.putArray("pivotValues").add(pivotValue);
                    default -> {
                        Object value = metric(field);
                        if (value instanceof BigDecimal decimal) {
                            row.put(field, decimal.toPlainString());
                        } else {
                            row.put(field, (Integer) value);
                        }
                    }
                }
            }
            return row;
        }

        /**
         * The value of a metric: an integer, or for the money metrics a decimal that LinkedIn sends as a string
         * (and the stream's schema turns into a number).
         */
        public Object metric(String name) {
            int base = Math.floorMod(((name.hashCode() * 31 + entity.hashCode()) * 31 + pivotValue.hashCode()) * 31
                    + start.hashCode(), 10_000);
            if (name.startsWith("cost") || name.equals("conversionValueInLocalCurrency")) {
                return new BigDecimal(String.format(Locale.ROOT, "%d.%02d", base / 100, base % 100));
            }
            return base;
        }

        private static void date(ObjectNode node, LocalDate day) {
            node.put("year", day.getYear()).put("month", day.getMonthValue()).put("day", day.getDayOfMonth());
        }
    }

    private void stamps(ObjectNode record, int createdDaysAgo, int modifiedDaysAgo) {
        ObjectNode stamps = record.putObject("changeAuditStamps");
        stamps.putObject("created").put("time", millis(createdDaysAgo, 6));
        stamps.putObject("lastModified").put("time", millis(modifiedDaysAgo, 14));
    }

    private static String accountUrn(long account) {
        return "urn:li:sponsoredAccount:" + account;
    }
}
