package dev.sluice.declarative.config;

import dev.sluice.source.Config;

/**
 * One rule of {@code config_normalization_rules.validations} ({@code DpathValidator}, {@code PredicateValidator}),
 * judged on the config after migrations and transformations.
 */
@FunctionalInterface
public interface ConfigValidation {

    /**
     * Returns normally when the config passes this rule.
     *
     * @throws dev.sluice.source.ConfigException naming the rule (and where the manifest declares it) when not
     */
    void validate(Config config);
}
