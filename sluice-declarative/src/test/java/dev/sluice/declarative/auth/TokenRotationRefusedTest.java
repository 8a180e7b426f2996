package dev.sluice.declarative.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestException;
import org.junit.jupiter.api.Test;

/** Token rotation is not implemented: a manifest asking for it is refused when it loads, never run without it. */
class TokenRotationRefusedTest {

    @Test
    void aRateLimitedMultipleTokenAuthenticatorIsRefusedWithItsPathAndLine() {
        String manifest = """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    schema_loader: {type: InlineSchemaLoader, schema: {}}
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "http://localhost"
                        path: /items
                        authenticator:
                          type: RateLimitedMultipleTokenAuthenticator
                          tokens: ["a", "b"]
                          quota_status_source: {type: QuotaStatusSource, url: "http://localhost/rate_limit"}
                          quotas: [{type: TokenQuota, name: core, remaining_path: [remaining], reset_path: [reset]}]
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                """;
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.requester.authenticator: unsupported component "
                        + "RateLimitedMultipleTokenAuthenticator")
                .hasMessageContaining("(line 14)");
    }
}
