package dev.sluice.examples.linkedin.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a correct port reads from {@link LinkedInAdsApiMock} with {@code start_date} and the accounts 1001 and
 * 1002, stream by stream, derived from the same {@link LinkedInAdsData}: the ids of each collection (records
 * older than the start date dropped), the flattened shapes the custom record extractor makes, and for the
 * analytics streams every metric of every row, merged back whole from the property chunks, over every day from
 * the start date to today. {@link #problems} lists what differs, empty when the records are right.
 */
public final class LinkedInAdsExpectations {

    /** The analytics streams of the manifest and the pivot each asks for. */
    public static final Map<String, String> ANALYTICS_PIVOTS = Map.ofEntries(
            Map.entry("ad_campaign_analytics", "CAMPAIGN"), Map.entry("ad_creative_analytics", "CREATIVE"),
            Map.entry("ad_impression_device_analytics", "IMPRESSION_DEVICE_TYPE"),
            Map.entry("ad_member_company_size_analytics", "MEMBER_COMPANY_SIZE"),
            Map.entry("ad_member_country_analytics", "MEMBER_COUNTRY_V2"),
            Map.entry("ad_member_job_function_analytics", "MEMBER_JOB_FUNCTION"),
            Map.entry("ad_member_job_title_analytics", "MEMBER_JOB_TITLE"),
            Map.entry("ad_member_industry_analytics", "MEMBER_INDUSTRY"),
            Map.entry("ad_member_seniority_analytics", "MEMBER_SENIORITY"),
            Map.entry("ad_member_region_analytics", "MEMBER_REGION_V2"),
            Map.entry("ad_member_company_analytics", "MEMBER_COMPANY"));

    /** The streams that are not analytics streams. */
    public static final List<String> COLLECTIONS = List.of("accounts", "account_users", "campaigns",
            "campaign_groups", "creatives", "conversions", "lead_forms", "lead_form_responses");

    private static final List<Long> CONFIGURED_ACCOUNTS = List.of(1001L, 1002L);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** A custom report of the config ({@code ad_analytics_reports}): stream {@code custom_<name>}. */
    public record CustomReport(String name, String pivot, String granularity) {
    }

    private final LinkedInAdsData data;
    private final LocalDate startDate;
    private final List<CustomReport> reports;

    public LinkedInAdsExpectations(LinkedInAdsData data, LocalDate startDate, List<CustomReport> reports) {
        this.data = data;
        this.startDate = startDate;
        this.reports = List.copyOf(reports);
    }

    /** Every stream a read must have records for: the collections, the analytics and the custom reports. */
    public List<String> streams() {
        List<String> streams = new ArrayList<>(COLLECTIONS);
        streams.addAll(new TreeSet<>(ANALYTICS_PIVOTS.keySet()));
        reports.forEach(report -> streams.add("custom_" + report.name()));
        return streams;
    }

    /** What is wrong with the records read from {@code stream}; empty when they are what a correct port reads. */
    public List<String> problems(String stream, List<ObjectNode> records) {
        List<String> problems = new ArrayList<>();
        if (records.isEmpty()) {
            problems.add(stream + ": no records");
            return problems;
        }
        switch (stream) {
            case "accounts" -> {
                ids(stream, records, "id", CONFIGURED_ACCOUNTS.stream().map(String::valueOf).toList(), problems);
                for (ObjectNode record : records) {
                    long id = record.path("id").asLong();
                    expect(problems, stream + " " + id + " created", record.path("created").asText(),
                            iso(data.millis(300, 6)));
                    expect(problems, stream + " " + id + " lastModified", record.path("lastModified").asText(),
                            iso(data.millis((int) (id % 10), 14)));
                    flattened(stream, record, problems);
                }
            }
            case "account_users" -> {
                ids(stream, records, "user", CONFIGURED_ACCOUNTS.stream().map(a -> "urn:li:person:user" + a + "x0")
                        .toList(), problems);
                records.forEach(record -> {
                    expect(problems, stream + " lastModified", record.path("lastModified").asText(),
                            iso(data.millis(5, 14)));
                    flattened(stream, record, problems);
                });
            }
            case "campaign_groups" -> {
                ids(stream, records, "id", collect(a -> List.of(3000 + a * 10, 3000 + a * 10 + 1)), problems);
                records.forEach(record -> flattened(stream, record, problems));
            }
            case "campaigns" -> {
                ids(stream, records, "id", collect(LinkedInAdsData::campaignIds), problems);
                for (ObjectNode record : records) {
                    flattened(stream, record, problems);
                    long id = record.path("id").asLong();
                    JsonNode include = record.path("targetingCriteria").path("include").path("and");
                    expect(problems, stream + " " + id + " targetingCriteria.include.and types",
                            types(include), "[urn:li:adTargetingFacet:locations, urn:li:adTargetingFacet:titles, "
                                    + "urn:li:adTargetingFacet:seniorities]");
                    expect(problems, stream + " " + id + " titles", include.path(1).path("values").toString(),
                            "[\"urn:li:title:100\",\"urn:li:title:" + id + "\"]");
                    expect(problems, stream + " " + id + " targetingCriteria.exclude.or",
                            record.path("targetingCriteria").path("exclude").path("or").toString(),
                            "[{\"type\":\"urn:li:adTargetingFacet:employers\",\"values\":[\"urn:li:organization:"
                                    + id + "\"]}]");
                }
            }
            case "creatives" -> ids(stream, records, "id", collect(LinkedInAdsData::creativeIds).stream()
                    .map(id -> "urn:li:sponsoredCreative:" + id).toList(), problems);
            case "conversions" -> {
                List<String> expected = new ArrayList<>();
                for (long account : CONFIGURED_ACCOUNTS) {
                    for (ObjectNode conversion : data.conversions(account).subList(1, data.conversions(account).size())) {
                        expected.add(conversion.get("id").asText());
                    }
                }
                ids(stream, records, "id", expected, problems);
            }
            case "lead_forms" -> ids(stream, records, "id", collect(a -> List.of(a * 100, a * 100 + 1)), problems);
            case "lead_form_responses" -> ids(stream, records, "id", CONFIGURED_ACCOUNTS.stream()
                    .flatMap(a -> List.of("response-" + a + "-0", "response-" + a + "-1").stream()).toList(), problems);
            default -> analytics(stream, records, problems);
        }
        return problems;
    }

    private void analytics(String stream, List<ObjectNode> records, List<String> problems) {
        String pivot = ANALYTICS_PIVOTS.get(stream);
        String granularity = "DAILY";
        if (pivot == null) {
            CustomReport report = reports.stream().filter(r -> stream.equals("custom_" + r.name())).findFirst()
                    .orElse(null);
            if (report == null) {
                problems.add(stream + ": not a stream of this connector");
                return;
            }
            pivot = report.pivot();
            granularity = report.granularity();
        }
        boolean creatives = pivot.equals("CREATIVE");
        String entityField = creatives ? "sponsoredCreative" : "sponsoredCampaign";
        List<Long> entities = collect(creatives ? LinkedInAdsData::creativeIds : LinkedInAdsData::campaignIds);
        Set<String> expectedDays = new TreeSet<>();
        for (long entity : entities) {
            String urn = "urn:li:" + entityField + ":" + entity;
            for (LinkedInAdsData.AnalyticsRow row : data.analytics(urn, pivot, "DAILY", startDate, data.today())) {
                expectedDays.add(entity + "|" + row.pivotValue() + "|" + row.start());
            }
        }
        Set<String> coveredDays = new TreeSet<>();
        for (ObjectNode record : records) {
            String entity = record.path(entityField).asText();
            String urn = "urn:li:" + entityField + ":" + entity;
            String pivotValue = record.path("pivotValues").path(0).asText();
            String where = stream + " " + entity + " " + pivotValue + " " + record.path("start_date").asText();
            expect(problems, where + " string_of_pivot_values", record.path("string_of_pivot_values").asText(),
                    pivotValue);
            LocalDate start;
            LocalDate end;
            try {
                start = LocalDate.parse(record.path("start_date").asText());
                end = LocalDate.parse(record.path("end_date").asText());
            } catch (RuntimeException e) {
                problems.add(where + ": no start_date and end_date");
                continue;
            }
            if (granularity.equals("DAILY") && !start.equals(end)) {
                problems.add(where + ": a daily row spans " + start + " to " + end);
            }
            LinkedInAdsData.AnalyticsRow row = new LinkedInAdsData.AnalyticsRow(urn, pivotValue, start, end);
            for (String metric : LinkedInAdsData.METRICS) {
                JsonNode value = record.get(metric);
                BigDecimal expected = new BigDecimal(row.metric(metric).toString());
                if (value == null || !value.isNumber()) {
                    problems.add(where + ": " + metric + " is " + value + ", expected the number " + expected);
                    if (problems.size() > 20) {
                        return;
                    }
                } else if (value.decimalValue().compareTo(expected) != 0) {
                    problems.add(where + ": " + metric + " is " + value + ", expected " + expected);
                }
            }
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                coveredDays.add(entity + "|" + pivotValue + "|" + day);
            }
        }
        if (!coveredDays.equals(expectedDays)) {
            Set<String> missing = new TreeSet<>(expectedDays);
            missing.removeAll(coveredDays);
            Set<String> extra = new TreeSet<>(coveredDays);
            extra.removeAll(expectedDays);
            problems.add(stream + ": days missing " + abbreviate(missing) + ", days not expected " + abbreviate(extra));
        }
    }

    private static void flattened(String stream, ObjectNode record, List<String> problems) {
        if (record.has("changeAuditStamps")) {
            problems.add(stream + ": changeAuditStamps was not flattened into created and lastModified");
        }
    }

    private static String types(JsonNode facets) {
        List<String> types = new ArrayList<>();
        facets.forEach(facet -> types.add(facet.path("type").asText()));
        return types.toString();
    }

    private static List<Long> collect(Function<Long, List<Long>> perAccount) {
        return CONFIGURED_ACCOUNTS.stream().flatMap(account -> perAccount.apply(account).stream()).toList();
    }

    private static void ids(String stream, List<ObjectNode> records, String field, List<?> expected,
            List<String> problems) {
        List<String> actual = records.stream().map(record -> record.path(field).asText()).sorted().toList();
        List<String> wanted = expected.stream().map(String::valueOf).sorted().toList();
        if (!actual.equals(wanted)) {
            problems.add(stream + ": " + field + "s " + abbreviate(actual) + ", expected " + abbreviate(wanted));
        }
    }

    private static void expect(List<String> problems, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            problems.add(what + " is " + actual + ", expected " + expected);
        }
    }

    private static String iso(long millis) {
        return SECONDS.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC)) + "+00:00";
    }

    private static String abbreviate(java.util.Collection<String> values) {
        return values.size() <= 8 ? values.toString()
                : values.stream().limit(8).collect(Collectors.joining(", ", "[", ", ... (" + values.size() + ")]"));
    }
}
