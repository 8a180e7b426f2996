package dev.sluice.declarative.custom;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.ManifestSources;
import dev.sluice.loader.SourceLoader;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.AirbyteTrace.TraceError;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong with a custom component, said with the YAML path and line: a class that is missing (a Python class
 * name gets its own advice), implements the wrong interface, cannot be constructed or fails constructing; and the
 * gate on custom code in manifests given as data.
 */
class CustomComponentErrorsTest {

    private static final String EXAMPLES = "dev.sluice.declarative.custom.examples.";
    /** The extractor is declared on line 13 of {@link #manifest}. */
    private static final String EXTRACTOR_AT = "at /streams/0/retriever/record_selector/extractor, line 13";

    @RegisterExtension
    final MockApi api = new MockApi();
    @TempDir
    Path dir;

    private static String manifest(String extractor) {
        return CustomComponentsEndToEndTest.stream(CustomComponentsEndToEndTest.retriever("")).replace(
                "extractor: {type: DpathExtractor, field_path: [data]}", "extractor: " + extractor);
    }

    private Path file(String manifest) throws IOException {
        Path file = dir.resolve("manifest.yaml");
        Files.writeString(file, manifest);
        return file;
    }

    /**
     * The error of reading the manifest file loaded with {@code classLoader}: custom components are created when a
     * stream is read.
     */
    private TraceError buildFailure(String manifest, ClassLoader classLoader) throws IOException {
        return readFailure(new SourceLoader(classLoader).load(SourceLocation.manifestFile(file(manifest))));
    }

