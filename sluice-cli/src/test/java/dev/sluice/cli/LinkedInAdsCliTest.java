package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.linkedin.mock.LinkedInAdsApiMock;
import dev.sluice.examples.linkedin.mock.LinkedInAdsData;
import dev.sluice.examples.linkedin.mock.LinkedInAdsExpectations;
import dev.sluice.examples.linkedin.mock.LinkedInAdsExpectations.CustomReport;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sluice discover} and {@code ./sluice read --manifest} with the ported LinkedIn Ads connector
 * (sluice-examples' {@code linkedin_ads/manifest.yaml}, its Java custom components on the class path) against
 * the LinkedIn mock: every stream, including a custom report generated from the config, reads the records a
 * correct port reads, and the mock refused nothing.
 */
class LinkedInAdsCliTest {

    private static final String TOKEN = "linkedin-cli-token";
    private static final CustomReport REPORT = new CustomReport("yearly_devices", "IMPRESSION_DEVICE_TYPE", "YEARLY");

    @TempDir
    Path dir;

    private LinkedInAdsApiMock mock;
    private LocalDate startDate;

    @BeforeEach
    void start() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        mock = LinkedInAdsApiMock.start(LinkedInAdsData.relativeTo(today), TOKEN);
        startDate = today.minusDays(40);
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void everyStreamReadsThroughTheCli() throws IOException {
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, mock.manifestPointedHere());
        Path config = dir.resolve("config.json");
        ObjectNode configJson = mock.config(startDate, REPORT.name() + ":" + REPORT.pivot() + ":"
                + REPORT.granularity());
        Files.writeString(config, Json.write(configJson));

        CliRun discover = CliRun.of("discover", "--manifest", manifest.toString(), "--config", config.toString());
        assertThat(discover.exitCode()).as(discover.stdout()).isZero();
        List<AirbyteStream> streams = discover.output().catalog().orElseThrow().streams();
        LinkedInAdsExpectations expectations = new LinkedInAdsExpectations(mock.data(), startDate, List.of(REPORT));
        assertThat(streams).extracting(AirbyteStream::name)
                .containsExactlyInAnyOrderElementsOf(expectations.streams());

        List<ConfiguredAirbyteStream> configured = new ArrayList<>();
        for (AirbyteStream stream : streams) {
            boolean incremental = stream.supportedSyncModes().contains(SyncMode.INCREMENTAL);
            configured.add(new ConfiguredAirbyteStream(stream, incremental ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH,
                    DestinationSyncMode.APPEND, incremental ? stream.defaultCursorField() : null, null));
        }
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, Json.write(new ConfiguredAirbyteCatalog(configured)));

        CliRun read = CliRun.of("read", "--manifest", manifest.toString(), "--config", config.toString(),
                "--catalog", catalog.toString());

        assertThat(read.exitCode()).as(read.output().errors().toString()).isZero();
        assertThat(mock.refused()).as("requests the mock refused as LinkedIn would").isEmpty();
        for (String stream : expectations.streams()) {
            assertThat(expectations.problems(stream, read.output().records(stream))).as(stream).isEmpty();
        }
        assertThat(read.stdout()).as("the access token is masked").doesNotContain(TOKEN);
    }
}
