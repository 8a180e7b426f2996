package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

    private static final Path SCHEMA = Path.of("../../shared/reference/declarative_component_schema.yaml");

    /** The names in code are every {@code properties.type.enum} value of the upstream schema, no more. */
    @Test
    void upstreamNamesMatchTheSchema() throws IOException {
        assumeTrue(Files.isRegularFile(SCHEMA), "upstream schema not present");
        Set<String> names = new TreeSet<>();
        collect(ManifestLoader.fromYaml(Files.readString(SCHEMA)).root(), names);

        assertThat(new TreeSet<>(TypeNames.UPSTREAM)).isEqualTo(names);
    }

    @Test
    void suggestsTheNearestName() {
        List<String> allowed = List.of("CursorPagination", "PageIncrement", "OffsetIncrement");

        assertThat(TypeNames.nearest("CursorPaginaton", allowed)).isEqualTo("CursorPagination");
        assertThat(TypeNames.nearest("pageincrement", allowed)).isEqualTo("PageIncrement");
        assertThat(TypeNames.nearest("Cursor", allowed)).isNull();
        assertThat(TypeNames.unknownType("Whatever", allowed, Set.of()))
                .isEqualTo("unknown type 'Whatever' (expected one of: 'CursorPagination', 'PageIncrement',"
                        + " 'OffsetIncrement')");
        assertThat(TypeNames.unknownType("JsonDecodr", allowed, Set.of()))
                .isEqualTo("unknown type 'JsonDecodr' (did you mean 'JsonDecoder'?)");
    }

    private static void collect(JsonNode node, Set<String> names) {
        JsonNode type = node.path("properties").path("type");
        if (type.has("enum")) {
            type.get("enum").forEach(name -> names.add(name.asText()));
        }
        node.forEach(child -> collect(child, names));
    }
}
