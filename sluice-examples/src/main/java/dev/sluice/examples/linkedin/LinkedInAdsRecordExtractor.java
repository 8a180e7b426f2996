package dev.sluice.examples.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.extractor.RecordExtractor;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The connector's {@code LinkedInAdsRecordExtractor}: takes the records under {@code elements} and flattens
 * LinkedIn's nested structures so that destinations can normalize them, in this order:
 * <ol>
 *   <li>{@code changeAuditStamps} ({@code {"created": {"time": ms}, "lastModified": {"time": ms}}}) becomes
 *       top-level {@code created} and {@code lastModified};
 *   <li>{@code dateRange} ({@code {"start": {"year", "month", "day"}, "end": ...}}) becomes {@code start_date}
 *       and {@code end_date} ({@code YYYY-MM-DD});
 *   <li>{@code targetingCriteria}: each facet of {@code include.and[].or} and {@code exclude.or} becomes
 *       {@code {"type": facet, "values": [...]}};
 *   <li>{@code variables.data} ({@code {"<type>": {k: v}}}) becomes {@code {"type", "values": [{"key", "value"}]}}
 *       with each value as Python's {@code json.dumps} writes it;
 *   <li>{@code pivotValues} is joined with commas into {@code string_of_pivot_values} (the analytics streams'
 *       primary key and property-chunk merge key);
 *   <li>{@code pivot}, a reserved word in some destinations, is renamed {@code _pivot};
 * </ol>
 * then {@code lastModified} and {@code created} are written as RFC 3339 date-times
 * ({@code 2024-05-01T10:17:42+00:00}).
 */
public final class LinkedInAdsRecordExtractor implements RecordExtractor {

    /** Keys some destinations reserve; a record's key of that name gets a leading underscore. */
    private static final List<String> RESERVED_KEYS = List.of("pivot");

    /** The date-time shape the stamps are flattened to first, as the reference does before RFC 3339. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Python's {@code datetime.isoformat()}: seconds always, microseconds only when not zero, the offset. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Override
    public void extract(JsonNode document, Consumer<ObjectNode> records) {
        JsonNode elements = document.path("elements");
        if (!elements.isArray()) {
            return;
        }
        for (JsonNode element : elements) {
            if (!element.isObject()) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR,
                        "LinkedIn returned an element that is not an object: " + abbreviate(element));
            }
            ObjectNode record = ((ObjectNode) element).deepCopy();
            flatten(record);
            for (String name : List.of("lastModified", "created")) {
                JsonNode value = record.get(name);
                if (value != null && !value.isNull()) {
                    record.put(name, rfc3339(value));
                }
            }
            records.accept(record);
        }
    }

    /** The nested structures flattened, as the reference's {@code transform_data}. */
    static void flatten(ObjectNode record) {
        if (record.has("changeAuditStamps")) {
            changeAuditStamps(record);
        }
        if (record.has("dateRange")) {
            dateRange(record);
        }
        if (record.has("targetingCriteria")) {
            targetingCriteria(record);
        }
        if (record.has("variables")) {
            variables(record);
        }
        if (record.has("pivotValues")) {
            List<String> values = new ArrayList<>();
            record.path("pivotValues").forEach(value -> values.add(value.asText()));
            record.put("string_of_pivot_values", String.join(",", values));
        }
        for (String reserved : RESERVED_KEYS) {
            if (record.has(reserved)) {
                record.set("_" + reserved, record.remove(reserved));
            }
        }
    }

