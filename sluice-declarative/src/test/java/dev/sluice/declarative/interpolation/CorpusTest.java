package dev.sluice.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every template in the shared corpus of real manifests ({@code ../../shared/manifests}) compiles, and evaluated
 * against plausible variables (the connector's sample config plus generic records, slices and responses) gives
 * what Jinja2 gives ({@code corpus-expectations.json}). Skipped when the corpus is not beside the project.
 */
class CorpusTest {

    private static final Path MANIFESTS = Path.of("..", "..", "shared", "manifests");

    @Test
    void everyCorpusTemplateCompiles() throws IOException {
        Map<String, TreeSet<String>> templates = templatesByConnector();
        TreeSet<String> distinct = new TreeSet<>();
        templates.values().forEach(distinct::addAll);
        List<String> failures = new ArrayList<>();
        for (String template : distinct) {
            try {
                Template.compile(template);
            } catch (ManifestException e) {
                failures.add(e.getMessage());
            }
        }
        System.out.printf("corpus: %d manifests, %d distinct template strings compiled%n", templates.size(),
                distinct.size());
        assertThat(failures).isEmpty();
        assertThat(distinct).hasSizeGreaterThan(1_000);
    }

    @Test
    void corpusTemplatesEvaluateAsJinjaDoes() throws IOException {
        assumeTrue(Files.isDirectory(MANIFESTS), "shared manifests not found");
        JsonNode fixture = OracleExpectations.load("corpus-expectations.json");
        int checked = 0;
        for (JsonNode c : fixture.get("cases")) {
            Path folder = MANIFESTS.resolve(c.get("connector").asText());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            JsonNode variables = ((com.fasterxml.jackson.databind.node.ObjectNode) fixture.get("context").deepCopy())
                    .set("config", sampleConfig(folder));
            OracleExpectations.check(c.get("template").asText(), OracleExpectations.context(variables), c.get("expected"));
            checked++;
        }
        System.out.printf("corpus: %d template evaluations matched Jinja2%n", checked);
        assertThat(checked).isGreaterThan(1_000);
    }

    private static JsonNode sampleConfig(Path folder) throws IOException {
        Path sample = folder.resolve("sample_config.json");
        if (!Files.exists(sample)) {
            return Json.object();
        }
        try {
            return Json.read(sample);
        } catch (IOException e) {
            return Json.object();
        }
    }

    /** Distinct strings holding {@code {{}} or {@code {%}, keys included, per connector. */
    static Map<String, TreeSet<String>> templatesByConnector() throws IOException {
        assumeTrue(Files.isDirectory(MANIFESTS), "shared manifests not found");
        Map<String, TreeSet<String>> result = new TreeMap<>();
        try (Stream<Path> folders = Files.list(MANIFESTS)) {
            for (Path folder : (Iterable<Path>) folders.sorted()::iterator) {
                Path manifest = folder.resolve("manifest.yaml");
                if (!Files.exists(manifest)) {
                    continue;
                }
                TreeSet<String> found = new TreeSet<>();
                LoaderOptions options = new LoaderOptions();
                options.setCodePointLimit(50 * 1024 * 1024);
                try (Reader reader = Files.newBufferedReader(manifest)) {
                    collect(new Yaml(options).load(reader), found);
                }
                result.put(folder.getFileName().toString(), found);
            }
        }
        return result;
    }

    private static void collect(Object node, TreeSet<String> found) {
        if (node instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
                collect(entry.getKey(), found);
                collect(entry.getValue(), found);
            }
        } else if (node instanceof List) {
            for (Object item : (List<?>) node) {
                collect(item, found);
            }
        } else if (node instanceof String) {
            String text = (String) node;
            if (text.contains("{{") || text.contains("{%")) {
                found.add(text);
            }
        }
    }
}
