package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.manifest.ValidationReport;
import dev.sluice.protocol.AirbyteCatalog;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.testing.ConnectorHarness;
import dev.sluice.testing.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code validate} and {@code discover} (with {@code reference_config.json}) over every public manifest in
 * {@code ../shared/manifests} and compares the catalog with the reference's own {@code discover} result: stream
 * names, JSON schemas, primary keys, sync modes and cursor fields.
 *
 * <p>A ratchet on exact counts: the manifests that do not validate and those whose catalog differs are listed
 * below by name, so one manifest that regresses fails the test, and one that improves fails it too, asking for
 * its name to be taken off the list (the ratchet only tightens).
 */
class ManifestConformanceTest {

    private static final Path CORPUS = Path.of("../../shared/manifests");
    /** Manifests in the corpus, and those of them with a {@code reference_catalog.json}. */
    private static final int MANIFESTS = 292;
    private static final int WITH_REFERENCE_CATALOG = 285;
    /** Manifests that do not validate (none since Java custom components and dynamic streams are supported). */
    private static final Set<String> NOT_VALIDATING = Set.of();
    /** Manifests whose discovered catalog differs from the reference's. */
    private static final Set<String> NOT_MATCHING = Set.of();

    @Test
    void discoverMatchesTheReferenceCatalogs() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/manifests is not available");
        List<Path> connectors;
        try (Stream<Path> entries = Files.list(CORPUS)) {
            connectors = entries.filter(dir -> Files.isRegularFile(dir.resolve("manifest.yaml"))).sorted().toList();
        }
        Map<String, String> failures = new TreeMap<>();
        Set<String> invalid = new TreeSet<>();
        int comparable = 0;
        int matched = 0;
        int valid = 0;
        for (Path connector : connectors) {
            String name = connector.getFileName().toString();
            ValidationReport report;
            try {
                report = ManifestSources.validate(connector.resolve("manifest.yaml"));
            } catch (RuntimeException e) {
                report = null;
            }
            if (report != null && report.isValid()) {
                valid++;
            } else {
                invalid.add(name);
            }
            Path expectedFile = connector.resolve("reference_catalog.json");
            if (!Files.isRegularFile(expectedFile)) {
                continue;
            }
            comparable++;
            String problem = compare(connector, Json.read(expectedFile));
            if (problem == null) {
                matched++;
            } else {
                failures.put(name, problem);
            }
        }
        double rate = comparable == 0 ? 0 : 100.0 * matched / comparable;
        StringBuilder summary = new StringBuilder(String.format(
                "discover conformance: %d of %d manifests match the reference catalog (%.1f%%); %d of %d validate%n",
                matched, comparable, rate, valid, connectors.size()));
        invalid.forEach(name -> summary.append("  ").append(name).append(": does not validate\n"));
        failures.forEach((name, problem) -> summary.append("  ").append(name).append(": ").append(problem).append('\n'));
        System.err.print(summary);
        writeReport(summary.toString());
        assertThat(connectors).as("manifests in the corpus (update the ratchet when the corpus changes)")
                .hasSize(MANIFESTS);
        assertThat(comparable).as("manifests with a reference catalog (update the ratchet when the corpus changes)")
                .isEqualTo(WITH_REFERENCE_CATALOG);
        ratchet("validate", invalid, NOT_VALIDATING, summary);
        ratchet("discover", failures.keySet(), NOT_MATCHING, summary);
        assertThat(valid).as(summary.toString()).isEqualTo(MANIFESTS - NOT_VALIDATING.size());
        assertThat(matched).as(summary.toString()).isEqualTo(WITH_REFERENCE_CATALOG - NOT_MATCHING.size());
    }

    /** Fails when the manifests failing a check are not exactly the expected ones, saying which way they moved. */
    private static void ratchet(String check, Set<String> failing, Set<String> expected, CharSequence summary) {
        Set<String> regressed = new TreeSet<>(failing);
        regressed.removeAll(expected);
        Set<String> improved = new TreeSet<>(expected);
        improved.removeAll(failing);
        if (!regressed.isEmpty()) {
            fail("%s regressed for %s%n%s", check, regressed, summary);
        }
        if (!improved.isEmpty()) {
            fail("%s now passes for %s: take them off the expected list in ManifestConformanceTest to tighten the "
                    + "ratchet%n%s", check, improved, summary);
        }
    }

    private static void writeReport(String text) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("conformance-report.txt"), text);
        }
    }

    /** Null when the catalogs match, else the first difference. */
    private static String compare(Path connector, JsonNode expected) {
        Output output;
        try {
            DeclarativeSource source = ManifestSources.fromFile(connector.resolve("manifest.yaml"));
            Config config = Config.of(Json.read(connector.resolve("reference_config.json")));
            output = ConnectorHarness.of(source).discover(config);
        } catch (IOException | RuntimeException e) {
            return "cannot discover: " + firstLine(e.getMessage());
        }
        if (output.catalog().isEmpty()) {
            return "no catalog: " + (output.errors().isEmpty() ? "?" : firstLine(output.errors().get(0).message()));
        }
        AirbyteCatalog actual = output.catalog().get();
        List<String> expectedNames = new ArrayList<>();
        expected.path("streams").forEach(stream -> expectedNames.add(stream.path("name").asText()));
        List<String> actualNames = actual.streams().stream().map(AirbyteStream::name).toList();
        if (!expectedNames.equals(actualNames)) {
            return "streams differ: expected " + expectedNames + ", got " + actualNames;
        }
        for (JsonNode want : expected.path("streams")) {
            AirbyteStream got = actual.streams().get(expectedNames.indexOf(want.path("name").asText()));
            ObjectNode gotJson = Json.MAPPER.valueToTree(got);
            for (String field : List.of("json_schema", "source_defined_primary_key", "supported_sync_modes",
                    "default_cursor_field", "source_defined_cursor", "is_resumable")) {
                JsonNode a = want.path(field);
                JsonNode b = gotJson.path(field);
                if (!a.equals(b)) {
                    return got.name() + "." + field + " differs: expected " + abbreviate(a) + ", got " + abbreviate(b);
                }
            }
        }
        return null;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : Json.write(node);
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}
