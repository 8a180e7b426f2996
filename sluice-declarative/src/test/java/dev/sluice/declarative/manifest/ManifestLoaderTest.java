package dev.sluice.declarative.manifest;

import static dev.sluice.declarative.manifest.Trees.json;
import static dev.sluice.declarative.manifest.Trees.ordered;
import static dev.sluice.declarative.manifest.Trees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestLoaderTest {

    /** Expected values are what PyYAML 6.0.3's safe_load returns (dates: the text as written). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "yes | true", "No | false", "ON | true", "off | false", "True | true", "FALSE | false",
            "y | `\"y\"`", "n | `\"n\"`", "tRue | `\"tRue\"`",
            "~ | null", "null | null", "Null | null", "NULL | null", "`` | null",
            "0 | 0", "00 | 0", "0755 | 493", "0o17 | `\"0o17\"`", "0x1F | 31", "0b101 | 5", "-0x1_0 | -16",
            "1_000 | 1000", "+12 | 12", "-7 | -7", "1:30 | 90", "-1:30:15 | -5415", "190:20:30 | 685230",
            "12345678901234567890 | 12345678901234567890",
            "1.5 | 1.5", "1. | 1.0", "-.5 | `\"-.5\"`", ".5 | 0.5", "1e5 | `\"1e5\"`", "1.0e5 | `\"1.0e5\"`",
            "1.0e+5 | 100000.0", "6.8523015e+5 | 685230.15", "1_0.5 | 10.5", "1:30.5 | 90.5",
            "2021-01-01 | `\"2021-01-01\"`", "2021-1-1 | `\"2021-1-1\"`",
            "2001-12-14t21:59:43.10-05:00 | `\"2001-12-14t21:59:43.10-05:00\"`",
            "0.0.1 | `\"0.0.1\"`", "v1 | `\"v1\"`", "0x | `\"0x\"`", "= | `\"=\"`",
            "`\"yes\"` | `\"yes\"`", "`'123'` | `\"123\"`", "!!str 0x10 | `\"0x10\"`", "!!int \"42\" | 42",
            "!!float \"1\" | 1.0", "! 12 | 12", "! \"12\" | 12",
    })
    void typesScalarsLikePyYaml(String yamlValue, String expectedJson) {
        JsonNode value = yaml("k: " + yamlValue).get("k");

        assertThat(value).isEqualTo(json(expectedJson));
        assertThat(value.getNodeType()).isEqualTo(json(expectedJson).getNodeType());
    }

    @Test
    void specialFloats() {
        JsonNode manifest = yaml("a: .inf\nb: -.Inf\nc: .NaN\n");

        assertThat(manifest.get("a").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(manifest.get("b").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(manifest.get("c").doubleValue()).isNaN();
    }

    @Test
    void anchorsAliasesAndMergeKeysBehaveLikePyYaml() {
        JsonNode manifest = yaml("""
                base: &base
                  a: 1
                  b: 2
                other: &other
                  b: 20
                  c: 30
                one:
                  <<: *base
                  b: 3
                many:
                  <<: [*base, *other]
                  d: 4
                nested:
                  <<: {<<: *other, e: 5}
                  a: 0
                alias_list: &list [x, y]
                uses: *list
                dup:
                  k: 1
                  j: 2
                  k: 3
                keys:
                  200: ok
                  on: yes
                  ~: nothing
                  1.5: f
                quoted:
                  merge_literal: {"<<": 1}
                """);

        // PyYAML's json.dumps of the same document, key order included.
        assertThat(ordered(manifest)).isEqualTo(ordered(json("""
                {"base": {"a": 1, "b": 2}, "other": {"b": 20, "c": 30}, "one": {"a": 1, "b": 3},
                 "many": {"b": 2, "c": 30, "a": 1, "d": 4}, "nested": {"b": 20, "c": 30, "e": 5, "a": 0},
                 "alias_list": ["x", "y"], "uses": ["x", "y"], "dup": {"k": 3, "j": 2},
                 "keys": {"200": "ok", "true": true, "null": "nothing", "1.5": "f"},
                 "quoted": {"merge_literal": {"<<": 1}}}
                """)));
    }

    @Test
    void aliasedCollectionsAreIndependentCopies() {
        JsonNode manifest = yaml("a: &x {k: [1]}\nb: *x\n");

        assertThat(manifest.get("a")).isEqualTo(manifest.get("b")).isNotSameAs(manifest.get("b"));
    }

    @Test
    void recordsLinesOfKeysElementsAndContainers() {
        ManifestTree tree = ManifestLoader.fromYaml("""
                version: 1.0.0
                streams:
                  - name: users
                    retriever:
                      requester:
                        url: https://x
                  - name: orders
                """);
        JsonNode root = tree.root();
        LineMap lines = tree.lines();

        assertThat(lines.lineOf(root, "version")).isEqualTo(1);
        assertThat(lines.lineOf(root.get("streams"), 1)).isEqualTo(7);
        assertThat(lines.lineAt(root, ManifestPath.root().field("streams").index(0).field("retriever")
                .field("requester").field("url"))).isEqualTo(6);
        assertThat(lines.lineAt(root, ManifestPath.root().field("streams").index(1).field("missing")))
                .isEqualTo(7);
    }

    @Test
    void mergedKeysKeepTheLinesWhereTheyWereWritten() {
        ManifestTree tree = ManifestLoader.fromYaml("""
                base: &base
                  url: https://x
                stream:
                  <<: *base
                  name: s
                """);

        assertThat(tree.lines().lineOf(tree.root().get("stream"), "url")).isEqualTo(2);
        assertThat(tree.lines().lineOf(tree.root().get("stream"), "name")).isEqualTo(5);
    }

    @Test
    void syntaxErrorsNameTheirLine() {
        assertThatThrownBy(() -> ManifestLoader.fromYaml("""
                version: 1
                streams:
                  - name: a
                   bad: indentation
                """))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("invalid YAML: ")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isEqualTo(4));
    }

    @Test
    void badMergeValuesAreLocated() {
        assertThatThrownBy(() -> ManifestLoader.fromYaml("a:\n  x: 1\nb:\n  <<: [1]\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("b: expected a mapping for merging, but found a scalar (line 4)");
    }

    @Test
    void refusesWhatSafeLoadRefusesAndWhatIsNotAManifest() {
        assertThatThrownBy(() -> ManifestLoader.fromYaml("a: !!python/name:os.system x"))
                .hasMessage("invalid YAML: Global tag is not allowed: tag:yaml.org,2002:python/name:os.system (line 1)");
        assertThatThrownBy(() -> ManifestLoader.fromYaml("a: !!set {x}"))
                .hasMessageContaining("unsupported YAML tag");
        assertThatThrownBy(() -> ManifestLoader.fromYaml("[a: 1]: x"))
                .hasMessageContaining("mapping keys must be scalars");
        assertThatThrownBy(() -> ManifestLoader.fromYaml("a: 1\n---\nb: 2\n"))
                .hasMessageContaining("invalid YAML: expected a single document");
        assertThatThrownBy(() -> ManifestLoader.fromYaml("# nothing\n")).hasMessage("manifest is empty");
        assertThatThrownBy(() -> ManifestLoader.fromYaml("- a\n- b\n"))
                .hasMessage("the manifest must be a mapping, found a list");
    }

    @Test
    void acceptsAJsonManifestWithoutLines() {
        ManifestTree tree = ManifestLoader.fromJson(json("""
                {"version": "6.0.0", "streams": [{"name": "users"}]}
                """));

        assertThat(tree.root().at("/streams/0/name").asText()).isEqualTo("users");
        assertThat(tree.lines().lineAt(tree.root(), ManifestPath.root().field("streams").index(0))).isZero();
        assertThatThrownBy(() -> ManifestLoader.fromJson(json("[1]")))
                .hasMessage("the manifest must be a mapping, found a list");
    }
}
