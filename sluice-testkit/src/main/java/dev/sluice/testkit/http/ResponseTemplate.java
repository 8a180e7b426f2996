package dev.sluice.testkit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JSON response body kept in test resources, the starting point of {@link PageBuilder pages} and
 * {@link RecordBuilder records} (the reference's {@code find_template}).
 *
 * <pre>{@code
 * // src/test/resources/com/acme/http/response/employees.json, beside com.acme.EmployeesTest:
 * //   {"data": [{"id": 1, "name": "Ada", "updated_at": "2024-01-01T00:00:00Z"}], "next_page_token": null}
 * ResponseTemplate employees = ResponseTemplate.find(EmployeesTest.class, "employees");
 * Reply first = employees.page("/data").paging(Paging.fieldAt("/next_page_token"))
 *         .withRecordCount(100).withNextPage("p2").build();
 * }</pre>
 */
public final class ResponseTemplate {

    private final JsonNode json;
    private final String origin;

    private ResponseTemplate(JsonNode json, String origin) {
        this.json = json;
        this.origin = origin;
    }

    /**
     * The template {@code http/response/<name>.json} in the test resources of {@code testClass}'s package, or,
     * when there is none, at the root of the test resources ({@code /http/response/<name>.json}).
     *
     * @throws IllegalArgumentException naming both places when neither holds it, or when it is not JSON
     */
    public static ResponseTemplate find(Class<?> testClass, String name) {
        Objects.requireNonNull(testClass, "testClass is null");
        String relative = "http/response/" + name + ".json";
        URL found = testClass.getResource(relative);
        if (found == null) {
            found = testClass.getResource("/" + relative);
        }
        if (found == null) {
            String packagePath = testClass.getPackageName().replace('.', '/');
            throw new IllegalArgumentException("no response template " + name + ": looked for " + packagePath + "/"
                    + relative + " and /" + relative + " in the test resources");
        }
        try (InputStream in = found.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text, found.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the response template " + found, e);
        }
    }

    /** A template given inline. */
    public static ResponseTemplate of(String json) {
        return parse(json, "an inline template");
    }

    private static ResponseTemplate parse(String text, String origin) {
        try {
            return new ResponseTemplate(Json.parse(text), origin);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the response template " + origin + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A copy of the template's JSON. */
    public JsonNode json() {
        return json.deepCopy();
    }

    /**
     * A page built from this template, whose records are the array at {@code recordsPointer}
     * ({@code "/data"}, {@code "/response/items"}, or {@code ""} when the body is the array itself).
     */
    public PageBuilder page(String recordsPointer) {
        return new PageBuilder(json.deepCopy(), recordsPointer, origin);
    }

    /** A record built from the first record of the array at {@code recordsPointer}. */
    public RecordBuilder record(String recordsPointer) {
        return page(recordsPointer).record();
    }

    /** A {@code 200} JSON reply of the template as it is. */
    public Reply reply() {
        return Reply.json(json);
    }

    @Override
    public String toString() {
        return "ResponseTemplate(" + origin + ")";
    }
}
