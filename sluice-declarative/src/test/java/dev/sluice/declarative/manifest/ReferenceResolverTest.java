package dev.sluice.declarative.manifest;

import static dev.sluice.declarative.manifest.Trees.json;
import static dev.sluice.declarative.manifest.Trees.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of the reference's {@code test_manifest_reference_resolver.py}, plus the rules it leaves
 * implicit; every expected tree is the output of the reference's resolver on the same input.
 */
class ReferenceResolverTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("refer",
                        """
                        {"limit": 50, "limit_ref": "#/limit"}""",
                        """
                        {"limit": 50, "limit_ref": 50}"""),
                Arguments.of("refer_to_inner",
                        """
                        {"dict": {"limit": 50}, "limit_ref": "#/dict/limit"}""",
                        """
                        {"dict": {"limit": 50}, "limit_ref": 50}"""),
                Arguments.of("refer_in_dict",
                        """
                        {"limit": 50, "offset_request_parameters":
                          {"offset": "{{ next_page_token['offset'] }}", "limit": "#/limit"}}""",
                        """
                        {"limit": 50, "offset_request_parameters":
                          {"offset": "{{ next_page_token['offset'] }}", "limit": 50}}"""),
                Arguments.of("refer_to_dict",
                        """
                        {"limit": 50,
                         "offset_request_parameters": {"offset": "{{ next_page_token['offset'] }}", "limit": "#/limit"},
                         "offset_pagination_request_parameters": {"class": "InterpolatedRequestParameterProvider",
                           "request_parameters": "#/offset_request_parameters"}}""",
                        """
                        {"limit": 50,
                         "offset_request_parameters": {"offset": "{{ next_page_token['offset'] }}", "limit": 50},
                         "offset_pagination_request_parameters": {"class": "InterpolatedRequestParameterProvider",
                           "request_parameters": {"offset": "{{ next_page_token['offset'] }}", "limit": 50}}}"""),
                Arguments.of("refer_and_overwrite",
                        """
                        {"limit": 50, "custom_limit": 25,
                         "offset_request_parameters": {"offset": "{{ next_page_token['offset'] }}", "limit": "#/limit"},
                         "custom_request_parameters": {"$ref": "#/offset_request_parameters", "limit": "#/custom_limit"}}""",
                        """
                        {"limit": 50, "custom_limit": 25,
                         "offset_request_parameters": {"offset": "{{ next_page_token['offset'] }}", "limit": 50},
                         "custom_request_parameters": {"offset": "{{ next_page_token['offset'] }}", "limit": 25}}"""),
                Arguments.of("collision",
                        """
                        {"example": {"nested": {"path": "first one", "more_nested": {"value": "found it!"}},
                                     "nested/path": "uh oh"},
                         "reference_to_nested_path": {"$ref": "#/example/nested/path"},
                         "reference_to_nested_nested_value": {"$ref": "#/example/nested/more_nested/value"}}""",
                        """
                        {"example": {"nested": {"path": "first one", "more_nested": {"value": "found it!"}},
                                     "nested/path": "uh oh"},
                         "reference_to_nested_path": "uh oh",
                         "reference_to_nested_nested_value": "found it!"}"""),
                Arguments.of("internal_collision",
                        """
                        {"example": {"nested": {"path": {"internal": "uh oh"}, "path/internal": "found it!"}},
                         "reference": {"$ref": "#/example/nested/path/internal"}}""",
                        """
                        {"example": {"nested": {"path": {"internal": "uh oh"}, "path/internal": "found it!"}},
                         "reference": "found it!"}"""),
                Arguments.of("list",
                        """
                        {"list": ["A", "B"], "elem_ref": "#/list/0"}""",
                        """
                        {"list": ["A", "B"], "elem_ref": "A"}"""),
                Arguments.of("nested_list",
                        """
                        {"list": [["A"], ["B"]], "elem_ref": "#/list/1/0"}""",
                        """
                        {"list": [["A"], ["B"]], "elem_ref": "B"}"""),
                Arguments.of("list_of_dicts",
                        """
                        {"list": [{"A": "a"}, {"B": "b"}], "elem_ref": "#/list/1/B"}""",
                        """
                        {"list": [{"A": "a"}, {"B": "b"}], "elem_ref": "b"}"""),
                Arguments.of("multiple_levels_of_indexing",
                        """
                        {"list": [{"A": ["a1", "a2"]}, {"B": ["b1", "b2"]}], "elem_ref": "#/list/1/B/0"}""",
                        """
                        {"list": [{"A": ["a1", "a2"]}, {"B": ["b1", "b2"]}], "elem_ref": "b1"}"""),
                Arguments.of("ref_to_non_object_drops_local_keys",
                        """
                        {"list": [1, 2], "x": {"$ref": "#/list", "k": "dropped"}}""",
                        """
                        {"list": [1, 2], "x": [1, 2]}"""),
                Arguments.of("shallow_merge_local_wins",
                        """
                        {"base": {"a": {"x": 1, "y": 2}, "b": 1}, "child": {"$ref": "#/base", "a": {"z": 3}, "c": "#/base/b"}}""",
                        """
                        {"base": {"a": {"x": 1, "y": 2}, "b": 1}, "child": {"a": {"z": 3}, "b": 1, "c": 1}}"""),
                Arguments.of("config_overrides_verbatim",
                        """
                        {"base": {"a": 1}, "check": {"config_overrides": {"start": "#/not/a/ref", "n": {"$ref": "#/base"}}}}""",
                        """
                        {"base": {"a": 1}, "check": {"config_overrides": {"start": "#/not/a/ref", "n": {"$ref": "#/base"}}}}"""),
                Arguments.of("negative_index_and_string_index",
                        """
                        {"list": ["a", "b", "c"], "last": "#/list/-1", "word": "hello", "char": "#/word/1"}""",
                        """
                        {"list": ["a", "b", "c"], "last": "c", "word": "hello", "char": "e"}"""),
                Arguments.of("dict_key_zero_as_last_step",
                        """
                        {"d": {"0": "zero"}, "ok": "#/d/0"}""",
                        """
                        {"d": {"0": "zero"}, "ok": "zero"}"""),
                Arguments.of("nested_refs",
                        """
                        {"definitions": {"requester": {"url": "#/definitions/url"}, "url": "https://x"},
                         "stream": {"$ref": "#/definitions/requester", "path": "/p"}}""",
                        """
                        {"definitions": {"requester": {"url": "https://x"}, "url": "https://x"},
                         "stream": {"url": "https://x", "path": "/p"}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesLikeTheReference(String name, String input, String expected) {
        JsonNode manifest = json(input);
        String before = ordered(manifest);

        JsonNode resolved = ReferenceResolver.resolve(ManifestTree.of(manifest)).root();

        assertThat(ordered(resolved)).isEqualTo(ordered(json(expected)));
        assertThat(ordered(manifest)).as("input unchanged").isEqualTo(before);
    }

    @Test
    void undefinedReferenceIsLocatedAtTheReferringNode() {
        assertThatThrownBy(() -> resolve("""
                dict:
                  limit: 50
                limit_ref: "#/not_dict"
                """))
                .isInstanceOf(ManifestException.class)
                .hasMessage("limit_ref: undefined reference '#/not_dict' (line 3)");
    }

    @Test
    void anIntegerStepFindsNothingInAMapping() {
        assertThatThrownBy(() -> resolve("""
                d: {"0": {x: 1}}
                r: "#/d/0/x"
                """))
                .hasMessage("r: undefined reference '#/d/0/x' (line 2)");
    }

    @Test
    void circularReferenceIsReportedNotOverflowed() {
        assertThatThrownBy(() -> resolve("""
                elem_ref1: "#/elem_ref2"
                elem_ref2: "#/elem_ref1"
                """))
                .hasMessage("elem_ref1: circular reference '#/elem_ref2' (line 1)");
        assertThatThrownBy(() -> resolve("""
                definitions:
                  stream:
                    retriever:
                      $ref: "#/definitions/stream"
                streams:
                  - $ref: "#/definitions/stream"
                """))
                .hasMessage("definitions.stream.retriever.retriever: circular reference '#/definitions/stream' (line 4)");
    }

    @Test
    void copiedContentKeepsTheLinesOfTheReferencedYaml() {
        ManifestTree resolved = ReferenceResolver.resolve(ManifestLoader.fromYaml("""
                definitions:
                  requester:
                    url: https://x
                    headers:
                      a: b
                streams:
                  - retriever:
                      requester:
                        $ref: "#/definitions/requester"
                        path: /users
                """));
        ManifestPath requester = ManifestPath.root().field("streams").index(0).field("retriever").field("requester");

        assertThat(resolved.lines().lineAt(resolved.root(), requester)).isEqualTo(8);
        assertThat(resolved.lines().lineAt(resolved.root(), requester.field("url"))).isEqualTo(3);
        assertThat(resolved.lines().lineAt(resolved.root(), requester.field("headers").field("a"))).isEqualTo(5);
        assertThat(resolved.lines().lineAt(resolved.root(), requester.field("path"))).isEqualTo(10);
    }

    private static JsonNode resolve(String yaml) {
        return ReferenceResolver.resolve(ManifestLoader.fromYaml(yaml)).root();
    }
}
