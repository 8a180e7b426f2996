package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.manifest.FakeSpecs.CursorPagination;
import dev.sluice.declarative.manifest.FakeSpecs.DeclarativeStream;
import dev.sluice.declarative.manifest.FakeSpecs.DefaultPaginator;
import dev.sluice.declarative.manifest.FakeSpecs.HttpMethod;
import dev.sluice.declarative.manifest.FakeSpecs.InjectInto;
import dev.sluice.declarative.manifest.FakeSpecs.PageIncrement;
import dev.sluice.declarative.manifest.FakeSpecs.SimpleRetriever;
import dev.sluice.declarative.manifest.FakeSpecs.Source;
import org.junit.jupiter.api.Test;

class ManifestBinderTest {

    static final String MANIFEST = """
            version: 1.0.0
            definitions:
              paginator:
                type: DefaultPaginator
                page_size_option: {inject_into: header, field_name: limit}
                pagination_strategy:
                  type: PageIncrement
                  page_size: 100
                  start_from_page: 1
            streams:
              - type: DeclarativeStream
                $parameters: {name: users, path: /users}
                retriever:
                  requester:
                    url_base: https://api.example.com
                    http_method: GET
                    request_headers: {X-Page-Size: 5}
                  record_selector:
                    extractor:
                      field_path: [data]
                  paginator:
                    $ref: "#/definitions/paginator"
            check:
              stream_names: [users]
            """;

    @Test
    void bindsTheNormalisedManifest() {
        Source source = ManifestBinder.bind(ManifestPipeline.fromYaml(MANIFEST), Source.class);

        DeclarativeStream stream = (DeclarativeStream) source.streams().get(0);
        SimpleRetriever retriever = (SimpleRetriever) stream.retriever();
        DefaultPaginator paginator = (DefaultPaginator) retriever.paginator();
        assertThat(stream.name()).as("from $parameters").isEqualTo("users");
        assertThat(retriever.requester().path()).as("from $parameters").isEqualTo("/users");
        assertThat(retriever.requester().httpMethod()).isEqualTo(HttpMethod.GET);
        assertThat(retriever.requester().requestHeaders()).containsEntry("X-Page-Size", "5");
        assertThat(retriever.recordSelector().extractor().fieldPath()).containsExactly("data");
        assertThat(paginator.pageSizeOption().injectInto()).isEqualTo(InjectInto.HEADER);
        assertThat(paginator.paginationStrategy()).isEqualTo(new PageIncrement("100", 1, null,
                retriever.parameters()));
        assertThat(source.check().streamNames()).containsExactly("users");
    }

    @Test
    void anUnknownTypeInsideReferencedContentNamesTheReferencedLine() {
        String manifest = MANIFEST.replace("type: PageIncrement", "type: CursorPaginaton");

        assertThatThrownBy(() -> ManifestBinder.bind(ManifestPipeline.fromYaml(manifest), Source.class))
                .isInstanceOf(ManifestException.class)
                .hasMessage("streams[0].retriever.paginator.pagination_strategy: unknown type 'CursorPaginaton'"
                        + " (did you mean 'CursorPagination'?) (line 7)");
    }

    @Test
    void translatesEveryKindOfFailure() {
        assertThat(bindError(MANIFEST.replace("start_from_page: 1", "start_from_page: -1")))
                .isEqualTo("streams[0].retriever.paginator.pagination_strategy: start_from_page must not be negative"
                        + " (line 6)");
        assertThat(bindError(MANIFEST.replace("start_from_page: 1", "start_from_page: 1.5")))
                .isEqualTo("streams[0].retriever.paginator.pagination_strategy.start_from_page: expected an integer,"
                        + " found a number (line 9)");
        assertThat(bindError(MANIFEST.replace("url_base: https://api.example.com", "url_base: [a]")))
                .isEqualTo("streams[0].retriever.requester.url_base: expected a string, found a list (line 15)");
        assertThat(bindError(MANIFEST.replace("inject_into: header", "inject_into: nowhere")))
                .isEqualTo("streams[0].retriever.paginator.page_size_option.inject_into: invalid value \"nowhere\""
                        + " (expected one of: 'request_parameter', 'header', 'body_data', 'body_json') (line 5)");
        assertThat(bindError(MANIFEST.replace("record_selector:", "record_selectr:")))
                .isEqualTo("streams[0].retriever: missing required field 'record_selector' (line 13)");
        assertThat(bindError(MANIFEST.replace("      type: PageIncrement\n", "")))
                .isEqualTo("streams[0].retriever.paginator.pagination_strategy: missing 'type' (expected one of:"
                        + " 'CursorPagination', 'PageIncrement', 'OffsetIncrement') (line 6)");
        assertThat(bindError(MANIFEST.replace("type: PageIncrement", "type: StreamGroup")))
                .startsWith("streams[0].retriever.paginator.pagination_strategy: unknown type 'StreamGroup'");
        assertThat(bindError(MANIFEST.replace("type: PageIncrement", "type: CustomPaginationStrategy")))
                .isEqualTo("streams[0].retriever.paginator.pagination_strategy: unsupported component"
                        + " CustomPaginationStrategy (line 7)");
    }

    @Test
    void aManifestExceptionFromAConstructorGetsThePath() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml("""
                a:
                  cursor_value: "{{ oops"
                """);

        assertThatThrownBy(() -> ManifestBinder.bind(manifest.manifest().get("a"), Strict.class,
                ManifestPath.root().field("a"), manifest.lines()))
                .isInstanceOf(ManifestException.class)
                .hasMessage("a: template does not compile (line 2)");
    }

    @Test
    void aNumberIsAcceptedWhereAStringIsDeclared() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml("a: {type: CursorPagination, cursor_value: 42}\n");

        CursorPagination bound = ManifestBinder.bind(manifest.manifest().get("a"), CursorPagination.class,
                ManifestPath.root().field("a"), manifest.lines());

        assertThat(bound.cursorValue()).isEqualTo("42");
    }

    @JsonTypeName("Strict")
    record Strict(@JsonProperty("cursor_value") String cursorValue) {
        Strict {
            if (cursorValue.contains("{{") && !cursorValue.contains("}}")) {
                throw new ManifestException("template does not compile");
            }
        }
    }

    private static String bindError(String yaml) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(yaml);
        try {
            ManifestBinder.bind(manifest, Source.class);
        } catch (ManifestException e) {
            return e.getMessage();
        }
        throw new AssertionError("bound without error");
    }
}
