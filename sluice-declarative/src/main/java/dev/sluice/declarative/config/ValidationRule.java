package dev.sluice.declarative.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.source.ConfigException;

/**
 * Which rule of the manifest a validation is, so that a failure names it and where it is declared: the user
 * learns which rule their config breaks, the author where to look.
 */
record ValidationRule(String name, SpecLocation location) {

    /** Runs {@code strategy} on {@code value}; its failure becomes a config error naming this rule. */
    void check(ValidationStrategy strategy, JsonNode value) {
        try {
            strategy.validate(value);
        } catch (ConfigException e) {
            String where = location.isKnown() ? " (" + location.describe() + ")" : "";
            throw new ConfigException("The config fails the manifest's validation rule " + name + where + ": "
                    + e.userMessage(), e);
        }
    }
}