    private TraceError readFailure(Source source) {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}], \"elements\": {\"a\": {\"id\": 1}}}"));
        Output output = ConnectorHarness.of(source).readAll(api.config(), false, StateInput.empty());
        assertThat(output.errors()).as("errors of the read").isNotEmpty();
        return output.errors().get(0);
    }

    @Test
    void aMissingClassNamesTheClassAndWhatTheClassLoaderSearched() throws IOException {
        URL plugins = dir.resolve("plugins").toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugins}, getClass().getClassLoader())) {
            TraceError error = buildFailure(manifest(
                    "{type: CustomRecordExtractor, class_name: com.acme.Elements}"), loader);

            assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(error.message()).contains("CustomRecordExtractor: no class com.acme.Elements")
                    .contains(plugins.toString()).contains(EXTRACTOR_AT);
            assertThat(error.internalMessage()).endsWith("(" + EXTRACTOR_AT + ")");
        }
    }

    @Test
    void aPythonClassNameIsToldHowToWriteTheJavaComponent() throws IOException {
        for (String python : new String[] {"source_declarative_manifest.components.LinkedInAdsRecordExtractor",
                "components.ElementsExtractor", "source_linkedin_ads.components.Extractor"}) {
            TraceError error = buildFailure(manifest("{type: CustomRecordExtractor, class_name: " + python
                    + "}"), getClass().getClassLoader());

            assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(error.message()).contains(python).contains("Python components cannot run in Sluice")
                    .contains("implementing dev.sluice.declarative.extractor.RecordExtractor")
                    .contains(CustomComponentContext.class.getName()).contains("--classpath")
                    .contains(EXTRACTOR_AT);
        }
        assertThat(CustomComponents.looksLikePython("com.acme.Elements")).isFalse();
        assertThat(CustomComponents.looksLikePython("com.acme.components.Elements")).isTrue();
    }

    @Test
    void aClassOfAnotherSlotNamesTheInterfaceExpected() throws IOException {
        TraceError error = buildFailure(manifest("{type: CustomRecordExtractor, class_name: " + EXAMPLES
                + "NotAComponent}"), getClass().getClassLoader());
        TraceError wrongSlot = buildFailure(manifest("{type: CustomRecordExtractor, class_name: " + EXAMPLES
                + "ShoutTransformation}"), getClass().getClassLoader());

        assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(error.message()).contains(EXAMPLES + "NotAComponent does not implement "
                + "dev.sluice.declarative.extractor.RecordExtractor").contains(EXTRACTOR_AT);
        assertThat(wrongSlot.message()).contains("does not implement dev.sluice.declarative.extractor.RecordExtractor");
    }

    @Test
    void aClassWithoutAUsableConstructorSaysWhichConstructorsWork() throws IOException {
        String manifest = CustomComponentsEndToEndTest.stream(CustomComponentsEndToEndTest.retriever("")
                + "transformations: [{type: CustomTransformation, class_name: " + EXAMPLES + "NeedsAString}]\n");

        TraceError error = buildFailure(manifest, getClass().getClassLoader());

        assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(error.message()).contains("needs a public constructor taking a "
                + CustomComponentContext.class.getName() + ", or a public no-argument constructor")
                .contains("at /streams/0/transformations/0, line 14");
    }

    @Test
    void aConstructorThatFailsIsASystemErrorWithItsCause() throws IOException {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}]}"));
        String manifest = CustomComponentsEndToEndTest.stream(CustomComponentsEndToEndTest.retriever("")
                + "transformations: [{type: CustomTransformation, class_name: " + EXAMPLES + "FailingConstruction, "
                + "token: \"{{ config.token }}\"}]\n") + """
                spec:
                  type: Spec
                  connection_specification:
                    type: object
                    properties: {token: {type: string, airbyte_secret: true}}
                """;

        Output output = ConnectorHarness.of(SourceLocation.manifestFile(file(manifest)), getClass().getClassLoader())
                .readAll(api.config("{\"token\": \"hunter2-secret\"}"), false, StateInput.empty());

        assertThat(output.errors()).isNotEmpty();
        TraceError error = output.errors().get(0);
        assertThat(error.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
        assertThat(error.internalMessage()).contains("constructing " + EXAMPLES + "FailingConstruction failed")
                .contains("IllegalStateException: cannot start with token")
                .contains("at /streams/0/transformations/0, line 14");
    }

    @Test
    void aManifestGivenAsDataRunsCustomCodeOnlyWhereAllowed() throws IOException {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}], \"elements\": {\"a\": {\"id\": 1}}}"));
        String manifest = manifest("{type: CustomRecordExtractor, class_name: " + EXAMPLES
                + "KeyedElementsExtractor, key: elements}");
        ClassLoader classes = getClass().getClassLoader();
        SourceLocation yaml = SourceLocation.manifestYaml(manifest);
        SourceLocation injected = SourceLocation.manifestObject(dev.sluice.declarative.manifest.ManifestLoader.fromYaml(manifest).root());

        for (SourceLocation data : new SourceLocation[] {yaml, injected}) {
            TraceError refused = readFailure(new SourceLoader(classes, Map.of()).load(data));
            assertThat(refused.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(refused.message()).contains("KeyedElementsExtractor was not loaded")
                    .contains("AIRBYTE_ENABLE_UNSAFE_CODE=true")
                    .contains("at /streams/0/retriever/record_selector/extractor");
            Source allowedByEnvironment = new SourceLoader(classes, Map.of("AIRBYTE_ENABLE_UNSAFE_CODE", "true"))
                    .load(data);
            assertThat(ConnectorHarness.of(allowedByEnvironment).readAll(api.config(), false, StateInput.empty())
                    .records("items")).hasSize(1);
            Source allowedExplicitly = new SourceLoader(classes).allowingUnsafeCode().load(data);
            assertThat(ConnectorHarness.of(allowedExplicitly).readAll(api.config(), false, StateInput.empty())
                    .records("items")).hasSize(1);
        }
        Source fromFile = new SourceLoader(classes, Map.of()).load(SourceLocation.manifestFile(file(manifest)));
        assertThat(ConnectorHarness.of(fromFile).readAll(api.config(), false, StateInput.empty()).records("items"))
                .hasSize(1);
    }

    @Test
    void validateChecksTheShapeAndLoadsNoClass() throws IOException {
        Path missing = file(manifest("{type: CustomRecordExtractor, class_name: com.acme.Missing, key: x}"));

        assertThat(ManifestSources.validate(missing).isValid()).isTrue();
        assertThat(ManifestSources.validate(file(manifest("{type: CustomRecordExtractor, key: x}"))).errors())
                .extracting(ConnectorException::getMessage).anyMatch(message -> message.contains("class_name"));
    }

    @Test
    void theContextIsATypedReadOnlyViewOfTheFields() throws Exception {
        CustomComponentContext context = new CustomComponentContext("com.acme.X", Json.parse("""
                {"type": "CustomX", "class_name": "com.acme.X", "name": "{{ config.region }}-{{ parameters.tier }}",
                 "size": "12", "on": "True", "tags": ["a", "b"], "nested": {"deep": 1}}""").deepCopy(),
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse("{\"tier\": \"gold\"}"),
                dev.sluice.declarative.fixtures.Components.context("{\"region\": \"eu\"}"),
                new dev.sluice.declarative.manifest.SpecLocation("/streams/0/x", 7));

        assertThat(context.fieldNames()).containsExactly("name", "size", "on", "tags", "nested");
        assertThat(context.rendered("name")).contains("eu-gold");
        assertThat(context.integer("size")).contains(12L);
        assertThat(context.bool("on")).contains(true);
        assertThat(context.strings("tags")).containsExactly("a", "b");
        assertThat(context.string("missing")).isEmpty();
        context.field("nested").map(com.fasterxml.jackson.databind.node.ObjectNode.class::cast).orElseThrow()
                .put("deep", 2);
        assertThat(context.field("nested").orElseThrow().path("deep").asInt()).as("a copy").isEqualTo(1);
        assertThatThrownBy(() -> context.integer("name")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(e.getMessage()).contains("com.acme.X: field 'name' must be an integer")
                    .endsWith("(at /streams/0/x, line 7)");
        });
        assertThatThrownBy(() -> context.string("tags")).hasMessageContaining("must be a single value");
    }
}
