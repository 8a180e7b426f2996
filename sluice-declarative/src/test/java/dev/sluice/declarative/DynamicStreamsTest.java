package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code dynamic_streams} with a {@code ConfigComponentsResolver}: the streams the config's items generate. */
class DynamicStreamsTest {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void close() {
        run.close();
    }

    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [static]}
            definitions:
              template:
                type: DeclarativeStream
                name: template
                $parameters: {name: template}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: https://example.com
                    path: /items
                    request_parameters: {kind: "PLACEHOLDER"}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: []}
                schema_loader:
                  type: InlineSchemaLoader
                  schema: {type: object, properties: {id: {type: integer}}}
            streams:
              - $ref: "#/definitions/template"
                name: static
                $parameters: {name: static}
            dynamic_streams:
              - type: DynamicDeclarativeStream
                stream_template:
                  $ref: "#/definitions/template"
                components_resolver:
                  type: ConfigComponentsResolver
                  stream_config:
                    type: StreamConfig
                    configs_pointer: [reports]
                    default_values: [{name: always, kind: DEFAULT}]
                  components_mapping:
                    - type: ComponentMappingDefinition
                      field_path: ["**", "name"]
                      value: "report_{{ components_values['name'] }}"
                    - type: ComponentMappingDefinition
                      field_path: [retriever, requester, request_parameters, kind]
                      value: "({{ components_values['kind'] }})"
                    - type: ComponentMappingDefinition
                      field_path: [retriever, nowhere, "**", value]
                      value: "never written"
                    - type: ComponentMappingDefinition
                      field_path: [primary_key]
                      value: "id"
                      create_or_update: true
            """;

    private List<Stream> streams(ObjectNode config) {
        return ManifestSources.fromYaml(MANIFEST).streams(Config.of(config), run);
    }

    @Test
    void eachConfigItemAndDefaultValueGeneratesAStreamAfterTheStaticOnes() {
        ObjectNode config = Json.object();
        config.putArray("reports").add(Json.object().put("name", "a").put("kind", "X"))
                .add(Json.object().put("name", "b").put("kind", "Y"));

        List<Stream> streams = streams(config);

        assertThat(streams).extracting(Stream::name).containsExactly("static", "report_a", "report_b",
                "report_always");
        assertThat(streams.get(1).toAirbyteStream().sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
        assertThat(streams.get(0).toAirbyteStream().sourceDefinedPrimaryKey()).isNullOrEmpty();
    }

    @Test
    void withoutItemsOnlyTheDefaultValuesGenerateStreams() {
        assertThat(streams(Json.object())).extracting(Stream::name).containsExactly("static", "report_always");
    }

    @Test
    void aResolverWithoutTypeGetsTheReferencesMisspeltDefaultAndIsRefusedByPathAndLine() {
        // TypeDefaults: DynamicDeclarativeStream.components_resolver defaults to "ConfigComponentResolver"
        String manifest = MANIFEST.replace("      type: ConfigComponentsResolver\n", "");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("dynamic_streams[0].components_resolver")
                .hasMessageContaining("ConfigComponentResolver")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isPositive());
    }

    @Test
    void dynamicStreamsOfTheWrongShapeAreRefusedWithPathAndLine() {
        String notAList = MANIFEST.replaceFirst("(?s)dynamic_streams:.*", "dynamic_streams: {type: DynamicDeclarativeStream}\n");
        assertThatThrownBy(() -> ManifestSources.fromYaml(notAList))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("dynamic_streams")
                .hasMessageContaining("expected a list");

        String badTemplate = MANIFEST.replace("stream_template:\n      $ref: \"#/definitions/template\"\n",
                "stream_template:\n      $ref: \"#/definitions/template\"\n      retriever: 5\n");
        assertThatThrownBy(() -> ManifestSources.fromYaml(badTemplate))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("dynamic_streams[0].stream_template.retriever")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isPositive());

        String badMapping = MANIFEST.replace("field_path: [primary_key]", "field_path: primary_key");
        assertThatThrownBy(() -> ManifestSources.fromYaml(badMapping))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("dynamic_streams[0].components_resolver.components_mapping[3].field_path")
                .hasMessageContaining("expected a list");

        String unknownField = MANIFEST.replace("default_values: [{name: always, kind: DEFAULT}]",
                "default_values: [{name: always, kind: DEFAULT}]\n        configs_pointr: [x]");
        assertThat(new ManifestValidator().validate(ManifestPipeline.fromYaml(unknownField), DeclarativeSourceSpec.class)
                .warnings()).extracting(ManifestException::getMessage)
                .anySatisfy(warning -> assertThat(warning).contains("stream_config.configs_pointr"));
    }
}
