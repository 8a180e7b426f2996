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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /employees?page=N}: a resumable full refresh. The state after each page is the next page's token
 * ({@code {"page": 7}}), so an interrupted read resumes where it stopped. Static schema
 * {@code schemas/employees.json} (its address {@code $ref}s {@code schemas/shared/address.json}).
 */
final class Employees extends HttpStream {

    private final DemoApiClient api;

    Employees(DemoApiClient api) {
        this.api = api;
    }

    @Override
    public PrimaryKey primaryKey() {
        return PrimaryKey.of("id");
    }

    @Override
    protected String urlBase() {
        return api.baseUrl();
    }

    @Override
    protected String path(Slice slice, @Nullable ObjectNode pageToken) {
        return "employees";
    }

    @Override
    protected Map<String, String> requestParameters(Slice slice, StreamState state, @Nullable ObjectNode pageToken) {
        int page = pageToken == null ? 1 : pageToken.get("page").asInt();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("page", Integer.toString(page));
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
        return DemoRecords.at(response, "data");
    }

    @Override
    protected Authenticator authenticator() {
        return api.authenticator();
    }
}
