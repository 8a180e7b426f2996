package dev.sluice.declarative.requester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.declarative.manifest.ValidationReport;
import dev.sluice.declarative.requester.properties.PropertyListSpec;
import dev.sluice.declarative.requester.properties.PropertyLimitType;
import dev.sluice.declarative.requester.properties.QueryPropertiesSpec;
import dev.sluice.declarative.requester.properties.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where {@code QueryProperties} may be declared on an {@code HttpRequester} (property_chunking.md §2), which one
 * wins, and what the validator and binder say about the ways to get it wrong.
 */
class QueryPropertiesDeclarationTest {

    private static final String ENDPOINT = """
            type: PropertiesFromEndpoint
            property_field_path: [name]
            retriever:
              type: SimpleRetriever
              requester: {type: HttpRequester, url_base: "https://api.example.com", path: /properties}
              record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [results]}}
            """;

    private static HttpRequesterSpec requester(String yaml) {
        return Specs.bind("type: HttpRequester\nurl_base: https://api.example.com\n" + yaml, HttpRequesterSpec.class);
    }

    private static ValidationReport validate(String yaml) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml("type: HttpRequester\nurl_base: https://x\n" + yaml);
        return new ManifestValidator().validate(manifest, HttpRequesterSpec.class);
    }

    private static ManifestException bindFailure(String yaml) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml("type: HttpRequester\nurl_base: https://x\n" + yaml);
        try {
            ManifestBinder.bind(manifest, HttpRequesterSpec.class);
        } catch (ManifestException e) {
            return e;
        }
        throw new AssertionError("binding should have failed");
    }

    @Test
    void inRequestParameters() {
        HttpRequesterSpec spec = requester("""
                request_parameters:
                  archived: "false"
                  limit: 100
                  properties:
                    type: QueryProperties
                    property_list: [a, b]
                    property_chunking: {type: PropertyChunking, property_limit_type: characters, property_limit: 15000}
                """);

        QueryPropertiesSpec query = query(spec);
        assertThat(query.propertyList()).isEqualTo(new PropertyListSpec.Names(List.of("a", "b")));
        assertThat(query.propertyChunking().propertyLimitType()).isEqualTo(PropertyLimitType.CHARACTERS);
        assertThat(spec.requestParameters().queryProperties().getKey()).isEqualTo("properties");
        assertThat(spec.requestParameters().templates().toString()).isEqualTo("{\"archived\":\"false\",\"limit\":\"100\"}");
    }

    @Test
    void requestParametersWinOverQueryPropertiesWhichWinsOverNothing() {
        HttpRequesterSpec both = requester("""
                request_parameters:
                  fields: {type: QueryProperties, property_list: [from_parameters]}
                query_properties: {type: QueryProperties, property_list: [from_query_properties]}
                """);
        HttpRequesterSpec field = requester("query_properties: {type: QueryProperties, property_list: [x]}");

        assertThat(query(both).propertyList())
                .isEqualTo(new PropertyListSpec.Names(List.of("from_parameters")));
        assertThat(query(field).propertyList()).isEqualTo(new PropertyListSpec.Names(List.of("x")));
        assertThat(requester("request_parameters: {a: b}").effectiveQueryProperties()).isNull();
        assertThat(requester("request_parameters: \"{{ config.parameters }}\"").effectiveQueryProperties()).isNull();
    }

    @Test
    void theDeprecatedFetchPropertiesFromEndpointIsOneChunkOfEveryProperty() {
        HttpRequesterSpec spec = requester("fetch_properties_from_endpoint:\n" + ENDPOINT.indent(2));

        QueryPropertiesSpec query = query(spec);
        assertThat(query.propertyList()).isInstanceOf(PropertyListSpec.Endpoint.class);
        assertThat(query.propertyChunking()).isNull();
        assertThat(query.alwaysIncludeProperties()).isEmpty();
    }

    @Test
    void onlyOneQueryPropertiesAmongTheParameters() {
        assertThat(bindFailure("""
                request_parameters:
                  a: {type: QueryProperties, property_list: [x]}
                  b: {type: QueryProperties, property_list: [y]}
                """).getMessage()).isEqualTo("request_parameters: request_parameters only supports defining one "
                + "QueryProperties field, but found 2 usages (line 3)");
    }

    @Test
    void propertiesFromAnEndpointOnlyOnce() {
        assertThat(bindFailure("request_parameters:\n  a: {type: QueryProperties, property_list: [x]}\n"
                + "fetch_properties_from_endpoint:\n" + ENDPOINT.indent(2)).getMessage())
                .startsWith("PropertiesFromEndpoint should only be specified once per stream");
    }

    @Test
    void theValidatorWalksIntoQueryPropertiesAndItsRetriever() {
        ValidationReport report = validate("""
                request_parameters:
                  listed: [a, b]
                  untyped: {property_list: [a]}
                  fields:
                    type: QueryProperties
                    property_lst: [a]
                    property_list:
                      type: PropertiesFromEndpoint
                      property_field_path: [name]
                      retriever:
                        type: SimpleRetriever
                        requester: {type: HttpRequester, url_base: "https://x", authenticator: {type: SessionTokenAuthenticator}}
                        record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    property_chunking: {type: PropertyChunking, property_limit_type: bytes}
                query_properties: {property_list: [a]}
                """);

        assertThat(report.errors()).extracting(ManifestException::getMessage).containsExactlyInAnyOrder(
                "request_parameters.listed: expected a string or a mapping, found a list (line 4)",
                "request_parameters.untyped: missing 'type' (expected 'QueryProperties') (line 5)",
                "request_parameters.fields.property_list.retriever.requester.authenticator: "
                        + "missing required field 'login_requester' (line 14)",
                "request_parameters.fields.property_list.retriever.requester.authenticator: "
                        + "missing required field 'session_token_path' (line 14)",
                "request_parameters.fields.property_list.retriever.requester.authenticator: "
                        + "missing required field 'request_authentication' (line 14)",
                "request_parameters.fields.property_chunking.property_limit_type: invalid value \"bytes\" "
                        + "(expected one of: 'characters', 'property_count') (line 16)",
                "query_properties: missing 'type' (expected 'QueryProperties') (line 17)");
        assertThat(report.warnings()).extracting(ManifestException::getMessage).containsExactly(
                "request_parameters.fields.property_lst: unknown field (did you mean 'property_list'?); it is ignored (line 8)");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> requester("""
                query_properties:
                  type: QueryProperties
                  property_list: [a]
                  property_chunking: {type: PropertyChunking, property_limit_type: property_count, property_limit: -1}
                """)).isInstanceOf(ManifestException.class).hasMessageContaining("property_limit must not be negative");
    }

    @Test
    void theMergeKeyIsAFieldOrAList() {
        HttpRequesterSpec one = requester("""
                query_properties:
                  type: QueryProperties
                  property_list: [a]
                  property_chunking:
                    type: PropertyChunking
                    property_limit_type: property_count
                    record_merge_strategy: {type: GroupByKeyMergeStrategy, key: id}
                """);
        HttpRequesterSpec two = requester("""
                query_properties:
                  type: QueryProperties
                  property_list: [a]
                  property_chunking:
                    type: PropertyChunking
                    property_limit_type: property_count
                    record_merge_strategy: {type: GroupByKeyMergeStrategy, key: [end_date, string_of_pivot_values]}
                """);

        assertThat(one.queryProperties().propertyChunking().recordMergeStrategy().key()).containsExactly("id");
        assertThat(two.queryProperties().propertyChunking().recordMergeStrategy().key())
                .containsExactly("end_date", "string_of_pivot_values");
    }

    /** The effective query properties, which the requester knows only as a request-parameter component. */
    private static QueryPropertiesSpec query(HttpRequesterSpec spec) {
        return (QueryPropertiesSpec) spec.effectiveQueryProperties();
    }
}
