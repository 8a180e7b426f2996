package dev.sluice.declarative.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.TestManifests;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dpath semantics the resolvers' mappings rely on (dpath 2's set, get and new). */
class DpathGlobTest {

    private static ObjectNode tree() {
        return (ObjectNode) TestManifests.json("""
                {"name": "t", "retriever": {"name": "r", "requester": {"name": "q", "path": "/x"}},
                 "list": [{"name": "a"}, {"name": "b"}]}""");
    }

    @Test
    void starStarMatchesAnyNumberOfLevelsIncludingNone() {
        ObjectNode tree = tree();

        int written = DpathGlob.set(tree, List.of("**", "name"), Json.nodes().textNode("n"));

        assertThat(written).isEqualTo(5);
        assertThat(tree.toString()).doesNotContain("\"t\"").doesNotContain("\"r\"").doesNotContain("\"a\"");
    }

    @Test
    void segmentsAreFnmatchPatternsAndListIndexesTheirText() {
        ObjectNode tree = tree();

        assertThat(DpathGlob.set(tree, List.of("list", "1", "na?e"), Json.nodes().textNode("B"))).isEqualTo(1);
        assertThat(DpathGlob.set(tree, List.of("retr*", "requester"), Json.nodes().textNode("gone"))).isEqualTo(1);

        assertThat(tree.at("/list/1/name").asText()).isEqualTo("B");
        assertThat(tree.at("/retriever/requester").asText()).isEqualTo("gone");
    }

    @Test
    void setWritesOnlyWherePathsExistAndNewCreatesThem() {
        ObjectNode tree = tree();

        assertThat(DpathGlob.set(tree, List.of("retriever", "paginator", "page_size"), Json.nodes().numberNode(5)))
                .isZero();
        DpathGlob.create(tree, List.of("retriever", "paginator", "sizes", "2"), Json.nodes().numberNode(5));

        assertThat(tree.at("/retriever/paginator/sizes").toString()).isEqualTo("[null,null,5]");
        assertThatThrownBy(() -> DpathGlob.create(tree, List.of("name", "deeper"), Json.nodes().textNode("x")))
                .isInstanceOf(ConnectorException.class);
    }

    @Test
    void getFindsOneNodeOrTheFallbackAndRefusesSeveral() {
        assertThat(DpathGlob.get(tree(), List.of("retriever", "name"), Json.nodes().nullNode()).asText())
                .isEqualTo("r");
        assertThat(DpathGlob.get(tree(), List.of("missing"), Json.nodes().arrayNode()).isArray()).isTrue();
        assertThatThrownBy(() -> DpathGlob.get(tree(), List.of("list", "*", "name"), Json.nodes().nullNode()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("only one");
        assertThatThrownBy(() -> DpathGlob.set(tree(), List.of("**", "x", "**"), Json.nodes().nullNode()))
                .isInstanceOf(ConnectorException.class);
    }
}
