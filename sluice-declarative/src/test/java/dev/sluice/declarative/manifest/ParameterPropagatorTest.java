package dev.sluice.declarative.manifest;

import static dev.sluice.declarative.manifest.Trees.json;
import static dev.sluice.declarative.manifest.Trees.object;
import static dev.sluice.declarative.manifest.Trees.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ParameterPropagatorTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.declarative.manifest.ParameterPropagatorCases#reference")
    void propagatesLikeTheReference(String name, String component, String expected) {
        ObjectNode input = object(component);
        String before = ordered(input);

        JsonNode actual = ParameterPropagator.propagate("", input, JsonNodeFactory.instance.objectNode(), false);

        assertThat(actual).isEqualTo(json(expected));
        assertThat(ordered(input)).as("input unchanged").isEqualTo(before);
    }

    /** Expected trees are the reference's output for the same input, key order included. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "falsy fields are overwritten"
                    + "|{\"type\": \"DeclarativeStream\", \"$parameters\": {\"name\": \"users\", \"primary_key\": \"id\","
                    + " \"flag\": true}, \"name\": \"\", \"primary_key\": null, \"flag\": false}"
                    + "|{\"type\": \"DeclarativeStream\", \"name\": \"users\", \"primary_key\": \"id\", \"flag\": true,"
                    + " \"$parameters\": {\"name\": \"users\", \"primary_key\": \"id\", \"flag\": true}}",
            "untyped mapping only passes parameters to typed children"
                    + "|{\"type\": \"HttpRequester\", \"$parameters\": {\"p\": 1}, \"request_parameters\":"
                    + " {\"$parameters\": {\"q\": 2}, \"plain\": {\"a\": 1}, \"typed\": {\"type\": \"QueryProperties\"}}}"
                    + "|{\"type\": \"HttpRequester\", \"request_parameters\": {\"plain\": {\"a\": 1}, \"typed\":"
                    + " {\"type\": \"QueryProperties\", \"p\": 1, \"q\": 2, \"$parameters\": {\"p\": 1, \"q\": 2}}},"
                    + " \"p\": 1, \"$parameters\": {\"p\": 1}}",
            "a list parameter is shared with the field it fills, as in the reference"
                    + "|{\"type\": \"AddFields\", \"$parameters\": {\"fields\": [{\"path\": [\"a\"], \"value\": \"x\"}]}}"
                    + "|{\"type\": \"AddFields\", \"fields\": [{\"path\": [\"a\"], \"value\": \"x\", \"type\":"
                    + " \"AddedFieldDefinition\"}], \"$parameters\": {\"fields\": [{\"path\": [\"a\"], \"value\": \"x\","
                    + " \"type\": \"AddedFieldDefinition\"}]}}",
            "a falsy parameter named like a child field is dropped"
                    + "|{\"type\": \"DeclarativeStream\", \"$parameters\": {\"retriever\": \"\", \"name\": \"n\"},"
                    + " \"retriever\": {\"type\": \"SimpleRetriever\"}, \"x\": {\"type\": \"RecordFilter\"}}"
                    + "|{\"type\": \"DeclarativeStream\", \"retriever\": {\"type\": \"SimpleRetriever\", \"name\": \"n\","
                    + " \"$parameters\": {\"name\": \"n\"}}, \"x\": {\"type\": \"RecordFilter\", \"name\": \"n\","
                    + " \"$parameters\": {\"name\": \"n\"}}, \"name\": \"n\", \"$parameters\": {\"name\": \"n\"}}",
    })
    void followsTheReferenceInItsCornerCases(String name, String component, String expected) {
        JsonNode actual = ParameterPropagator.propagate("", object(component), JsonNodeFactory.instance.objectNode(), false);

        assertThat(ordered(actual)).isEqualTo(ordered(json(expected)));
    }

    @ParameterizedTest(name = "useParentParameters={0}")
    @CsvSource({"true, parent_priority", "false, component_priority"})
    void useParentParametersDecidesWhichParametersWin(boolean useParentParameters, String requesterParameter) {
        ObjectNode component = object("""
                {"type": "DeclarativeStream",
                 "retriever": {"type": "SimpleRetriever",
                   "requester": {"type": "HttpRequester", "name": "component_priority", "url_base": "https://coffee.example.io/v1/",
                                 "http_method": "GET", "primary_key": "id", "$parameters": {"name": "component_priority"}},
                   "$parameters": {"name": "parent_priority"}}}
                """);

        JsonNode actual = ParameterPropagator.propagate("", component, JsonNodeFactory.instance.objectNode(),
                useParentParameters);

        assertThat(actual).isEqualTo(json("""
                {"type": "DeclarativeStream",
                 "retriever": {"type": "SimpleRetriever", "name": "parent_priority",
                   "requester": {"type": "HttpRequester", "name": "component_priority", "url_base": "https://coffee.example.io/v1/",
                                 "http_method": "GET", "primary_key": "id", "$parameters": {"name": "%s"}},
                   "$parameters": {"name": "parent_priority"}}}
                """.formatted(requesterParameter)));
    }

    @Test
    void dynamicStreamParametersWinWhenUseParentParameters() {
        ObjectNode component = object("""
                {"type": "DeclarativeStream", "retriever": {"type": "SimpleRetriever", "$parameters": {"name": "retriever_name"}},
                 "$parameters": {"name": "parent_name"}}
                """);
        ObjectNode none = JsonNodeFactory.instance.objectNode();

        assertThat(ParameterPropagator.propagate("", component, none, false).at("/retriever/name").asText())
                .isEqualTo("retriever_name");
        assertThat(ParameterPropagator.propagate("", component, none, true).at("/retriever/name").asText())
                .isEqualTo("parent_name");
    }

    @Test
    void injectedKeysGetTheLineOfTheirParameter() {
        ManifestTree tree = ParameterPropagator.propagate(ManifestLoader.fromYaml("""
                type: DeclarativeSource
                streams:
                  - type: DeclarativeStream
                    $parameters:
                      name: users
                      path: /users
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                """));
        ManifestPath requester = ManifestPath.root().field("streams").index(0).field("retriever").field("requester");

        assertThat(tree.root().at("/streams/0/retriever/requester/path").asText()).isEqualTo("/users");
        assertThat(tree.lines().lineAt(tree.root(), requester.field("path"))).isEqualTo(6);
        assertThat(tree.lines().lineAt(tree.root(), requester.field("name"))).isEqualTo(5);
        assertThat(tree.lines().lineAt(tree.root(), requester.field("type"))).isEqualTo(10);
    }

    @Test
    void parametersMustBeAMapping() {
        assertThatThrownBy(() -> ParameterPropagator.propagate(ManifestLoader.fromYaml("""
                type: DeclarativeSource
                streams:
                  - $parameters: [name]
                """)))
                .isInstanceOf(ManifestException.class)
                .hasMessage("streams[0].$parameters: $parameters must be a mapping, found a list (line 3)");
    }
}
