package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestLoader;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded manifest fuzzer: mutates the public manifests (dropped keys, wrong types, unknown component types,
 * dangling and cyclic references, broken templates, deep nesting, huge strings, broken YAML) and loads, validates
 * and discovers each mutant. Every case must end in success or a clear {@link ConnectorException} (a manifest
 * problem naming its YAML path): never another exception, a stack overflow, a hang or running out of memory.
 *
 * <p>The test is count-based: a fixed number of seeded cases, each with its own time limit (a case past it hangs
 * and is a violation), so a slow machine takes longer but runs and judges the same cases.
 */
class ManifestFuzzTest {

    private static final Path CORPUS = Path.of("../../shared/manifests");
    private static final long SEED = 20261127L;
    private static final int CASES = Integer.getInteger("fuzz.cases", 5_000);
    /** Far above the slowest case (about a second); only a hang reaches it. */
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(30);

    private record Seed(String name, String yaml, JsonNode tree, Config config) {
    }

    @Test
    void everyMutantEndsInSuccessOrAClearError() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/manifests is not available");
        List<Seed> seeds = seeds();
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        long started = System.nanoTime();
        for (int run = 0; run < CASES; run++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            String outcome;
            long caseStart = System.nanoTime();
            try {
                // The case runs on JUnit's timeout thread while this one waits, so the seeded random is still drawn
                // in one order and the cases are the same as on one thread.
                outcome = assertTimeoutPreemptively(CASE_TIMEOUT, () -> runCase(seed, mutation, random),
                        () -> "a hang: " + seed.name() + " / " + mutation + " ran past " + CASE_TIMEOUT);
                long took = (System.nanoTime() - caseStart) / 1_000_000;
                if (took > 500) {
                    System.err.println("slow case " + seed.name() + " / " + mutation + ": " + took + " ms");
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError failure) {
                outcome = "VIOLATION";
                if (violations.size() < 20) {
                    violations.add(seed.name() + " / " + mutation + ": " + failure + "\n"
                            + dev.sluice.runner.ErrorTraces.stackTrace(failure));
                }
            }
            outcomes.merge(mutation + " -> " + outcome, 1, Integer::sum);
        }
        System.err.println("manifest fuzzer: " + CASES + " cases (seed " + SEED + ") in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        outcomes.forEach((key, count) -> System.err.println("  " + key + ": " + count));
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).as("cases run").isEqualTo(CASES);
        assertThat(violations).as("cases that did not end in success or a clear error").isEmpty();
    }

    /** Runs one mutant; returns "ok" or the kind of clear error; lets anything else escape. */
    private static String runCase(Seed seed, Mutation mutation, Random random) {
        try {
            DeclarativeSource source;
            if (mutation.textual()) {
                source = ManifestSources.fromYaml(mutation.mutateText(seed.yaml(), random));
            } else {
                JsonNode mutant = seed.tree().deepCopy();
                mutant = mutation.mutateTree(mutant, random);
                source = ManifestSources.fromJson(mutant);
            }
            source.spec();
            Output output = ConnectorHarness.of(source).discover(seed.config());
            if (output.catalog().isEmpty()) {
                assertThat(output.errors()).as("a discover without a catalog reports an error").isNotEmpty();
                assertThat(output.errors().get(0).message()).isNotBlank();
                return "discover error";
            }
            return "ok";
        } catch (ManifestException e) {
            assertThat(e.getMessage()).as("a manifest error says what is wrong").isNotBlank();
            if (e.path().isEmpty() && e.line() == 0 && !e.problem().contains("problems in the manifest")
                    && !e.problem().contains(":")) {
                throw new AssertionError("a manifest error without a location: " + e.getMessage(), e);
            }
            return "manifest error";
        } catch (ConnectorException e) {
            assertThat(e.userMessage()).isNotBlank();
            return e.failureType().wireName();
        }
    }

