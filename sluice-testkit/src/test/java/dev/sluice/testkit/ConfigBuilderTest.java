package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBuilderTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheBaseUrlAndSettingsInOrder() {
        Config config = ConfigBuilder.withBaseUrl("http://127.0.0.1:8080").put("api_key", "k").put("page_size", 500)
                .put("strict", true).put("ids", Json.nodes().arrayNode().add(1)).build();

        assertThat(config.json()).hasToString(
                "{\"base_url\":\"http://127.0.0.1:8080\",\"api_key\":\"k\",\"page_size\":500,\"strict\":true,"
                        + "\"ids\":[1]}");
    }

    @Test
    void putAllMergesAJsonObjectAndRejectsAnythingElse() {
        Config config = ConfigBuilder.withBaseUrl("u").putAll("{\"base_url\": \"v\", \"n\": 1}").build();

        assertThat(config.json()).hasToString("{\"base_url\":\"v\",\"n\":1}");
        assertThatThrownBy(() -> ConfigBuilder.empty().putAll("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigBuilder.empty().putAll("{")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBuiltConfigDoesNotChangeWithLaterPuts() {
        ConfigBuilder builder = ConfigBuilder.empty().put("a", 1);
        Config first = builder.build();

        builder.put("b", 2);

        assertThat(first.json()).hasToString("{\"a\":1}");
    }

    @Test
    void writesTheFileTheCommandLineReads() throws Exception {
        Path file = ConfigBuilder.withBaseUrl("http://h").put("api_key", "k").writeTo(dir.resolve("config.json"));

        assertThat(file).isEqualTo(dir.resolve("config.json"));
        assertThat(Files.readString(file)).isEqualTo("{\"base_url\":\"http://h\",\"api_key\":\"k\"}");
    }
}
