package dev.sluice.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way {@link SourceLoader} loads a source, and every way it fails. */
class SourceLoaderTest {

    private final SourceLoader loader = new SourceLoader(SourceLoaderTest.class.getClassLoader());

    @Test
    void aSourceClassIsBuiltWithItsNoArgumentConstructor() {
        Source source = loader.load(SourceLocation.className(Fixed.class.getName()));

        assertThat(source).isInstanceOf(Fixed.class);
        assertThat(loader.spec(SourceLocation.className(Fixed.class.getName())).documentationUrl()).isEqualTo("fixed");
    }

    @Test
    void aMissingClassIsAConfigErrorNamingTheClassAndTheClassPathSearched() throws IOException {
        assertThatThrownBy(() -> loader.load(SourceLocation.className("dev.acme.Missing")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
                    assertThat(e.userMessage()).contains("dev.acme.Missing")
                            .contains(System.getProperty("java.class.path"));
                });

        URL plugin = Path.of("plugins", "acme.jar").toUri().toURL();
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {plugin}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> new SourceLoader(plugins).load(SourceLocation.className("dev.acme.Missing")))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.userMessage())
                            .contains("dev.acme.Missing").contains(plugin.toString()));
        }
    }

    @Test
    void aClassThatIsNoSourceIsAConfigError() {
        assertConfigError(String.class, "is not a dev.sluice.source.Source");
        assertConfigError(Abstract.class, "is abstract");
    }

    @Test
    void aSourceWithoutAPublicNoArgumentConstructorIsAConfigError() {
        assertConfigError(NeedsArgument.class, "needs a public no-argument constructor");
        assertConfigError(Hidden.class, "needs a public no-argument constructor");
    }

    @Test
    void aConstructorThatThrowsIsASystemErrorUnlessItThrowsAConnectorException() {
        assertThatThrownBy(() -> loader.load(SourceLocation.className(Throwing.class.getName())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
                    assertThat(e.userMessage()).contains(Throwing.class.getName()).contains("boom");
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                });

        assertThatThrownBy(() -> loader.load(SourceLocation.className(Refusing.class.getName())))
                .isSameAs(Refusing.REFUSAL);
    }

    @Test
    void theManifestKindsGoToTheProviderThatServiceLoaderFinds(@TempDir Path dir) {
        Path file = dir.resolve("manifest.yaml");

        assertThat(describe(loader.load(SourceLocation.manifestFile(file)))).isEqualTo("fromFile manifest.yaml");
        assertThat(describe(loader.load(SourceLocation.manifestYaml("version: 6")))).isEqualTo("fromYaml version: 6");
        assertThat(describe(loader.load(SourceLocation.manifestObject(Json.object().put("version", "6.1")))))
                .isEqualTo("fromJson 6.1");
        assertThat(loader.spec(SourceLocation.manifestFile(file)).documentationUrl()).isEqualTo("specOf manifest.yaml");
        assertThat(loader.spec(SourceLocation.manifestYaml("a: b")).documentationUrl()).isEqualTo("fromYaml a: b");
    }

    @Test
    void customCodeRunsForChosenManifestsAndForDataOnlyWhereAllowed(@TempDir Path dir) {
        SourceLocation file = SourceLocation.manifestFile(dir.resolve("manifest.yaml"));
        SourceLocation resource = SourceLocation.manifestResource("dev/sluice/loader/resource-manifest.yaml");
        SourceLocation yaml = SourceLocation.manifestYaml("version: 6");
        SourceLocation object = SourceLocation.manifestObject(Json.object().put("version", "6.1"));

        assertThat(codeOf(loader, file).isAllowed()).isTrue();
        assertThat(codeOf(loader, resource).isAllowed()).isTrue();
        assertThat(describe(loader.load(resource))).startsWith("fromYaml version: 6.2");
        for (SourceLocation data : List.of(yaml, object)) {
            CustomCode refused = codeOf(loader, data);
            assertThat(refused.isAllowed()).isFalse();
            assertThat(refused.refusal()).contains("AIRBYTE_ENABLE_UNSAFE_CODE=true");
            assertThat(refused.classLoader()).isSameAs(getClass().getClassLoader());
            assertThat(codeOf(new SourceLoader(getClass().getClassLoader(),
                    java.util.Map.of("AIRBYTE_ENABLE_UNSAFE_CODE", "True")), data).isAllowed()).isTrue();
            assertThat(codeOf(new SourceLoader(getClass().getClassLoader(),
                    java.util.Map.of("AIRBYTE_ENABLE_UNSAFE_CODE", "1")), data).isAllowed()).isFalse();
            assertThat(codeOf(loader.allowingUnsafeCode(), data).isAllowed()).isTrue();
        }
        assertThatThrownBy(() -> loader.load(SourceLocation.manifestResource("no/such/manifest.yaml")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.userMessage())
                        .contains("no/such/manifest.yaml").contains("Searched"));
    }

    private static CustomCode codeOf(SourceLoader loader, SourceLocation location) {
        return ((FakeManifestProvider.Described) loader.load(location)).code();
    }

    @Test
    void withoutAManifestProviderAManifestIsAConfigError() {
        SourceLoader withoutProviders = new SourceLoader(new ServicesHidden(getClass().getClassLoader()));

        assertThat(withoutProviders.load(SourceLocation.className(Fixed.class.getName()))).isNotNull();
        assertThatThrownBy(() -> withoutProviders.load(SourceLocation.manifestYaml("version: 6")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.userMessage())
                        .contains("needs sluice-declarative").contains(ManifestProvider.class.getName()));
    }

    @Test
    void locationsRefuseWhatCannotBeASource() {
        assertThatThrownBy(() -> SourceLocation.className(" ")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> SourceLocation.manifestObject(Json.object().arrayNode())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("JSON object");
    }

    private void assertConfigError(Class<?> type, String problem) {
        assertThatThrownBy(() -> loader.load(SourceLocation.className(type.getName())))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
                    assertThat(e.userMessage()).contains(type.getName()).contains(problem);
                });
    }

    private static String describe(Source source) {
        return source.spec().documentationUrl();
    }

    /** A class loader that finds the classes of its parent but none of its service registrations. */
    private static final class ServicesHidden extends ClassLoader {
        ServicesHidden(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    public static class Fixed implements Source {
        @Override
        public ConnectorSpecification spec() {
            return ConnectorSpecification.of("fixed", Json.object());
        }

        @Override
        public List<Stream> streams(Config config) {
            return List.of();
        }
    }

    public abstract static class Abstract extends Fixed {
    }

    public static class NeedsArgument extends Fixed {
        public NeedsArgument(String argument) {
        }
    }

    public static class Hidden extends Fixed {
        Hidden() {
        }
    }

    public static class Throwing extends Fixed {
        public Throwing() {
            throw new IllegalStateException("boom");
        }
    }

    public static class Refusing extends Fixed {
        static final ConfigException REFUSAL = new ConfigException("no, thanks");

        public Refusing() {
            throw REFUSAL;
        }
    }
}