    private static List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.sorted().toList()) {
                Path manifest = dir.resolve("manifest.yaml");
                Path config = dir.resolve("reference_config.json");
                // Small manifests only, so that thousands of cases fit in the budget.
                if (!Files.isRegularFile(manifest) || !Files.isRegularFile(config) || Files.size(manifest) > 40_000) {
                    continue;
                }
                String yaml = Files.readString(manifest);
                try {
                    seeds.add(new Seed(dir.getFileName().toString(), yaml, ManifestLoader.fromYaml(yaml).root(),
                            Config.of(Json.read(config))));
                } catch (ManifestException e) {
                    // a manifest that does not load is not a seed
                }
            }
        }
        assertThat(seeds).hasSizeGreaterThan(50);
        return seeds;
    }

    /** How a manifest is broken. */
    private enum Mutation {
        DROP_KEY, WRONG_TYPE, UNKNOWN_TYPE, DANGLING_REF, CYCLIC_REF, BROKEN_TEMPLATE, DEEP_NESTING, HUGE_STRING,
        NULL_VALUE, SWAP_SUBTREE, TRUNCATED_YAML, BROKEN_YAML_SYNTAX;

        boolean textual() {
            return this == TRUNCATED_YAML || this == BROKEN_YAML_SYNTAX;
        }

        String mutateText(String yaml, Random random) {
            if (this == TRUNCATED_YAML) {
                return yaml.substring(0, random.nextInt(Math.max(1, yaml.length())));
            }
            int at = random.nextInt(Math.max(1, yaml.length()));
            String[] junk = {"\t", ": :", "[", "{{", "\"", "&a *a", "!!python/object:os.system", "<<: *nope", "- -", "%"};
            return yaml.substring(0, at) + junk[random.nextInt(junk.length)] + yaml.substring(at);
        }

        JsonNode mutateTree(JsonNode root, Random random) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers, 0);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target.isObject()) {
                mutateObject((ObjectNode) target, random);
            } else if (target.isArray() && !target.isEmpty()) {
                ArrayNode array = (ArrayNode) target;
                int index = random.nextInt(array.size());
                array.set(index, replacement(array.get(index), random));
            }
            return root;
        }

        private void mutateObject(ObjectNode node, Random random) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            String key = keys.isEmpty() ? "type" : keys.get(random.nextInt(keys.size()));
            switch (this) {
                case DROP_KEY -> node.remove(key);
                case UNKNOWN_TYPE -> node.put("type", random.nextBoolean() ? "CursorPaginaton" : "Nonsense" + random.nextInt(9));
                case DANGLING_REF -> node.put(key, "#/definitions/does_not_exist/" + random.nextInt(100));
                case CYCLIC_REF -> {
                    node.putObject("definitions_loop").put("$ref", "#/definitions_loop");
                    node.set(key, Json.object().put("$ref", "#/definitions/a"));
                }
                default -> node.set(key, replacement(node.get(key), random));
            }
        }

        private JsonNode replacement(JsonNode original, Random random) {
            return switch (this) {
                case WRONG_TYPE -> original == null || original.isValueNode()
                        ? Json.nodes().arrayNode().add(1).add("x") : TextNode.valueOf("not a " + original.getNodeType());
                case BROKEN_TEMPLATE -> TextNode.valueOf(new String[] {"{{ config[ }}", "{{ '' .getClass() }}",
                        "{% if %}", "{{ x | nofilter }}", "{{ a.__class__ }}", "{{ ('a' * 99999999) }}",
                        "{{ stream_state.x }}", "{% for x in y %}"}[random.nextInt(8)]);
                case DEEP_NESTING -> {
                    JsonNode nested = Json.object();
                    for (int i = 0; i < 5_000; i++) {
                        nested = Json.nodes().arrayNode().add(nested);
                    }
                    yield nested;
                }
                case HUGE_STRING -> TextNode.valueOf("x".repeat(4_000_000));
                case NULL_VALUE -> Json.nodes().nullNode();
                case SWAP_SUBTREE -> Json.object().put("type", "DeclarativeStream").set("retriever", Json.object());
                default -> TextNode.valueOf("?");
            };
        }

        private static void collect(JsonNode node, List<JsonNode> out, int depth) {
            if (!node.isContainerNode() || depth > 60) {
                return;
            }
            out.add(node);
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) {
                collect(children.next(), out, depth + 1);
            }
        }
    }
}
