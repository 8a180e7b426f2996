package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.FakeSpecs.PaginationStrategy;
import dev.sluice.declarative.manifest.FakeSpecs.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void aValidManifestHasNoProblemsAndBinds() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(ManifestBinderTest.MANIFEST);

        ValidationReport report = validator.validate(manifest, Source.class);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).as("keys injected from $parameters are not unknown").isEmpty();
        report.throwIfInvalid(true);
        ManifestBinder.bind(manifest, Source.class);
    }

    @Test
    void reportsEveryProblemWithItsPathAndLine() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml("""
                version: 1.0.0
                definitions:
                  strategy:
                    type: CursorPaginaton
                    page_size: 10
                streams:
                  - type: DeclarativeStream
                    retriever:
                      requester:
                        url_base: {host: x}
                        http_method: PATCH
                        request_headers: {A: [1]}
                      record_selector:
                        extractor:
                          field_path: data
                      paginator:
                        type: DefaultPaginator
                        pagination_strategy:
                          $ref: "#/definitions/strategy"
                  - type: DeclarativeStream
                  - type: DeclarativeStreem
                    retriever: {}
                  - type: AsyncRetriever
                  - type: SimpleRetriever
                  - {}
                  - name: no type given
                    retriever: [1]
                """);

        ValidationReport report = validator.validate(manifest, Source.class);

        assertThat(report.errors()).extracting(Throwable::getMessage).containsExactly(
                "streams[0].retriever.requester.url_base: expected a string, found a mapping (line 10)",
                "streams[0].retriever.requester.http_method: invalid value \"PATCH\" (expected one of: 'GET', 'POST')"
                        + " (line 11)",
                "streams[0].retriever.requester.request_headers.A: expected a string, found a list (line 12)",
                "streams[0].retriever.record_selector.extractor.field_path: expected a list, found a string (line 15)",
                "streams[0].retriever.paginator.pagination_strategy: unknown type 'CursorPaginaton'"
                        + " (did you mean 'CursorPagination'?) (line 4)",
                "streams[1]: missing required field 'retriever' (line 20)",
                "streams[2]: unknown type 'DeclarativeStreem' (did you mean 'DeclarativeStream'?) (line 21)",
                "streams[3]: unsupported component AsyncRetriever (line 23)",
                "streams[4]: type 'SimpleRetriever' is not allowed here (expected 'DeclarativeStream') (line 24)",
                "streams[5]: missing required field 'retriever' (line 25)",
                "streams[6].retriever: expected a mapping, found a list (line 27)");
        assertThatThrownBy(() -> report.throwIfInvalid(false))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("11 problems in the manifest:\n"
                        + "  streams[0].retriever.requester.url_base: expected a string, found a mapping (line 10)\n");
    }

    @Test
    void scalarsAreAcceptedWhereAStringIsDeclaredButCollectionsAreNot() {
        List<String> problems = new ArrayList<>();
        for (String pageSize : List.of("100", "1.5", "true", "'{{ config.size }}'", "[1]", "{a: 1}")) {
            ResolvedManifest manifest = ManifestPipeline.fromYaml("s: {type: OffsetIncrement, page_size: " + pageSize + "}\n");
            validator.validate(manifest.manifest().get("s"), PaginationStrategy.class, ManifestPath.root().field("s"),
                    manifest.lines()).errors().forEach(e -> problems.add(e.getMessage()));
        }

        assertThat(problems).containsExactly(
                "s.page_size: expected a string, found a list (line 1)",
                "s.page_size: expected a string, found a mapping (line 1)");
    }

    @Test
    void unknownKeysAreWarningsWithTheirPathAndStrictModeFails() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(ManifestBinderTest.MANIFEST
                .replace("      page_size: 100\n", "      page_sise: 100\n")
                .replace("          field_path: [data]\n", "          field_path: [data]\n          fieldpath: x\n"));

        ValidationReport report = validator.validate(manifest, Source.class);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Throwable::getMessage).containsExactly(
                "streams[0].retriever.record_selector.extractor.fieldpath: unknown field"
                        + " (did you mean 'field_path'?); it is ignored (line 21)",
                "streams[0].retriever.paginator.pagination_strategy.page_sise: unknown field"
                        + " (did you mean 'page_size'?); it is ignored (line 8)");
        report.throwIfInvalid(false);
        assertThatThrownBy(() -> report.throwIfInvalid(true)).hasMessageStartingWith("2 problems in the manifest:");
    }

    @Test
    void theTopLevelAllowsNoUnknownKeysNotEvenParameters() {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(ManifestBinderTest.MANIFEST
                + "spec_typo: {}\n$parameters: {name: x}\n");

        ValidationReport report = validator.validate(manifest, Source.class);

        assertThat(report.errors()).extracting(Throwable::getMessage).containsExactly(
                "spec_typo: unknown field (line 25)",
                "name: unknown field (line 26)",
                "$parameters: unknown field (line 26)");
    }

    @Test
    void templatesAreHandedToTheCheckOnceWithTheirLine() {
        List<String> seen = new ArrayList<>();
        ManifestValidator checking = new ManifestValidator(template -> {
            seen.add(template);
            return template.contains("}}") ? Optional.empty() : Optional.of("unclosed template '" + template + "'");
        });
        ResolvedManifest manifest = ManifestPipeline.fromYaml(ManifestBinderTest.MANIFEST
                .replace("$parameters: {name: users, path: /users}",
                        "$parameters: {name: users, path: \"/{{ parameters.name }\"}")
                .replace("url_base: https://api.example.com", "url_base: \"{{ config['base'] }}\""));

        ValidationReport report = checking.validate(manifest, Source.class);

        assertThat(report.errors()).extracting(Throwable::getMessage).containsExactly(
                "streams[0].retriever.requester.path: unclosed template '/{{ parameters.name }' (line 12)");
        assertThat(seen).contains("{{ config['base'] }}");
    }
}
