package dev.sluice.declarative;

import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The configs {@link DeclarativeSource#configure} returned in one run, by identity: a config the runner already
 * configured must not be migrated again when it reaches {@code streams} or {@code check} (a migration need not be
 * idempotent, and each would emit its CONTROL message again). A run configures a handful of configs, so they are
 * simply kept until the run ends.
 */
final class ConfiguredConfigs {

    static final RunContext.Service<ConfiguredConfigs> SERVICE = RunContext.Service.of("configured configs",
            ConfiguredConfigs.class, run -> new ConfiguredConfigs());

    private final Set<Config> configured = Collections.newSetFromMap(new IdentityHashMap<>());

    synchronized boolean contains(Config config) {
        return configured.contains(config);
    }

    synchronized Config add(Config config) {
        configured.add(config);
        return config;
    }
}
