package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestPathTest {

    @Test
    void printsDottedKeysAndListIndexes() {
        ManifestPath path = ManifestPath.root().field("streams").index(3).field("retriever").field("paginator");

        assertThat(path).hasToString("streams[3].retriever.paginator");
        assertThat(ManifestPath.root()).hasToString("");
        assertThat(ManifestPath.root().index(0).index(1)).hasToString("[0][1]");
    }

    @Test
    void quotesKeysThatWouldBeAmbiguous() {
        assertThat(ManifestPath.root().field("request_headers").field("X.Api.Key"))
                .hasToString("request_headers['X.Api.Key']");
        assertThat(ManifestPath.root().field("a b").field("it's")).hasToString("['a b']['it\\'s']");
        assertThat(ManifestPath.root().field("nested/path").field("$parameters"))
                .hasToString("nested/path.$parameters");
    }

    @Test
    void stepsLeadFromTheTopLevel() {
        ManifestPath path = ManifestPath.root().field("a").index(2).field("b");

        assertThat(path.steps()).extracting(ManifestPath::fieldName).containsExactly("a", null, "b");
        assertThat(path.steps()).extracting(ManifestPath::elementIndex).containsExactly(-1, 2, -1);
        assertThat(path).isEqualTo(ManifestPath.root().field("a").index(2).field("b"));
    }
}
