package dev.sluice.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

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
        InterpolationContext generic = OracleExpectations.context(fixture.get("context"));
        Map<String, InterpolationContext> contexts = new TreeMap<>();
        int checked = 0;
        for (JsonNode c : fixture.get("cases")) {
            Path folder = MANIFESTS.resolve(c.get("connector").asText());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            InterpolationContext context = contexts.computeIfAbsent(folder.toString(),
                    name -> generic.with("config", sampleConfig(folder)));
            OracleExpectations.check(c.get("template").asText(), context, c.get("expected"));
            checked++;
        }
        System.out.printf("corpus: %d template evaluations matched Jinja2%n", checked);
        assertThat(checked).isGreaterThan(1_000);
    }

    private static JsonNode sampleConfig(Path folder) {
        Path sample = folder.resolve("sample_config.json");
        try {
            return Files.exists(sample) ? Json.read(sample) : Json.object();
        } catch (IOException e) {
            return Json.object();
        }
    }

    /**
     * Distinct strings holding {@code {{}} or {@code {%}, keys included, per connector. Reads YAML events rather
     * than building documents: the corpus is 36 MB, and scalars are all this needs.
     */
    static Map<String, TreeSet<String>> templatesByConnector() throws IOException {
        assumeTrue(Files.isDirectory(MANIFESTS), "shared manifests not found");
        List<Path> manifests;
        try (Stream<Path> folders = Files.list(MANIFESTS)) {
            manifests = folders.map(folder -> folder.resolve("manifest.yaml")).filter(Files::exists).sorted().toList();
        }
        Map<String, TreeSet<String>> result = new ConcurrentSkipListMap<>();
        manifests.parallelStream().forEach(manifest -> result.put(manifest.getParent().getFileName().toString(),
                templates(manifest)));
        return result;
    }

    private static TreeSet<String> templates(Path manifest) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(50 * 1024 * 1024);
        TreeSet<String> found = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(manifest)) {
            for (Event event : new Yaml(options).parse(reader)) {
                if (event instanceof ScalarEvent) {
                    String text = ((ScalarEvent) event).getValue();
                    if (text.contains("{{") || text.contains("{%")) {
                        found.add(text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
