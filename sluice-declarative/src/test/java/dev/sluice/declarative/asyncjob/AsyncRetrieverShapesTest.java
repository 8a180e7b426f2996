package dev.sluice.declarative.asyncjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestException;
import org.junit.jupiter.api.Test;

/** Manifests an {@code AsyncRetriever} cannot run are refused when they load, naming the YAML path and line. */
class AsyncRetrieverShapesTest {

    private static String manifest(String topLevel, String retrieverExtra) {
        return AsyncJobsEndToEndTest.manifest(topLevel, retrieverExtra, "");
    }

    @Test
    void aWellFormedAsyncRetrieverLoads() {
        DeclarativeSource source = ManifestSources.fromYaml(manifest("max_concurrent_async_job_count: 3\n",
                "polling_job_timeout: \"{{ config.get('timeout', 30) }}\"\nfailed_retry_wait_time_in_seconds: 60"));

        assertThat(source.manifest().maxConcurrentAsyncJobCount()).isEqualTo("3");
    }

    @Test
    void aStatusMappingWithoutTimeoutIsRefused() {
        String yaml = manifest("", "").replace("timeout: [timeout]", "skipped: [timeout]");

        assertThatThrownBy(() -> ManifestSources.fromYaml(yaml)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.status_mapping: missing required field 'timeout'")
                .hasMessageContaining("(line 23)");
    }

    @Test
    void anApiStatusMappedTwiceIsRefusedWithTheReferencesMessage() {
        String yaml = manifest("", "").replace("failed: [failed]", "failed: [failed, running]");

        // model_to_component_factory.py: _create_async_job_status_mapping.
        assertThatThrownBy(() -> ManifestSources.fromYaml(yaml)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.status_mapping")
                .hasMessageContaining("API status running is already set for CDK status failed")
                .hasMessageContaining("(line 23)");
    }

    @Test
    void aDownloadTargetRequesterNeedsADownloadTargetExtractor() {
        String yaml = manifest("", """
                download_target_requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /urls}
                """).replace("      download_target_extractor: {type: DpathExtractor, field_path: [url]}\n", "");

        assertThatThrownBy(() -> ManifestSources.fromYaml(yaml)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever")
                .hasMessageContaining("`download_target_extractor` required if using a `download_target_requester`");
    }

    @Test
    void wrongKindsAreRefused() {
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("max_concurrent_async_job_count: {a: 1}\n", "")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("max_concurrent_async_job_count: expected a string, found a mapping (line 3)");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("", "download_extractor: {type: RecordSelector}")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.download_extractor: type 'RecordSelector' is not allowed "
                        + "here (expected one of: 'DpathExtractor', 'CustomRecordExtractor', 'ResponseToFileExtractor') (line 41)");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("", "status_extractor: {type: ResponseToFileExtractor}")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.status_extractor: type 'ResponseToFileExtractor' is not "
                        + "allowed here");
    }
}
