package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateScannerTest {

    @Test
    void checksValuesAndKeysOfLiveContentOnly() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml("""
                definitions:
                  unused: "{{ never checked"
                  requester:
                    url: "{{ config.url "
                schemas:
                  users: {type: object, properties: {a: {description: "{{ not a template"}}}
                streams:
                  - retriever:
                      requester:
                        $ref: "#/definitions/requester"
                        request_headers:
                          "{% if x %}": "{{ y }}"
                  - retriever:
                      requester:
                        $ref: "#/definitions/requester"
                spec:
                  connection_specification:
                    type: object
                    properties: {x: {description: "{{ documentation }"}}
                """);
        List<String> seen = new ArrayList<>();

        List<ManifestException> problems = TemplateScanner.scan(manifest, template -> {
            seen.add(template);
            return template.endsWith("}}") || template.endsWith("%}") ? Optional.empty() : Optional.of("bad template");
        });

        assertThat(problems).extracting(Throwable::getMessage).containsExactly(
                "streams[0].retriever.requester.url: bad template (line 4)");
        assertThat(seen).containsExactly("{{ config.url ", "{% if x %}", "{{ y }}", "{{ config.url ");
    }
}