    private static void changeAuditStamps(ObjectNode record) {
        JsonNode stamps = record.remove("changeAuditStamps");
        for (String name : List.of("created", "lastModified")) {
            JsonNode time = stamps.path(name).path("time");
            if (!time.canConvertToLong()) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "changeAuditStamps." + name
                        + ".time is not a number of milliseconds: " + abbreviate(stamps));
            }
            // Whole seconds, as the reference: the milliseconds are dropped.
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(time.asLong(), 1000L));
            record.put(name, STAMP.format(instant.atOffset(ZoneOffset.UTC)));
        }
    }

    private static void dateRange(ObjectNode record) {
        JsonNode range = record.get("dateRange");
        String start = date(range, "start");
        String end = date(range, "end");
        for (String key : List.of("dateRange", "start.day", "start.month", "start.year", "end.day", "end.month",
                "end.year", "start", "end")) {
            record.remove(key);
        }
        record.put("start_date", start);
        record.put("end_date", end);
    }

    private static String date(JsonNode range, String side) {
        JsonNode day = range.path(side);
        try {
            return LocalDate.of(day.path("year").asInt(), day.path("month").asInt(), day.path("day").asInt()).toString();
        } catch (DateTimeException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "dateRange." + side + " is not a date: "
                    + abbreviate(day), e);
        }
    }

    private static void targetingCriteria(ObjectNode record) {
        JsonNode criteria = record.get("targetingCriteria");
        if (!criteria.isObject()) {
            return;
        }
        ObjectNode target = (ObjectNode) criteria;
        if (target.has("include")) {
            ArrayNode and = Json.nodes().arrayNode();
            for (JsonNode clause : target.path("include").path("and")) {
                facets(clause.path("or"), and);
            }
            ObjectNode include = Json.object();
            include.set("and", and);
            target.set("include", include);
        }
        if (target.has("exclude")) {
            ArrayNode or = Json.nodes().arrayNode();
            facets(target.path("exclude").path("or"), or);
            ObjectNode exclude = Json.object();
            exclude.set("or", or);
            target.set("exclude", exclude);
        }
    }

    /** Each facet of an {@code or} mapping as {@code {"type": facet, "values": [...]}}. */
    private static void facets(JsonNode or, ArrayNode into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = or.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> facet = it.next();
            JsonNode value = facet.getValue();
            ArrayNode values = Json.nodes().arrayNode();
            if (value.isArray() && !value.isEmpty() && (value.get(0).isTextual() || value.get(0).isObject())) {
                // A list of strings or of mappings is kept whole; a list of anything else becomes empty.
                values.addAll((ArrayNode) value);
            } else if (value.isObject()) {
                values.add(value);
            }
            ObjectNode entry = into.addObject();
            entry.put("type", facet.getKey());
            entry.set("values", values);
        }
    }

    private static void variables(ObjectNode record) {
        JsonNode variables = record.get("variables");
        if (!variables.isObject() || !variables.path("data").isObject()) {
            return;
        }
        ObjectNode target = (ObjectNode) variables;
        JsonNode data = target.remove("data");
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            target.put("type", type.getKey());
            ArrayNode values = target.putArray("values");
            for (Iterator<Map.Entry<String, JsonNode>> params = type.getValue().fields(); params.hasNext(); ) {
                Map.Entry<String, JsonNode> param = params.next();
                values.addObject().put("key", param.getKey()).put("value", PythonJson.dumps(param.getValue()));
            }
        }
    }

    /**
     * A date-time as RFC 3339 with its offset ({@code +00:00} when it has none): the flattened stamps
     * ({@code 2024-05-01 10:17:42}), ISO 8601 date-times, dates, and whole seconds since the epoch, the forms the
     * reference's parser takes.
     */
    static String rfc3339(JsonNode value) {
        String text = value.asText().strip();
        try {
            if (value.isIntegralNumber() || text.matches("\\d+")) {
                return isoformat(Instant.ofEpochSecond(Long.parseLong(text)).atOffset(ZoneOffset.UTC));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return isoformat(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            String iso = text.replace(' ', 'T').replace("Z", "+00:00");
            if (iso.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return isoformat(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            return isoformat(LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC));
        } catch (NumberFormatException | DateTimeException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot read '" + text + "' as a date-time", e);
        }
    }

    private static String isoformat(OffsetDateTime time) {
        int micros = time.getNano() / 1000;
        String offset = time.getOffset().getTotalSeconds() == 0 ? "+00:00" : time.getOffset().getId();
        return SECONDS.format(time) + (micros == 0 ? "" : String.format(Locale.ROOT, ".%06d", micros)) + offset;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
