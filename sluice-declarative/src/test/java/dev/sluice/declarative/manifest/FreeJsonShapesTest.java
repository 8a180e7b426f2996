package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.declarative.DeclarativeSourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fields bound as free JSON that hold upstream structure ({@link ValidatedAs}) are validated like the rest: path,
 * line and expected shape. The shapes follow the upstream schema's {@code AuthFlow}, {@code MinMaxDatetime} and
 * {@code RequestBodyGraphQlQuery}.
 */
class FreeJsonShapesTest {

    private static final Path CORPUS = Path.of("../../shared/manifests");

    private static String manifest(String spec, String cursorStart, String body) {
        return """
                version: 6.0.0
                check: {stream_names: [s]}
                spec:
                  type: Spec
                  connection_specification: {type: object}
                SPEC
                streams:
                  - type: DeclarativeStream
                    name: s
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: https://api.example.com
                        http_method: POST
                BODY
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    incremental_sync:
                      type: DatetimeBasedCursor
                      cursor_field: updated
                      datetime_format: "%Y-%m-%d"
                      start_datetime: START
                """.replace("SPEC", spec.indent(2).stripTrailing())
                .replace("BODY", body.indent(8).stripTrailing())
                .replace("START", cursorStart);
    }

    private static List<String> problems(String yaml) {
        ValidationReport report = new ManifestValidator().validate(ManifestPipeline.fromYaml(yaml),
                DeclarativeSourceSpec.class);
        List<String> all = new ArrayList<>();
        report.errors().forEach(error -> all.add("error " + error.getMessage()));
        report.warnings().forEach(warning -> all.add("warning " + warning.getMessage()));
        return all;
    }

    private static final String GRAPHQL = "request_body: {type: RequestBodyGraphQL, value: {query: \"{ a }\"}}";

    @Test
    void aWellFormedManifestHasNoProblems() {
        String auth = """
                advanced_auth:
                  auth_flow_type: oauth2.0
                  predicate_key: [credentials, auth_type]
                  predicate_value: oauth2
                  oauth_config_specification:
                    complete_oauth_output_specification: {type: object}
                    oauth_connector_input_specification:
                      consent_url: "https://example.com/auth?{{ client_id_param }}"
                      access_token_url: https://example.com/token
                      scopes: [{scope: read, extra: kept}]
                      state: {min: 7, max: 27}
                    some_future_key: allowed
                """;
        assertThat(problems(manifest(auth, "{type: MinMaxDatetime, datetime: \"2024-01-01\", min_datetime: "
                + "\"2023-01-01\"}", GRAPHQL))).isEmpty();
        assertThat(problems(manifest("", "\"{{ config['start'] }}\"", GRAPHQL))).isEmpty();
    }

    @Test
    void advancedAuthIsValidatedWithPathAndLine() {
        String auth = """
                advanced_auth:
                  auth_flow_type: oauth3.0
                  predicate_key: credentials
                  oauth_config_specification:
                    oauth_connector_input_specification: {consent_url: "https://example.com"}
                """;
        assertThat(problems(manifest(auth, "\"2024-01-01\"", GRAPHQL))).containsExactlyInAnyOrder(
                "error spec.advanced_auth.auth_flow_type: invalid value \"oauth3.0\" (expected one of: 'oauth2.0',"
                        + " 'oauth1.0') (line 7)",
                "error spec.advanced_auth.predicate_key: expected a list, found a string (line 8)",
                "error spec.advanced_auth.oauth_config_specification.oauth_connector_input_specification: missing "
                        + "required field 'access_token_url' (line 10)");
    }

    @Test
    void aMinMaxDatetimeIsValidatedWithPathAndLine() {
        assertThat(problems(manifest("", "{type: MinMaxDatetime, datetme: \"2024-01-01\"}", GRAPHQL)))
                .containsExactlyInAnyOrder(
                        "error streams[0].incremental_sync.start_datetime: missing required field 'datetime' (line 22)",
                        "warning streams[0].incremental_sync.start_datetime.datetme: unknown field (did you mean "
                                + "'datetime'?); it is ignored (line 22)");
        assertThat(problems(manifest("", "{type: MinMaxDatetim, datetime: \"2024-01-01\"}", GRAPHQL)))
                .singleElement().asString().contains("start_datetime: unknown type 'MinMaxDatetim' (did you mean "
                        + "'MinMaxDatetime'?)").contains("(line 22)");
        assertThat(problems(manifest("", "[\"2024-01-01\"]", GRAPHQL))).containsExactly(
                "error streams[0].incremental_sync.start_datetime: expected a string or a mapping, found a list "
                        + "(line 22)");
    }

    @Test
    void aGraphQlBodyNeedsItsQuery() {
        assertThat(problems(manifest("", "\"2024-01-01\"",
                "request_body: {type: RequestBodyGraphQL, value: {querry: \"{ a }\"}}"))).containsExactly(
                "error streams[0].retriever.requester.request_body.value: missing required field 'query' (line 16)");
    }

    /** The real manifests' {@code advanced_auth}, datetime bounds and GraphQL bodies have no errors. */
    @Test
    void theSharedManifestsFreeJsonShapesValidate() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS) || "true".equals(System.getenv("CI")), "shared manifests not present");
        List<Path> manifests;
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            manifests = dirs.map(dir -> dir.resolve("manifest.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
        List<String> found = new ArrayList<>();
        for (Path file : manifests) {
            String text = Files.readString(file);
            if (!text.contains("advanced_auth") && !text.contains("MinMaxDatetime") && !text.contains("GraphQL")) {
                continue;
            }
            ResolvedManifest manifest = ManifestPipeline.fromYaml(text);
            ValidationReport report = new ManifestValidator().validate(manifest, DeclarativeSourceSpec.class);
            // Warnings are left out: real manifests carry keys the reference ignores (e.g. a copied `name`).
            report.errors().stream()
                    .map(Throwable::getMessage)
                    .filter(message -> message.contains("advanced_auth") || message.contains("_datetime")
                            || message.contains("request_body.value"))
                    .forEach(message -> found.add(file.getParent().getFileName() + ": " + message));
        }
        assertThat(found).isEmpty();
    }
}
