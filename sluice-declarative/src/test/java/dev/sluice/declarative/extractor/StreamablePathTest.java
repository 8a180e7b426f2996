package dev.sluice.declarative.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which extractors a streaming reader can follow: only a plain path of keys. */
class StreamablePathTest {

    @Test
    void aPlainPathOfKeysCanBeFollowed() {
        assertThat(new DpathExtractor(List.of("data", "items")).streamablePath()).contains(List.of("data", "items"));
    }

    @Test
    void globsTheRootAndOtherExtractorsCannot() {
        assertThat(new DpathExtractor(List.of("data", "*")).streamablePath()).isEmpty();
        assertThat(new DpathExtractor(List.of()).streamablePath()).isEmpty();
        RecordExtractor custom = (document, records) -> { };
        assertThat(custom.streamablePath()).isEmpty();
    }
}
