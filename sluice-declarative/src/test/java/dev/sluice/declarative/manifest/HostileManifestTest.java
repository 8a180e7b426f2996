package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Input meant to exhaust the stack or the heap must fail with a clear ManifestException, quickly. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileManifestTest {

    @Test
    void billionLaughs() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*l" + (level - 1);
            yaml.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(i -> previous).collect(Collectors.joining(", ")))
                    .append("]\n");
        }

        assertThatThrownBy(() -> ManifestPipeline.fromYaml(yaml.toString()))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("manifest expands to more than 2000000 nodes while expanding YAML aliases");
    }

    @Test
    void tooManyAliases() {
        String yaml = "a: &a [x]\nb: [" + IntStream.range(0, 1_001).mapToObj(i -> "*a")
                .collect(Collectors.joining(", ")) + "]\n";

        assertThatThrownBy(() -> ManifestLoader.fromYaml(yaml))
                .isInstanceOf(ManifestException.class)
                .hasMessage("manifest uses more than 1000 YAML aliases to lists or mappings; refusing it"
                        + " (alias expansion attack?)");
    }

    @Test
    void mergeKeyExplosion() {
        StringBuilder yaml = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n");
        for (int level = 1; level <= 12; level++) {
            String previous = "*m" + (level - 1);
            yaml.append("m").append(level).append(": &m").append(level).append(" {<<: [")
                    .append(IntStream.range(0, 6).mapToObj(i -> previous).collect(Collectors.joining(", ")))
                    .append("]}\n");
        }

        assertThatThrownBy(() -> ManifestLoader.fromYaml(yaml.toString()))
                .hasMessageContaining("while expanding YAML aliases");
    }

    @Test
    void recursiveAlias() {
        assertThatThrownBy(() -> ManifestLoader.fromYaml("a: &a [1, *a]\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("recursive YAML alias");
    }

    @Test
    void tenThousandLevelsOfYaml() {
        String flow = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        String mappings = "a: " + "{b: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n";

        assertThatThrownBy(() -> ManifestLoader.fromYaml(flow))
                .hasMessage("manifest nests deeper than 200 levels; refusing it");
        assertThatThrownBy(() -> ManifestLoader.fromYaml(mappings))
                .hasMessage("manifest nests deeper than 200 levels; refusing it");
    }

    @Test
    void tenThousandLevelsOfJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode node = root;
        for (int i = 0; i < 10_000; i++) {
            node = node.putObject("a");
        }

        assertThatThrownBy(() -> ManifestPipeline.fromJson(root))
                .isInstanceOf(ManifestException.class)
                .hasMessageEndingWith("manifest nests deeper than 200 levels; refusing it");
    }

    @Test
    void tenThousandLevelsGivenToThePropagatorDirectly() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode node = root;
        for (int i = 0; i < 10_000; i++) {
            node = node.putObject("a");
        }

        assertThatThrownBy(() -> ParameterPropagator.propagate("", root, JsonNodeFactory.instance.objectNode(), true))
                .isInstanceOf(ManifestException.class)
                .hasMessage("nests deeper than 500 levels; refusing it");
    }

    @Test
    void hugeDocument() {
        String yaml = "a: \"" + "x".repeat(9 * 1024 * 1024) + "\"\n";

        assertThatThrownBy(() -> ManifestLoader.fromYaml(yaml))
                .hasMessage("manifest is larger than 8388608 characters; refusing it");
    }

    @Test
    void cyclicAndDanglingReferences() {
        assertThatThrownBy(() -> ManifestPipeline.fromYaml("a:\n  b: \"#/a\"\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("a.b.b: circular reference '#/a' (line 2)");
        assertThatThrownBy(() -> ManifestPipeline.fromYaml("a:\n  $ref: \"#/a\"\n"))
                .hasMessage("a: circular reference '#/a' (line 2)");
        assertThatThrownBy(() -> ManifestPipeline.fromYaml("streams:\n  - $ref: \"#/definitions/nope\"\n"))
                .hasMessage("streams[0]: undefined reference '#/definitions/nope' (line 2)");
    }

    @Test
    void referencesThatDoubleAtEveryLevel() {
        StringBuilder yaml = new StringBuilder("r0: [x, x]\n");
        for (int level = 1; level <= 40; level++) {
            yaml.append("r").append(level).append(": [\"#/r").append(level - 1).append("\", \"#/r")
                    .append(level - 1).append("\"]\n");
        }

        assertThatThrownBy(() -> ManifestPipeline.fromYaml(yaml.toString()))
                .hasMessageContaining("manifest expands to more than 2000000 nodes after resolving references");
    }

    @Test
    void aLongChainOfReferences() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            yaml.append("r").append(i).append(": \"#/r").append(i + 1).append("\"\n");
        }
        yaml.append("r20000: end\n");

        assertThatThrownBy(() -> ManifestPipeline.fromYaml(yaml.toString()))
                .hasMessageContaining("manifest nests deeper than 500 levels after resolving references");
    }
}
