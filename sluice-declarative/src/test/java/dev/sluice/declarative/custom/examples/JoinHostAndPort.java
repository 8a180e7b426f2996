package dev.sluice.declarative.custom.examples;

import dev.sluice.declarative.config.ConfigTransformation;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;

/** CustomConfigTransformation: {@code base_url} made of the config's {@code host} and {@code port}. */
public final class JoinHostAndPort implements ConfigTransformation {

    @Override
    public Config transform(Config config) {
        if (!config.json().has("host")) {
            return config;
        }
        return config.with("base_url", Json.nodes().textNode("http://" + config.json().path("host").asText() + ":"
                + config.json().path("port").asText()));
    }
}
