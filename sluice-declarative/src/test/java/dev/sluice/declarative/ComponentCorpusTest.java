package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.decoder.DecoderSpec;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.error.ErrorHandlerSpec;
import dev.sluice.declarative.extractor.RecordSelectorSpec;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPath;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.protocol.Json;
import dev.sluice.declarative.paginator.PaginatorSpec;
import dev.sluice.declarative.requester.RequesterSpec;
import dev.sluice.declarative.schema.SchemaLoaderSpec;
import dev.sluice.declarative.transform.TransformationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every component of one family that a stream of a public manifest ({@code ../shared/manifests}) uses binds to
 * its spec record and, where the config is all it needs, builds with the connector's reference config:
 * transformations, decoders, record selectors (extractors and filters), paginators, error handlers, requesters
 * and schema loaders. A component may fail only in a manifest the reference also refuses (its discover failed).
 * Components other engineers own are left out of a requester before it
 * is bound ({@code authenticator}, query properties), and {@code Custom*} components (Python code) are counted
 * but not bound.
 */
class ComponentCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/manifests");
    /** Parts of a requester that belong to other packages than the ones this test covers. */
    private static final Set<String> FOREIGN_REQUESTER_FIELDS =
            Set.of("authenticator", "query_properties", "fetch_properties_from_endpoint");

    /** A family: which field of which parent component holds it, and the slot it binds to. */
    private record Family(String name, String parentType, String field, Class<?> slot) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> families() {
        return Stream.of(
                new Family("transformations", "DeclarativeStream", "transformations", TransformationSpec.class),
                new Family("decoders", "SimpleRetriever", "decoder", DecoderSpec.class),
                new Family("record selectors", "SimpleRetriever", "record_selector", RecordSelectorSpec.class),
                new Family("paginators", "SimpleRetriever", "paginator", PaginatorSpec.class),
                new Family("error handlers", "HttpRequester", "error_handler", ErrorHandlerSpec.class),
                new Family("requesters", "SimpleRetriever", "requester", RequesterSpec.class),
                new Family("schema loaders", "DeclarativeStream", "schema_loader", SchemaLoaderSpec.class))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyOccurrenceBinds(Family family) throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/manifests is not available");
        Map<String, String> failures = new TreeMap<>();
        int[] bound = {0};
        int[] custom = {0};
        // Parent streams repeat their components inside partition routers; each distinct one is bound once.
        Set<String> seen = new HashSet<>();
        Map<String, String> refusedLikeTheReference = new TreeMap<>();
        for (Map.Entry<String, ResolvedManifest> entry : manifests().entrySet()) {
            String name = entry.getKey();
            ResolvedManifest manifest = entry.getValue();
            for (String top : List.of("streams", "dynamic_streams")) {
                JsonNode streams = manifest.manifest().path(top);
                visit(streams, null, ManifestPath.root().field(top), family, (occurrence) -> {
                    JsonNode node = occurrence.node();
                    if (!seen.add(Json.write(node))) {
                        return;
                    }
                    if (containsCustomComponent(node)) {
                        custom[0]++;
                        return;
                    }
                    try {
                        Object spec = ManifestBinder.bind(withoutForeignParts(node, family), family.slot(),
                                occurrence.path(), manifest.lines());
                        build(spec, configs.get(name));
                        bound[0]++;
                    } catch (RuntimeException e) {
                        String problem = e instanceof ManifestException manifestProblem ? manifestProblem.problem()
                                : "build: " + e;
                        if (referenceFailed.contains(name)) {
                            // The reference refuses this manifest too (its discover failed).
                            refusedLikeTheReference.put(name + " " + occurrence.path(), problem);
                        } else {
                            failures.putIfAbsent(name + " " + occurrence.path(), problem);
                        }
                    }
                });
            }
        }
        System.err.printf("%s: %d distinct bound, %d custom (Python code, not bound), %d refused as by the reference %s,"
                + " %d failed%n", family, bound[0], custom[0], refusedLikeTheReference.size(), refusedLikeTheReference,
                failures.size());
        assertThat(bound[0]).as("occurrences found").isPositive();
        assertThat(failures).as(family + " that do not bind").isEmpty();
    }

    private record Occurrence(JsonNode node, ManifestPath path) {
    }

    /** Finds {@code family.field} of every component of {@code family.parentType}, list items one by one. */
    private static void visit(JsonNode node, String parentType, ManifestPath path, Family family,
            Consumer<Occurrence> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), parentType, path.index(i), family, found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("type").asText(null);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ManifestPath fieldPath = path.field(field.getKey());
            if (family.parentType().equals(type) && family.field().equals(field.getKey())) {
                JsonNode value = field.getValue();
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        found.accept(new Occurrence(value.get(i), fieldPath.index(i)));
                    }
                } else if (value.isObject()) {
                    found.accept(new Occurrence(value, fieldPath));
                }
            }
            if (!field.getKey().equals("schema") && !field.getKey().equals("$parameters")) {
                visit(field.getValue(), type, fieldPath, family, found);
            }
        }
    }

    private static JsonNode withoutForeignParts(JsonNode node, Family family) {
        if (!family.slot().equals(RequesterSpec.class) || !node.isObject()) {
            return node;
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(FOREIGN_REQUESTER_FIELDS);
        return copy;
    }

    /** Builds what can be built from the config alone (the selector needs a stream, so it is only bound). */
    private static void build(Object spec, BuildContext context) {
        if (spec instanceof TransformationSpec transformation) {
            transformation.build(context);
        } else if (spec instanceof DecoderSpec decoder) {
            decoder.build(context);
        } else if (spec instanceof PaginatorSpec paginator) {
            paginator.build(context);
        } else if (spec instanceof ErrorHandlerSpec handler) {
            handler.build(context);
        } else if (spec instanceof SchemaLoaderSpec loader) {
            loader.build(context, "stream");
        }
    }

    private static boolean containsCustomComponent(JsonNode node) {
        if (node.path("type").asText().startsWith("Custom")) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && containsCustomComponent(child)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, ResolvedManifest> loaded;
    private static final Map<String, BuildContext> configs = new TreeMap<>();
    /** Connectors whose discover failed in the reference ({@code reference_discover_error.txt}). */
    private static final Set<String> referenceFailed = new HashSet<>();

    /** The corpus, resolved once for all families. */
    private static synchronized Map<String, ResolvedManifest> manifests() throws IOException {
        if (loaded == null) {
            Map<String, ResolvedManifest> result = new TreeMap<>();
            try (Stream<Path> entries = Files.list(CORPUS)) {
                for (Path connector : entries.filter(dir -> Files.isRegularFile(dir.resolve("manifest.yaml"))).toList()) {
                    try {
                        String name = connector.getFileName().toString();
                        result.put(name, ManifestPipeline.fromYaml(Files.readString(connector.resolve("manifest.yaml"))));
                        if (Files.isRegularFile(connector.resolve("reference_discover_error.txt"))) {
                            referenceFailed.add(name);
                        }
                        Path config = connector.resolve("reference_config.json");
                        configs.put(name, Components.context(Files.isRegularFile(config)
                                ? Files.readString(config) : "{}"));
                    } catch (ManifestException e) {
                        // A manifest that does not load is ManifestCorpusTest's business.
                    }
                }
            }
            loaded = result;
        }
        return loaded;
    }
}
