package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.declarative.DeclarativeSourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The component table of docs/declarative-components.md lists every component type of the upstream schema with what
 * Sluice does with it, and cannot go stale: a row is checked against the schema, against the spec records reachable
 * from {@code DeclarativeSource} and against {@link KnownGaps}. The failure names each row to change, as it must read.
 */
class ComponentTableTest {

    private static final Path DOC = Path.of("../docs/declarative-components.md");
    private static final String BEGIN = "<!-- component-table:begin -->";
    private static final String END = "<!-- component-table:end -->";

    static final String IMPLEMENTED = "implemented";
    static final String REFUSED = "refused";
    static final String UNVALIDATED = "accepted as free JSON";

    @Test
    void theTableListsEveryUpstreamComponentAsSluiceTreatsIt() throws IOException {
        UpstreamSchema schema = UpstreamSchema.load();
        if (!Files.isRegularFile(DOC)) {
            fail("missing " + DOC.toAbsolutePath());
        }
        Set<String> bound = ComponentShapes.reachableTypeNames(DeclarativeSourceSpec.class);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String type : new TreeSet<>(schema.components().keySet())) {
            expected.put(type, row(type, bound));
        }
        Map<String, String> written = rows(Files.readString(DOC));

        List<String> changes = new ArrayList<>();
        expected.forEach((type, row) -> {
            String actual = written.get(type);
            if (actual == null) {
                changes.add("add the row: " + row);
            } else if (!actual.equals(row)) {
                changes.add("change the row of " + type + " to: " + row);
            }
        });
        written.keySet().stream().filter(type -> !expected.containsKey(type))
                .forEach(type -> changes.add("delete the row of " + type + " (not an upstream component)"));
        if (!changes.isEmpty() || !new ArrayList<>(written.keySet()).equals(new ArrayList<>(expected.keySet()))) {
            changes.add("the whole table, in order, between " + BEGIN + " and " + END + ":\n"
                    + String.join("\n", header()) + "\n" + String.join("\n", expected.values()));
        }
        assertThat(changes).as("docs/declarative-components.md, section 7 (every upstream component)").isEmpty();
    }

    private static String row(String type, Set<String> bound) {
        if (bound.contains(type)) {
            return "| `" + type + "` | " + IMPLEMENTED + " | |";
        }
        String refused = KnownGaps.REFUSED_TYPES.get(type);
        if (refused != null) {
            return "| `" + type + "` | " + REFUSED + " | " + refused + " |";
        }
        String unvalidated = KnownGaps.UNVALIDATED_TYPES.get(type);
        if (unvalidated != null) {
            return "| `" + type + "` | " + UNVALIDATED + " | " + unvalidated + " |";
        }
        return "| `" + type + "` | ? | not bound and not in KnownGaps (SchemaFieldCoverageTest says where it belongs) |";
    }

    private static List<String> header() {
        return List.of("| component | in Sluice | why not, and who makes it |", "|---|---|---|");
    }

    /** The table's rows by component name, in the order written. */
    private static Map<String, String> rows(String doc) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assumeTrue(begin >= 0 || "true".equals(System.getenv("CI")), "no component table yet");
        assertThat(begin).as("the table markers").isNotNegative().isLessThan(end);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : doc.substring(begin + BEGIN.length(), end).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("| `")) {
                String type = trimmed.substring(3, trimmed.indexOf('`', 3));
                rows.put(type, trimmed);
            }
        }
        return rows;
    }
}
