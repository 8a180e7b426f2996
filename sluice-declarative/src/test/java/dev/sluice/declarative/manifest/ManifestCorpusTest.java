package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real manifest of the shared corpus goes through load, references and propagation. */
class ManifestCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/manifests");

    @Test
    void everyManifestLoadsResolvesAndPropagates() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared manifests not present");
        List<Path> manifests;
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            manifests = dirs.map(dir -> dir.resolve("manifest.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int streams = 0;
        long nodes = 0;
        long started = System.nanoTime();
        for (Path file : manifests) {
            try {
                ResolvedManifest manifest = ManifestPipeline.fromYaml(Files.readString(file));
                assertThat(manifest.manifest().get("type").asText()).isEqualTo("DeclarativeSource");
                streams += manifest.manifest().path("streams").size();
                nodes += count(manifest.manifest());
            } catch (ManifestException e) {
                failures.add(file.getParent().getFileName() + ": " + e.getMessage());
            }
        }
        System.out.printf("manifest corpus: %d manifests, %d static streams, %d resolved nodes, %d ms%n",
                manifests.size(), streams, nodes, (System.nanoTime() - started) / 1_000_000);

        assertThat(manifests).hasSizeGreaterThan(250);
        assertThat(failures).isEmpty();
    }

    private static long count(JsonNode node) {
        long total = 1;
        for (JsonNode child : node) {
            total += count(child);
        }
        return total;
    }
}
