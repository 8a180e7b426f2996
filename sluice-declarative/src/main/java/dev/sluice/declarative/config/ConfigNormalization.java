package dev.sluice.declarative.config;

import dev.sluice.source.Config;
import java.util.List;

/**
 * Runtime of {@link ConfigNormalizationRulesSpec}: the three phases, each a function of the config. Which config
 * is persisted, and when the phases run, is the source's business ({@code DeclarativeSource.configure}).
 */
public final class ConfigNormalization {

    /** No rules: every phase leaves the config as it is. */
    public static final ConfigNormalization NONE = new ConfigNormalization(List.of(), List.of(), List.of());

    private final List<List<ConfigTransformation>> migrations;
    private final List<ConfigTransformation> transformations;
    private final List<ConfigValidation> validations;

    ConfigNormalization(List<List<ConfigTransformation>> migrations, List<ConfigTransformation> transformations,
            List<ConfigValidation> validations) {
        this.migrations = migrations.stream().map(List::copyOf).toList();
        this.transformations = List.copyOf(transformations);
        this.validations = List.copyOf(validations);
    }

    /** The config after every migration's transformations, in order (the config itself when none applies). */
    public Config migrate(Config config) {
        Config result = config;
        for (List<ConfigTransformation> migration : migrations) {
            result = apply(migration, result);
        }
        return result;
    }

    /** The config after the in-memory transformations, in order. */
    public Config transform(Config config) {
        return apply(transformations, config);
    }

    /** @throws dev.sluice.source.ConfigException naming the first rule the config fails */
    public void validate(Config config) {
        validations.forEach(validation -> validation.validate(config));
    }

    private static Config apply(List<ConfigTransformation> steps, Config config) {
        Config result = config;
        for (ConfigTransformation step : steps) {
            result = step.transform(result);
        }
        return result;
    }
}
