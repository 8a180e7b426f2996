package dev.sluice.builder.testread;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.Json;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Test reads against the demo API over a real socket: pages, slices, the three limits, auxiliary requests, masking,
 * inferred schema and datetime formats, and a failing read.
 */
class TestReaderTest {

    private static final String KEY = "s3cret-demo-key";

    private DemoApi api;

    @BeforeEach
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(30).withApiKey(KEY));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ObjectNode config(int pageSize) {
        return DemoManifests.config("base_url", api.baseUri().toString(), "api_key", KEY, "page_size",
                String.valueOf(pageSize));
    }

    private StreamRead readEmployees(int pageSize, TestReadLimits limits) {
        JsonNode manifest = DemoManifests.resource("dev/sluice/examples/demo/demo-manifest.yaml");
        return new TestReader().testRead(DemoManifests.input(manifest), config(pageSize), "employees", limits, null);
    }

    private static List<Integer> recordsPerPage(StreamReadSlice slice) {
        return slice.pages().stream().map(page -> page.records().size()).toList();
    }

    @Test
    void eachPageShowsItsRequestResponseAndRecordsUntilThePageLimit() throws Exception {
        StreamRead read = readEmployees(10, TestReadLimits.DEFAULTS.withMaxPagesPerSlice(2));

        assertThat(read.slices()).hasSize(1);
        StreamReadSlice slice = read.slices().get(0);
        // A stream without partitions or cursor logs an empty slice: the reference shows null.
        assertThat(slice.sliceDescriptor()).isNull();
        assertThat(recordsPerPage(slice)).containsExactly(10, 10);
        StreamReadPage second = slice.pages().get(1);
        assertThat(second.request().url()).isEqualTo(api.baseUri() + "/employees?page_size=10&page=2");
        assertThat(second.request().httpMethod()).isEqualTo("GET");
        assertThat(second.request().body()).isNull();
        assertThat(second.response().status()).isEqualTo(200);
        assertThat(Json.parse(second.response().body()).path("data").get(0).path("id").asInt()).isEqualTo(11);
        assertThat(second.records().get(0).path("id").asInt()).isEqualTo(11);
        assertThat(second.response().headers()).containsKey("content-type");
        // The limit of 2 pages stopped the read although page 3 exists.
        assertThat(api.requests().forPath("/employees")).hasSize(2);
        assertThat(read.testReadLimitReached()).isTrue();
        // The slice's state is the latest state message, in the reference's shape (a full refresh's final state).
        JsonNode state = slice.state().get(0);
        assertThat(state.path("type").asText()).isEqualTo("STREAM");
        assertThat(state.path("stream").path("stream_descriptor").path("name").asText()).isEqualTo("employees");
        assertThat(state.path("stream").path("stream_state").path("__ab_no_cursor_state_message").asBoolean()).isTrue();
        assertThat(read.auxiliaryRequests()).isEmpty();
        assertThat(read.logs()).isEmpty();
        assertThat(read.latestConfigUpdate()).isNull();
    }

    @Test
    void theApiKeyIsMaskedInRequestsAndResponses() throws Exception {
        StreamRead read = readEmployees(10, TestReadLimits.DEFAULTS.withMaxPagesPerSlice(1));

        HttpRequestView request = read.slices().get(0).pages().get(0).request();
        assertThat(request.headers()).containsEntry("X-Api-Key", "****");
        assertThat(Json.write(read.toJson())).doesNotContain(KEY);
        // The key did reach the API.
        assertThat(api.requests().forPath("/employees").get(0).headers().get("x-api-key")).containsExactly(KEY);
    }

    @Test
    void theRecordLimitStopsAtTheFirstRecordPastIt() {
        // declarative_partition_generator.py (DeclarativePartition.read): the record after the limit ends the read.
        StreamRead read = readEmployees(10, TestReadLimits.DEFAULTS.withMaxRecords(15));

        assertThat(recordsPerPage(read.slices().get(0))).containsExactly(10, 5);
        assertThat(api.requests().forPath("/employees")).hasSize(2);
        assertThat(read.testReadLimitReached()).isTrue();
    }

    @Test
    void aRecordLimitAtAPageEndStillRequestsTheNextPageAsTheReferenceDoes() {
        // The reference asks the retriever for the next record before it checks the limit: the next page is
        // requested and shown, its records dropped.
        StreamRead read = readEmployees(10, TestReadLimits.DEFAULTS.withMaxRecords(10));

        assertThat(recordsPerPage(read.slices().get(0))).containsExactly(10, 0);
        assertThat(api.requests().forPath("/employees")).hasSize(2);
        assertThat(read.testReadLimitReached()).isTrue();
    }

    @Test
    void aReadWithinTheLimitsIsNotMarkedAsLimited() {
        StreamRead read = readEmployees(1000, TestReadLimits.DEFAULTS);

        assertThat(recordsPerPage(read.slices().get(0))).containsExactly(30);
        assertThat(read.testReadLimitReached()).isFalse();
    }

    @Test
    void theSchemaAndDatetimeFormatsAreInferredFromTheRecords() {
        StreamRead read = readEmployees(10, TestReadLimits.DEFAULTS.withMaxPagesPerSlice(1));

        JsonNode schema = read.inferredSchema();
        assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/schema#");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        // The primary key is required and not nullable; other fields are nullable with null last; integers are
        // numbers (schema_inferrer.py: IntegerToNumber, _ensure_null_type_on_top, _add_required_properties).
        assertThat(schema.path("required")).containsExactly(Json.nodes().textNode("id"));
        assertThat(schema.path("properties").path("id")).isEqualTo(Json.object().put("type", "number"));
        assertThat(schema.path("properties").path("first_name").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schema.path("properties").path("address").path("type").toString())
                .isEqualTo("[\"object\",\"null\"]");
        assertThat(schema.path("properties").path("tags").path("items").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(read.inferredDatetimeFormats()).containsEntry("hired_at", "%Y-%m-%d")
                .containsEntry("updated_at", "%Y-%m-%dT%H:%M:%SZ").doesNotContainKey("email");
    }

    private static final String DEPARTMENTS = """
            version: "6.44.0"
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [departments]}
            definitions:
              requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", http_method: GET,
                          request_headers: {X-Api-Key: "{{ config['api_key'] }}"}}
              departments:
                type: DeclarativeStream
                name: departments
                primary_key: id
                retriever:
                  type: SimpleRetriever
                  requester: {$ref: "#/definitions/requester", path: departments}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
            streams:
              - $ref: "#/definitions/departments"
              - type: DeclarativeStream
                name: department_employees
                primary_key: id
                retriever:
                  type: SimpleRetriever
                  requester:
                    $ref: "#/definitions/requester"
                    path: "departments/{{ stream_partition.department_id }}/employees"
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  partition_router:
                    type: SubstreamPartitionRouter
                    parent_stream_configs:
                      - type: ParentStreamConfig
                        stream: {$ref: "#/definitions/departments"}
                        parent_key: id
                        partition_field: department_id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
            spec:
              type: Spec
              connection_specification:
                type: object
                properties:
                  base_url: {type: string}
                  api_key: {type: string, airbyte_secret: true}
            """;

    @Test
    void aChildStreamHasOneSlicePerParentRecordAndShowsTheParentRequestAsAuxiliary() {
        StreamRead read = new TestReader().testRead(DemoManifests.input(DemoManifests.yaml(DEPARTMENTS)),
                config(100), "department_employees", TestReadLimits.DEFAULTS.withMaxSlices(3), null);

        assertThat(read.slices()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            StreamReadSlice slice = read.slices().get(i);
            // The slice as the reference logs it: partition and cursor window in one mapping (dict(StreamSlice)).
            assertThat(slice.sliceDescriptor()).isEqualTo(Json.object().put("department_id", i + 1)
                    .set("parent_slice", Json.object()));
            assertThat(slice.pages()).hasSize(1);
            assertThat(slice.pages().get(0).request().url()).endsWith("/departments/" + (i + 1) + "/employees");
            assertThat(slice.pages().get(0).records()).isNotEmpty();
        }
        // The slice limit stops the generation of slices: department 4 is never read.
        assertThat(api.requests().forPath("/departments/4/employees")).isEmpty();
        assertThat(read.testReadLimitReached()).isTrue();
        // helpers.py handle_auxiliary_request: a parent stream's request is titled and typed as such.
        assertThat(read.auxiliaryRequests()).hasSize(1);
        AuxiliaryRequest parent = read.auxiliaryRequests().get(0);
        assertThat(parent.title()).isEqualTo("Parent stream: Stream 'departments' request");
        assertThat(parent.type()).isEqualTo("PARENT_STREAM");
        assertThat(parent.description()).isEqualTo("Request performed in order to extract records for stream "
                + "'departments'");
        assertThat(parent.request().url()).isEqualTo(api.baseUri() + "/departments");
        assertThat(parent.response().status()).isEqualTo(200);
        assertThat(parent.request().headers()).containsEntry("X-Api-Key", "****");
    }

    @Test
    void aFailingReadEndsWithAnErrorLogAndKeepsWhatWasRead() {
        String manifest = DEPARTMENTS.replace("path: departments}", "path: no_such_endpoint}");
        StreamRead read = new TestReader().testRead(DemoManifests.input(DemoManifests.yaml(manifest)), config(100),
                "departments", TestReadLimits.DEFAULTS, null);

        assertThat(read.logs()).isNotEmpty();
        LogMessageView error = read.logs().get(read.logs().size() - 1);
        assertThat(error.level()).isEqualTo("ERROR");
        assertThat(error.internalMessage()).contains("404");
        assertThat(error.stacktrace()).isNotBlank();
        // The failed request is still shown as the slice's page.
        assertThat(read.slices()).hasSize(1);
        assertThat(read.slices().get(0).pages().get(0).response().status()).isEqualTo(404);
        assertThat(Json.write(read.toJson())).doesNotContain(KEY);
    }

    @Test
    void anOAuthTokenRefreshIsAnAuxiliaryRequestAndTheTokenIsMasked() throws Exception {
        try (MockWebServer tokens = new MockWebServer()) {
            tokens.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"access_token\": \"fresh-access-token\", \"expires_in\": 3600}").build());
            tokens.start();
            String manifest = DEPARTMENTS.replace("request_headers: {X-Api-Key: \"{{ config['api_key'] }}\"}",
                    "authenticator: {type: OAuthAuthenticator, token_refresh_endpoint: \"" + tokens.url("/token")
                            + "\", client_id: \"{{ config['client_id'] }}\", client_secret: "
                            + "\"{{ config['client_secret'] }}\", refresh_token: \"{{ config['refresh_token'] }}\"}")
                    .replace("api_key: {type: string, airbyte_secret: true}",
                            "client_id: {type: string}\n      client_secret: {type: string, airbyte_secret: true}\n"
                                    + "      refresh_token: {type: string, airbyte_secret: true}");
            try (DemoApi open = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(30))) {
                ObjectNode config = DemoManifests.config("base_url", open.baseUri().toString(), "client_id", "me",
                        "client_secret", "the-client-secret", "refresh_token", "the-refresh-token");
                StreamRead read = new TestReader().testRead(DemoManifests.input(DemoManifests.yaml(manifest)), config,
                        "departments", TestReadLimits.DEFAULTS, null);

                // abstract_oauth.py: the refresh is logged as "Refresh token" / "Obtains access token", type AUTH.
                assertThat(read.auxiliaryRequests()).hasSize(1);
                AuxiliaryRequest refresh = read.auxiliaryRequests().get(0);
                assertThat(refresh.title()).isEqualTo("Refresh token");
                assertThat(refresh.type()).isEqualTo("AUTH");
                assertThat(refresh.description()).isEqualTo("Obtains access token");
                assertThat(refresh.request().httpMethod()).isEqualTo("POST");
                assertThat(refresh.request().body()).contains("client_secret=****").doesNotContain("the-client-secret");
                assertThat(refresh.response().body()).contains("****").doesNotContain("fresh-access-token");
                HttpRequestView page = read.slices().get(0).pages().get(0).request();
                assertThat(page.headers()).containsEntry("Authorization", "Bearer ****");
                String all = Json.write(read.toJson());
                assertThat(all).doesNotContain("fresh-access-token").doesNotContain("the-refresh-token")
                        .doesNotContain("the-client-secret");
                RecordedRequest sent = tokens.takeRequest();
                assertThat(sent.getBody().utf8()).contains("the-client-secret");
            }
        }
    }
    @Test
    void aRotatedRefreshTokenIsTheLatestConfigUpdateWithoutTheInternalKeys() throws Exception {
        try (MockWebServer tokens = new MockWebServer()) {
            tokens.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"access_token\": \"fresh-access-token\", \"expires_in\": 3600,"
                            + " \"refresh_token\": \"rotated-refresh-token\"}").build());
            tokens.start();
            String manifest = DEPARTMENTS.replace("request_headers: {X-Api-Key: \"{{ config['api_key'] }}\"}",
                    "authenticator: {type: OAuthAuthenticator, token_refresh_endpoint: \"" + tokens.url("/token")
                            + "\", client_id: \"{{ config['client_id'] }}\", client_secret: "
                            + "\"{{ config['client_secret'] }}\", refresh_token: \"{{ config['refresh_token'] }}\","
                            + " refresh_token_updater: {}}");
            try (DemoApi open = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(30))) {
                ObjectNode config = DemoManifests.config("base_url", open.baseUri().toString(), "client_id", "me",
                        "client_secret", "the-client-secret", "refresh_token", "the-refresh-token",
                        "__command", "test_read");

                StreamRead read = new TestReader().testRead(DemoManifests.input(DemoManifests.yaml(manifest)), config,
                        "departments", TestReadLimits.DEFAULTS, null);

                // reader.py _get_latest_config_update: the last CONTROL's config, cleaned of its "__" keys.
                JsonNode update = read.latestConfigUpdate();
                assertThat(update).isNotNull();
                // The updater keeps the tokens at credentials.* (the reference's RefreshTokenUpdater defaults).
                assertThat(update.path("credentials").path("refresh_token").asText())
                        .isEqualTo("rotated-refresh-token");
                assertThat(update.has("__command")).isFalse();
                assertThat(update.path("client_id").asText()).isEqualTo("me");
            }
        }
    }
    @Test
    void aSessionTokenLoginIsAnAuxiliaryRequest() throws Exception {
        try (MockWebServer login = new MockWebServer()) {
            login.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"token\": \"session-token-value\"}").build());
            login.start();
            String manifest = DEPARTMENTS.replace("request_headers: {X-Api-Key: \"{{ config['api_key'] }}\"}",
                    "authenticator: {type: SessionTokenAuthenticator, session_token_path: [token],"
                            + " request_authentication: {type: ApiKey, inject_into: {type: RequestOption,"
                            + " inject_into: header, field_name: X-Session}},"
                            + " login_requester: {type: HttpRequester, url_base: \"" + login.url("/") + "\","
                            + " path: login, http_method: POST,"
                            + " request_body_json: {password: \"{{ config['api_key'] }}\"}}}");
            try (DemoApi open = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(30))) {
                ObjectNode config = DemoManifests.config("base_url", open.baseUri().toString(), "api_key", KEY);

                StreamRead read = new TestReader().testRead(DemoManifests.input(DemoManifests.yaml(manifest)), config,
                        "departments", TestReadLimits.DEFAULTS, null);

                // token_provider.py: the login is logged as "Login request" / "Obtains session token", type AUTH.
                assertThat(read.auxiliaryRequests()).singleElement().satisfies(request -> {
                    assertThat(request.title()).isEqualTo("Login request");
                    assertThat(request.type()).isEqualTo("AUTH");
                    assertThat(request.description()).isEqualTo("Obtains session token");
                    assertThat(request.request().body()).contains("****").doesNotContain(KEY);
                });
                assertThat(read.slices().get(0).pages().get(0).request().headers()).containsEntry("X-Session", "****");
                assertThat(Json.write(read.toJson())).doesNotContain("session-token-value").doesNotContain(KEY);
            }
        }
    }
}
