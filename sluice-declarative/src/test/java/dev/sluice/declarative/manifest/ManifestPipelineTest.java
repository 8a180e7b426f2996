package dev.sluice.declarative.manifest;

import static dev.sluice.declarative.manifest.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestPipelineTest {

    private static final String MANIFEST = """
            version: 6.0.0
            definitions:
              base_requester:
                type: HttpRequester
                url_base: https://api.example.com
                authenticator:
                  type: BearerAuthenticator
                  api_token: "{{ config['token'] }}"
              base_stream:
                retriever:
                  requester:
                    $ref: "#/definitions/base_requester"
                  record_selector:
                    extractor:
                      field_path: ["data"]
            streams:
              - $ref: "#/definitions/base_stream"
                $parameters:
                  name: users
                  path: /users
            check:
              stream_names: ["users"]
            """;

    @Test
    void loadsResolvesAndPropagates() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(MANIFEST);

        assertThat(manifest.manifest().get("type").asText()).isEqualTo("DeclarativeSource");
        assertThat(manifest.manifest().at("/check/type").asText()).isEqualTo("CheckStream");
        assertThat(manifest.manifest().at("/streams/0")).isEqualTo(json("""
                {"retriever": {
                   "requester": {"type": "HttpRequester", "url_base": "https://api.example.com",
                     "authenticator": {"type": "BearerAuthenticator", "api_token": "{{ config['token'] }}",
                       "name": "users", "path": "/users", "$parameters": {"name": "users", "path": "/users"}},
                     "name": "users", "path": "/users", "$parameters": {"name": "users", "path": "/users"}},
                   "record_selector": {
                     "extractor": {"field_path": ["data"], "type": "DpathExtractor",
                       "name": "users", "path": "/users", "$parameters": {"name": "users", "path": "/users"}},
                     "type": "RecordSelector",
                     "name": "users", "path": "/users", "$parameters": {"name": "users", "path": "/users"}},
                   "type": "SimpleRetriever",
                   "name": "users", "path": "/users", "$parameters": {"name": "users", "path": "/users"}},
                 "type": "DeclarativeStream",
                 "name": "users", "path": "/users", "$parameters": {"name": "users", "path": "/users"}}
                """));
    }

    @Test
    void problemsInsideCopiedContentNameTheLineOfTheReferencedYaml() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(MANIFEST);
        ManifestPath retriever = ManifestPath.root().field("streams").index(0).field("retriever");

        assertThat(manifest.lineOf(ManifestPath.root().field("streams").index(0))).isEqualTo(17);
        assertThat(manifest.lineOf(retriever)).isEqualTo(10);
        assertThat(manifest.lineOf(retriever.field("requester").field("authenticator").field("api_token")))
                .isEqualTo(8);
        assertThat(manifest.lineOf(retriever.field("record_selector").field("extractor").field("path")))
                .as("injected from $parameters").isEqualTo(20);
        assertThat(manifest.problem(retriever.field("requester").field("url_base"), "bad url").getMessage())
                .isEqualTo("streams[0].retriever.requester.url_base: bad url (line 5)");
    }

    @Test
    void aJsonManifestGivesTheSameTreeWithoutLines() {
        ResolvedManifest fromYaml = ManifestPipeline.fromYaml(MANIFEST);
        ResolvedManifest fromJson = ManifestPipeline.fromJson(ManifestLoader.fromYaml(MANIFEST).root());

        assertThat(fromJson.manifest()).isEqualTo(fromYaml.manifest());
        assertThat(fromJson.lineOf(ManifestPath.root().field("streams").index(0))).isZero();
    }

    @Test
    void printsTheResolvedManifestAsJson() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml("version: 1.0.0\nschemas: {a: {type: object}}\n");

        assertThat(manifest.toJson()).isEqualTo("""
                {
                  "version" : "1.0.0",
                  "schemas" : {
                    "a" : {
                      "type" : "object"
                    }
                  },
                  "type" : "DeclarativeSource"
                }""");
    }
}
