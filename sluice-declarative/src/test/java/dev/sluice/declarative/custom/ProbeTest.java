package dev.sluice.declarative.custom;

import dev.sluice.declarative.extractor.ExtractorSpec;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestPipeline;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        Object spec = ManifestBinder.bind(ManifestPipeline.fromYaml("type: CustomRecordExtractor\nclass_name: a.B\nkey: x\nnested: {a: 1}\n$parameters: {p: 1}\n"), ExtractorSpec.class);
        System.out.println("PROBE " + spec);
    }
}
