package dev.sluice.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.HttpStream;
import dev.sluice.protocol.Json;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.Slice;
import dev.sluice.source.StreamState;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /time_off_requests?updated_since=...}: incremental on {@code updated_at}. The API returns rows in
 * ascending {@code updated_at} order, so a checkpoint every 100 records is safe. The schema is the static
 * {@code schemas/time_off_requests.json} with one property added in code: {@code days}, computed per record.
 */
final class TimeOffRequests extends HttpStream {

    private final DemoApiClient api;

    TimeOffRequests(DemoApiClient api) {
        this.api = api;
    }

    @Override
    public PrimaryKey primaryKey() {
        return PrimaryKey.of("id");
    }

    @Override
    public List<String> cursorField() {
        return List.of("updated_at");
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = super.jsonSchema();
        schema.withObject("/properties").putObject("days").put("type", "integer")
                .put("description", "Calendar days off, from starts_on to ends_on inclusive");
        return schema;
    }

    @Override
    protected int checkpointInterval() {
        return 100;
    }

    @Override
    protected String urlBase() {
        return api.baseUrl();
    }

    @Override
    protected String path(Slice slice, @Nullable ObjectNode pageToken) {
        return "time_off_requests";
    }

    @Override
    protected Map<String, String> requestParameters(Slice slice, StreamState state, @Nullable ObjectNode pageToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        state.get("updated_at").ifPresent(since -> parameters.put("updated_since", since.asText()));
        parameters.put("page", pageToken == null ? "1" : pageToken.get("page").asText());
        parameters.put("page_size", Integer.toString(api.pageSize()));
        return parameters;
    }

    @Override
    protected @Nullable ObjectNode nextPageToken(HttpResponse response) {
        JsonNode next = response.json().get("next_page");
        return next == null || next.isNull() ? null : Json.object().put("page", next.asInt());
    }

    @Override
    protected List<ObjectNode> parseResponse(HttpResponse response, Slice slice) {
        List<ObjectNode> rows = DemoRecords.at(response, "data");
        return rows.stream().map(TimeOffRequests::withDays).toList();
    }

    private static ObjectNode withDays(ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        if (row.hasNonNull("starts_on") && row.hasNonNull("ends_on")) {
            long days = ChronoUnit.DAYS.between(LocalDate.parse(row.get("starts_on").asText()),
                    LocalDate.parse(row.get("ends_on").asText())) + 1;
            copy.put("days", days);
        }
        return copy;
    }

    @Override
    protected Authenticator authenticator() {
        return api.authenticator();
    }
}
